import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, parsePasswordHash, passwordLengthProblem, verifyPassword } from '../../../src/services/user/password-hash.js';

describe('password hashing (scrypt)', () => {
  it('writes scrypt$<logN>$<r>$<p>$<16-byte salt>$<32-byte key> with the cost asked for', async () => {
    const hash = await hashPassword('correct horse battery', 10);
    expect(hash).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    const parsed = parsePasswordHash(hash)!;
    expect(parsed.cost).toEqual({ logN: 10, r: 8, p: 1 });
    expect(parsed.salt).toHaveLength(16);
    expect(parsed.key).toHaveLength(32);
  });

  it('is plain scrypt: the stored key is scrypt(password, salt, N, r, p) as any implementation computes it', async () => {
    const hash = await hashPassword('interoperable', 11);
    const { salt, key } = parsePasswordHash(hash)!;
    expect(scryptSync('interoperable', salt, 32, { N: 2 ** 11, r: 8, p: 1 }).equals(key)).toBe(true);
  });

  it('salts every hash: the same password twice gives two different hashes that both verify', async () => {
    const [a, b] = [await hashPassword('same password', 10), await hashPassword('same password', 10)];
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password', a)).toBe(true);
    expect(await verifyPassword('same password', b)).toBe(true);
  });

  it('verifies a hash made with another cost, whatever the cost configured now', async () => {
    const cheap = await hashPassword('made long ago', 10);
    const dearer = await hashPassword('made long ago', 12);
    expect(await verifyPassword('made long ago', cheap)).toBe(true);
    expect(await verifyPassword('made long ago', dearer)).toBe(true);
  });

  it('verifies the default cost (2^15, above Node’s 32 MiB scrypt memory default)', async () => {
    const hash = await hashPassword('default cost');
    expect(hash.startsWith('scrypt$15$8$1$')).toBe(true);
    expect(await verifyPassword('default cost', hash)).toBe(true);
  });

  it('refuses a wrong password, one differing only in case or by a trailing space', async () => {
    const hash = await hashPassword('Tr0ub4dor&3', 10);
    expect(await verifyPassword('Tr0ub4dor&4', hash)).toBe(false);
    expect(await verifyPassword('tr0ub4dor&3', hash)).toBe(false);
    expect(await verifyPassword('Tr0ub4dor&3 ', hash)).toBe(false);
  });

  it('treats the NFC and NFD spellings of an accented password as one (iPad and web keyboards differ)', async () => {
    const hash = await hashPassword('crème brûlée', 10);
    expect(await verifyPassword('crème brûlée'.normalize('NFD'), hash)).toBe(true);
  });

  it('verifies nothing against a malformed or out-of-range hash, without throwing', async () => {
    const good = await hashPassword('whatever it is', 10);
    for (const bad of [
      '',
      'plain',
      good.replace('scrypt$', 'bcrypt$'),
      good.replace('$10$', '$30$'),
      good.replace('$8$1$', '$8$99$'),
      good + '$x',
    ]) {
      expect(await verifyPassword('whatever it is', bad)).toBe(false);
    }
  });

  it('refuses costs outside 10..20', async () => {
    await expect(hashPassword('too cheap', 9)).rejects.toThrow(RangeError);
    await expect(hashPassword('too dear', 21)).rejects.toThrow(RangeError);
  });

  it('accepts passwords of 8 to 256 characters, counting characters rather than UTF-16 units', () => {
    expect(passwordLengthProblem('1234567')).toMatch(/8 to 256/);
    expect(passwordLengthProblem('12345678')).toBeNull();
    expect(passwordLengthProblem('x'.repeat(256))).toBeNull();
    expect(passwordLengthProblem('x'.repeat(257))).toMatch(/8 to 256/);
    expect(passwordLengthProblem('😀'.repeat(8))).toBeNull();
    expect(passwordLengthProblem('😀'.repeat(4))).toMatch(/8 to 256/);
  });
});
