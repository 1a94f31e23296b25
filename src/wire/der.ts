/**
 * A minimal ASN.1 reader and writer for the hot paths of the MDM protocol (every check-in's
 * `Mdm-Signature`, every SCEP message), on both sides: Homeroom reads what devices send and
 * answers, and the virtual iPads build and read the same structures. It walks tag-length-value
 * triples over the caller's buffer without copying or building objects per node; asn1js and PKI.js
 * build a schema object tree for every value, which cost more CPU per enrolling iPad than all the
 * RSA operations together, on each side.
 *
 * The reader takes DER and BER (indefinite lengths, constructed strings in pieces), as devices and
 * SCEP clients may send either; the writer writes DER (definite lengths, callers give SET OF
 * members in order). It knows nothing of any structure: callers walk the shapes they expect and
 * turn any thrown error into their own refusal.
 */

/** One tag-length-value: offsets into `source`, which is not copied. */
export interface Tlv {
  readonly source: Buffer;
  /** The identifier octet (class, constructed bit and tag number below 31). */
  readonly tag: number;
  readonly start: number;
  /** Where the contents start. */
  readonly contentStart: number;
  /** Where the contents end (before the end-of-contents octets of an indefinite length). */
  readonly contentEnd: number;
  /** Where the whole encoding ends. */
  readonly end: number;
}

export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

const CONSTRUCTED = 0x20;

/** The context-specific tag `[n]`, constructed unless `primitive`. */
export const contextTag = (n: number, primitive = false) => 0x80 | (primitive ? 0 : CONSTRUCTED) | n;

/** Reads the TLV at `at`. @throws Error on truncated input, long-form tags or lengths past 4 bytes. */
function readTlv(source: Buffer, at = 0, limit = source.length): Tlv {
  if (at + 2 > limit) throw new Error('truncated ASN.1');
  const tag = source[at]!;
  if ((tag & 0x1f) === 0x1f) throw new Error('high tag numbers are not used here');
  let length = source[at + 1]!;
  let contentStart = at + 2;
  if (length === 0x80) {
    if (!(tag & CONSTRUCTED)) throw new Error('indefinite length on a primitive value');
    // Indefinite: children until the end-of-contents octets.
    let next = contentStart;
    while (true) {
      if (next + 2 > limit) throw new Error('truncated ASN.1');
      if (source[next] === 0 && source[next + 1] === 0) break;
      next = readTlv(source, next, limit).end;
    }
    return { source, tag, start: at, contentStart, contentEnd: next, end: next + 2 };
  }
  if (length & 0x80) {
    const octets = length & 0x7f;
    if (octets > 4 || contentStart + octets > limit) throw new Error('bad ASN.1 length');
    length = 0;
    for (let i = 0; i < octets; i += 1) length = length * 256 + source[contentStart + i]!;
    contentStart += octets;
  }
  const end = contentStart + length;
  if (end > limit) throw new Error('truncated ASN.1');
  return { source, tag, start: at, contentStart, contentEnd: end, end };
}

/** The whole input as one TLV, nothing after it. */
export function readDer(source: Buffer): Tlv {
  const tlv = readTlv(source);
  if (tlv.end !== source.length) throw new Error('trailing bytes after the ASN.1 value');
  return tlv;
}

/** A constructed value's children. @throws Error when `tlv` is primitive. */
export function childrenOf(tlv: Tlv | undefined): Tlv[] {
  if (!tlv || !(tlv.tag & CONSTRUCTED)) throw new Error('expected a constructed value');
  const children: Tlv[] = [];
  for (let at = tlv.contentStart; at < tlv.contentEnd;) {
    const child = readTlv(tlv.source, at, tlv.contentEnd);
    children.push(child);
    at = child.end;
  }
  return children;
}

/** The value's whole encoding (a view). */
export const encodingOf = (tlv: Tlv): Buffer => tlv.source.subarray(tlv.start, tlv.end);
/** The value's contents (a view). */
export const contentOf = (tlv: Tlv): Buffer => tlv.source.subarray(tlv.contentStart, tlv.contentEnd);
/** Whether `tlv` is there and tagged context-specific `[n]` (either form). */
export const isContext = (tlv: Tlv | undefined, n: number): tlv is Tlv => tlv !== undefined && (tlv.tag & ~CONSTRUCTED) === (0x80 | n);

/** Checks the tag. @throws Error otherwise. */
export function expectTag(tlv: Tlv | undefined, tag: number): Tlv {
  if (!tlv || tlv.tag !== tag) throw new Error(`expected tag 0x${tag.toString(16)}, got ${tlv ? `0x${tlv.tag.toString(16)}` : 'nothing'}`);
  return tlv;
}

/** An OCTET STRING's (or an implicitly tagged one's) bytes, also when BER splits it into pieces. */
export function octetsOf(tlv: Tlv): Buffer {
  return tlv.tag & CONSTRUCTED ? Buffer.concat(childrenOf(tlv).map(octetsOf)) : contentOf(tlv);
}

/** An OBJECT IDENTIFIER in dotted form. @throws Error when `tlv` is not one. */
export function oidOf(tlv: Tlv | undefined): string {
  const bytes = contentOf(expectTag(tlv, TAG.OID));
  const arcs: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if (byte & 0x80) continue;
    if (arcs.length === 0) arcs.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
    else arcs.push(value);
    value = 0;
  }
  return arcs.join('.');
}

/** A string value (UTF8String, PrintableString, IA5String) as text; null for anything else. */
export function textOf(tlv: Tlv | undefined): string | null {
  if (!tlv || ![TAG.UTF8_STRING, TAG.PRINTABLE_STRING, TAG.IA5_STRING].includes(tlv.tag as 0x0c)) return null;
  return contentOf(tlv).toString('utf8');
}

/** An INTEGER's bytes as upper-case hex without leading zeros (how serials are compared). */
export function integerHexOf(tlv: Tlv | undefined): string {
  return contentOf(expectTag(tlv, TAG.INTEGER))
    .toString('hex')
    .toUpperCase()
    .replace(/^0+(?=.)/, '');
}

// The writer.

function lengthOf(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest & 0xff);
  return Buffer.from([0x80 | octets.length, ...octets]);
}

/** One TLV of `tag` around `contents` (DER lengths). */
export function tlv(tag: number, ...contents: readonly Buffer[]): Buffer {
  const body = contents.length === 1 ? contents[0]! : Buffer.concat(contents);
  return Buffer.concat([Buffer.from([tag]), lengthOf(body.length), body]);
}

export const sequence = (...contents: readonly Buffer[]) => tlv(TAG.SEQUENCE, ...contents);
export const set = (...contents: readonly Buffer[]) => tlv(TAG.SET, ...contents);
export const octetString = (bytes: Buffer) => tlv(TAG.OCTET_STRING, bytes);
export const printableString = (text: string) => tlv(TAG.PRINTABLE_STRING, Buffer.from(text, 'latin1'));
export const utf8String = (text: string) => tlv(TAG.UTF8_STRING, Buffer.from(text, 'utf8'));
export const NULL = Buffer.from([TAG.NULL, 0]);

/** A non-negative INTEGER from its big-endian magnitude (a zero byte added when the top bit is set). */
export function integer(magnitude: Buffer | number): Buffer {
  const hex = typeof magnitude === 'number' ? magnitude.toString(16) : '';
  let bytes = typeof magnitude === 'number' ? Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex') : magnitude;
  let first = 0;
  while (first < bytes.length - 1 && bytes[first] === 0 && !(bytes[first + 1]! & 0x80)) first += 1;
  bytes = bytes.subarray(first);
  return tlv(TAG.INTEGER, bytes[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

const oids = new Map<string, Buffer>();
/** An OBJECT IDENTIFIER from its dotted form (encodings are kept: the same few OIDs recur). */
export function oid(dotted: string): Buffer {
  let encoded = oids.get(dotted);
  if (!encoded) {
    const arcs = dotted.split('.').map(Number);
    const bytes: number[] = [];
    for (const arc of [arcs[0]! * 40 + arcs[1]!, ...arcs.slice(2)]) {
      const groups = [arc & 0x7f];
      for (let rest = Math.floor(arc / 128); rest > 0; rest = Math.floor(rest / 128)) groups.unshift((rest & 0x7f) | 0x80);
      bytes.push(...groups);
    }
    encoded = tlv(TAG.OID, Buffer.from(bytes));
    oids.set(dotted, encoded);
  }
  return encoded;
}

/** UTCTime to 2049, GeneralizedTime after (RFC 5280 and 5652), whole seconds. */
export function time(at: Date): Buffer {
  const iso = at.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return at.getUTCFullYear() < 2050
    ? tlv(TAG.UTC_TIME, Buffer.from(`${iso.slice(2)}Z`))
    : tlv(TAG.GENERALIZED_TIME, Buffer.from(`${iso}Z`));
}

/** An AlgorithmIdentifier: the OID and, unless `parameters` is null, NULL parameters (RSA and digests). */
export const algorithm = (dotted: string, parameters: Buffer | null = NULL) =>
  parameters ? sequence(oid(dotted), parameters) : sequence(oid(dotted));
