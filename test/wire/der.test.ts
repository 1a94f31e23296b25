import { describe, expect, it } from 'vitest';
import {
  childrenOf,
  integer,
  integerHexOf,
  octetsOf,
  oid,
  oidOf,
  readDer,
  sequence,
  set,
  TAG,
  textOf,
  time,
  utf8String,
} from '../../src/wire/der.js';

describe('the minimal DER reader and writer', () => {
  it('writes and reads back OIDs, positive minimal INTEGERs, strings and long lengths', () => {
    const long = Buffer.alloc(300, 7);
    const der = sequence(
      oid('1.2.840.113549.1.9.16.3.1'),
      integer(Buffer.from([0x00, 0x00, 0x80])),
      integer(5),
      utf8String('Schüler'),
      tlvOctets(long),
    );
    const [type, big, small, text, octets] = childrenOf(readDer(der));
    expect(oidOf(type)).toBe('1.2.840.113549.1.9.16.3.1');
    // 0x80 needs a leading zero to stay positive; the extra zeros go.
    expect(integer(Buffer.from([0x00, 0x00, 0x80])).toString('hex')).toBe('02020080');
    expect(integerHexOf(big)).toBe('80');
    expect(integerHexOf(small)).toBe('5');
    expect(textOf(text)).toBe('Schüler');
    expect(octetsOf(octets!).equals(long)).toBe(true);
  });

  it('reads BER: an indefinite length and an OCTET STRING sent in pieces', () => {
    // SEQUENCE (indefinite) { OCTET STRING constructed (indefinite) { 'ab', 'cd' }, NULL } EOC
    const ber = Buffer.from('3080' + '2480' + '04026162' + '04026364' + '0000' + '0500' + '0000', 'hex');
    const [pieces, nothing] = childrenOf(readDer(ber));
    expect(octetsOf(pieces!).toString()).toBe('abcd');
    expect(nothing!.tag).toBe(TAG.NULL);
  });

  it('refuses truncated input, trailing bytes and a primitive read as constructed', () => {
    expect(() => readDer(Buffer.from('300500', 'hex'))).toThrow(/truncated/);
    expect(() => readDer(Buffer.from('05000500', 'hex'))).toThrow(/trailing/);
    expect(() => childrenOf(readDer(Buffer.from('0500', 'hex')))).toThrow(/constructed/);
  });

  it('writes UTCTime to 2049 and GeneralizedTime after, and SETs as given', () => {
    expect(time(new Date('2049-12-31T23:59:59Z')).subarray(2).toString()).toBe('491231235959Z');
    expect(time(new Date('2050-01-01T00:00:00Z')).subarray(2).toString()).toBe('20500101000000Z');
    expect(set(integer(1)).toString('hex')).toBe('3103020101');
  });
});

function tlvOctets(bytes: Buffer): Buffer {
  return Buffer.concat([Buffer.from([TAG.OCTET_STRING, 0x82, bytes.length >> 8, bytes.length & 0xff]), bytes]);
}
