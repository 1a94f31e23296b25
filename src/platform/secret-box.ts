/**
 * Secrets at rest (OAuth secrets, private keys) are sealed with AES-256-GCM under
 * `HOMEROOM_SECRET_KEY` before they reach the database, so a copied database file alone gives
 * nothing away. The format carries a version and a key id so the key can be rotated later
 * without guessing which key sealed a value.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logger.js';
import { ensurePrivateDirectory, writePrivateFile } from './private-files.js';

const VERSION = 'v1';

export class SecretBox {
  /** First 8 hex digits of SHA-256(key): names the key in sealed values without revealing it. */
  readonly keyId: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('SecretBox needs a 32-byte key');
    this.keyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
  }

  /** `v1.<keyId>.<iv>.<tag>.<ciphertext>`, base64url parts; `context` binds the value to its use. */
  seal(plaintext: string | Buffer, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return [VERSION, this.keyId, iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** Throws when the value was sealed under another key or context, or was altered. */
  open(sealed: string, context: string): Buffer {
    const parts = sealed.split('.');
    if (parts.length !== 5 || parts[0] !== VERSION) throw new Error('not a sealed secret');
    const [, keyId, iv, tag, ciphertext] = parts as [string, string, string, string, string];
    if (keyId !== this.keyId) {
      throw new Error(`secret was sealed with key ${keyId}, but HOMEROOM_SECRET_KEY is key ${this.keyId}`);
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
  }

  openText(sealed: string, context: string): string {
    return this.open(sealed, context).toString('utf8');
  }
}

/**
 * The configured key, or for the embedded default the one in `<dataDir>/secret.key`, created
 * on first start with a warning: losing that file makes stored secrets unreadable.
 */
export function resolveSecretKey(configured: Buffer | null, dataDir: string, logger: Logger): Buffer {
  if (configured) return configured;
  const file = path.join(dataDir, 'secret.key');
  if (fs.existsSync(file)) {
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key; restore it or set HOMEROOM_SECRET_KEY`);
    return key;
  }
  const key = randomBytes(32);
  ensurePrivateDirectory(dataDir);
  writePrivateFile(file, key.toString('base64') + '\n', { exclusive: true });
  logger.warn(
    { file },
    'HOMEROOM_SECRET_KEY is not set: generated a secret key into the data directory. Back it up with the database, or set HOMEROOM_SECRET_KEY.',
  );
  return key;
}
