import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { resolveSecretKey, SecretBox } from '../../src/platform/secret-box.js';

/** Replaces one base64url part of a sealed value with the same bytes, one bit flipped. */
function flipBit(sealed: string, part: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[0] = bytes[0]! ^ 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('SecretBox', () => {
  const key = randomBytes(32);
  const box = new SecretBox(key);

  it('opens what it sealed, for text and bytes', () => {
    const sealed = box.seal('client-secret-42', 'token:1');
    expect(box.openText(sealed, 'token:1')).toBe('client-secret-42');
    const bytes = randomBytes(100);
    expect(box.open(box.seal(bytes, 'key:2'), 'key:2')).toEqual(bytes);
  });

  it('writes version, key id, iv, tag and ciphertext, and never the plaintext', () => {
    const sealed = box.seal('client-secret-42', 'token:1');
    const [version, keyId, iv, tag, ciphertext, ...rest] = sealed.split('.');
    expect(rest).toEqual([]);
    expect(version).toBe('v1');
    expect(keyId).toBe(createHash('sha256').update(key).digest('hex').slice(0, 8));
    expect(box.keyId).toBe(keyId);
    expect(Buffer.from(iv!, 'base64url')).toHaveLength(12);
    expect(Buffer.from(tag!, 'base64url')).toHaveLength(16);
    expect(Buffer.from(ciphertext!, 'base64url')).toHaveLength('client-secret-42'.length);
    expect(sealed).not.toContain('client-secret-42');
  });

  it('seals the same text differently each time', () => {
    const a = box.seal('same', 'ctx');
    const b = box.seal('same', 'ctx');
    expect(a).not.toBe(b);
    expect(box.openText(a, 'ctx')).toBe('same');
    expect(box.openText(b, 'ctx')).toBe('same');
  });

  it('refuses to open a value under another context', () => {
    const sealed = box.seal('secret', 'token:1');
    expect(() => box.open(sealed, 'token:2')).toThrow(/unable to authenticate/);
  });

  it('refuses a value sealed under another key, naming both key ids', () => {
    const other = new SecretBox(randomBytes(32));
    const sealed = other.seal('secret', 'ctx');
    expect(other.keyId).not.toBe(box.keyId);
    expect(() => box.open(sealed, 'ctx')).toThrow(`secret was sealed with key ${other.keyId}, but HOMEROOM_SECRET_KEY is key ${box.keyId}`);
  });

  it('refuses a value whose ciphertext, tag or iv was altered', () => {
    const sealed = box.seal('a secret long enough to alter', 'ctx');
    for (const part of [2, 3, 4]) {
      const tampered = flipBit(sealed, part);
      expect(tampered).not.toBe(sealed);
      expect(() => box.open(tampered, 'ctx')).toThrow(/unable to authenticate/);
    }
  });

  it('refuses something that is not a sealed value', () => {
    expect(() => box.open('plain text', 'ctx')).toThrow('not a sealed secret');
    expect(() => box.open(box.seal('x', 'ctx').replace(/^v1/, 'v2'), 'ctx')).toThrow('not a sealed secret');
  });

  it('needs a 32-byte key', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow('32-byte key');
  });
});

describe('resolveSecretKey', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-secret-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  function capturingLogger(): { logger: ReturnType<typeof createLogger>; lines: Array<Record<string, unknown>> } {
    const lines: Array<Record<string, unknown>> = [];
    const logger = createLogger('warn', { write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>) });
    return { logger, lines };
  }

  it('creates <dataDir>/secret.key with mode 0600, warns once, and returns the same key next time', () => {
    const dataDir = path.join(root, 'fresh', 'data');
    const { logger, lines } = capturingLogger();
    const key = resolveSecretKey(null, dataDir, logger);
    const file = path.join(dataDir, 'secret.key');

    expect(key).toHaveLength(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toBe(key.toString('base64') + '\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'warn', file });
    expect(lines[0]!.msg).toContain('HOMEROOM_SECRET_KEY is not set');

    expect(resolveSecretKey(null, dataDir, logger)).toEqual(key);
    expect(lines).toHaveLength(1);
  });

  it('returns a configured key as is and creates no file', () => {
    const dataDir = path.join(root, 'configured');
    const configured = randomBytes(32);
    const { logger, lines } = capturingLogger();
    expect(resolveSecretKey(configured, dataDir, logger)).toBe(configured);
    expect(fs.existsSync(dataDir)).toBe(false);
    expect(lines).toEqual([]);
  });

  it('throws on a secret.key that does not hold 32 bytes, naming the file', () => {
    const dataDir = path.join(root, 'corrupt');
    fs.mkdirSync(dataDir);
    const file = path.join(dataDir, 'secret.key');
    fs.writeFileSync(file, randomBytes(16).toString('base64'));
    const { logger } = capturingLogger();
    expect(() => resolveSecretKey(null, dataDir, logger)).toThrow(`${file} does not hold a 32-byte base64 key`);
    expect(fs.readFileSync(file, 'utf8')).toHaveLength(24);
  });
});
