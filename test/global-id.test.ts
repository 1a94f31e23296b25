import { describe, expect, it } from 'vitest';
import { fromGlobalId, integerKeyOf, toGlobalId } from '../src/global-id.js';

const encode = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('toGlobalId / fromGlobalId', () => {
  it('encodes "<type>:<key>" as unpadded base64url', () => {
    expect(toGlobalId('ApiKey', 7)).toBe(encode('ApiKey:7'));
    expect(toGlobalId('ApiKey', 7)).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('decodes what it encoded, keeping the key as text', () => {
    expect(fromGlobalId(toGlobalId('ApiKey', 7))).toEqual({ typeName: 'ApiKey', key: '7' });
    expect(fromGlobalId(toGlobalId('Device', 'C02XK1:ABC/é'))).toEqual({ typeName: 'Device', key: 'C02XK1:ABC/é' });
    expect(fromGlobalId(toGlobalId('AuditEvent2', 123456))).toEqual({ typeName: 'AuditEvent2', key: '123456' });
  });

  it('returns null for garbage', () => {
    for (const id of ['', '!!!', 'has space', encode('no colon'), encode('ApiKey:'), encode(':7'), 'A'.repeat(201), '12345']) {
      expect(fromGlobalId(id)).toBeNull();
    }
  });

  it('returns null for base64 it would not have written: padding, standard alphabet, non-canonical bits', () => {
    const id = toGlobalId('ApiKey', 7);
    expect(id).toHaveLength(11);
    expect(fromGlobalId(id + '=')).toBeNull();
    const urlSafe = toGlobalId('Device', '~~~');
    expect(urlSafe).toContain('-');
    expect(fromGlobalId(urlSafe)).toEqual({ typeName: 'Device', key: '~~~' });
    expect(fromGlobalId(urlSafe.replaceAll('-', '+'))).toBeNull();
    // 8 bytes leave 2 unused bits in the last character: same bytes, a different string.
    const lastBits = id.slice(0, -1) + String.fromCharCode(id.charCodeAt(10) + 1);
    expect(Buffer.from(lastBits, 'base64url')).toEqual(Buffer.from(id, 'base64url'));
    expect(fromGlobalId(lastBits)).toBeNull();
  });

  it('returns null for a type name that does not start with a capital letter', () => {
    expect(fromGlobalId(toGlobalId('apiKey', 7))).toBeNull();
    expect(fromGlobalId(toGlobalId('1ApiKey', 7))).toBeNull();
    expect(fromGlobalId(toGlobalId('Api_Key', 7))).toBeNull();
  });

  it('returns null for bytes that are not UTF-8', () => {
    const id = Buffer.concat([Buffer.from('ApiKey:'), Buffer.from([0xff, 0xfe])]).toString('base64url');
    expect(fromGlobalId(id)).toBeNull();
  });
});

describe('integerKeyOf', () => {
  it('returns the integer key of an id of the expected type', () => {
    expect(integerKeyOf(toGlobalId('ApiKey', 7), 'ApiKey')).toBe(7);
    expect(integerKeyOf(toGlobalId('ApiKey', 123_456_789), 'ApiKey')).toBe(123_456_789);
  });

  it('returns null for an id of another type', () => {
    expect(integerKeyOf(toGlobalId('AuditEvent', 7), 'ApiKey')).toBeNull();
  });

  it('returns null for keys that are not positive integers written canonically', () => {
    for (const key of ['0', '-1', '007', '1.5', '1e3', 'abc', ' 7', '12345678901234567']) {
      expect(integerKeyOf(toGlobalId('ApiKey', key), 'ApiKey')).toBeNull();
    }
  });

  it('returns null for garbage', () => {
    expect(integerKeyOf('not-an-id', 'ApiKey')).toBeNull();
  });
});

describe('row ids beyond the integer column', () => {
  it('names no row for a key above 2147483647 or beyond exact JavaScript integers', () => {
    expect(integerKeyOf(toGlobalId('ApiKey', 2_147_483_647), 'ApiKey')).toBe(2_147_483_647);
    expect(integerKeyOf(toGlobalId('ApiKey', 2_147_483_648), 'ApiKey')).toBeNull();
    expect(integerKeyOf(toGlobalId('ApiKey', '9007199254740993'), 'ApiKey')).toBeNull();
  });
});
