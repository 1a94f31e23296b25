import { describe, expect, it } from 'vitest';
import { CursorCodec } from '../../../src/simulator/apple/cursors.js';

const DATA = { serverUuid: '0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d', position: 1200, after: 900, at: 1788249600000, done: false };

describe('CursorCodec', () => {
  it('round-trips an opaque base64 cursor, the same text for the same seed and data', () => {
    const codec = new CursorCodec(1);
    const cursor = codec.encode(DATA);
    expect(cursor).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(cursor).toBe(new CursorCodec(1).encode(DATA));
    expect(codec.decode(cursor)).toEqual(DATA);
    expect(codec.decode(codec.encode({ ...DATA, done: true }))).toEqual({ ...DATA, done: true });
  });

  it('rejects garbage, an edited cursor and a cursor made with another seed', () => {
    const codec = new CursorCodec(1);
    const cursor = codec.encode(DATA);
    const edited = Buffer.from(Buffer.from(cursor, 'base64').toString().replace(':1200:', ':1201:')).toString('base64');
    expect(codec.decode('')).toBeNull();
    expect(codec.decode('%%%')).toBeNull();
    expect(codec.decode(Buffer.from('hello').toString('base64'))).toBeNull();
    expect(codec.decode('A'.repeat(1001))).toBeNull();
    expect(codec.decode(edited)).toBeNull();
    expect(new CursorCodec(2).decode(cursor)).toBeNull();
  });
});
