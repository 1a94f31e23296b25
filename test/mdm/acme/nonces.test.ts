import { describe, expect, it } from 'vitest';
import { NONCE_LIFETIME_MS, NonceStore } from '../../../src/mdm/acme/nonces.js';

describe('NonceStore', () => {
  it('accepts a nonce once, refuses it replayed, unknown or expired', () => {
    let now = 1_000_000;
    const nonces = new NonceStore(() => now);
    const first = nonces.issue();
    expect(nonces.consume(first)).toBe(true);
    expect(nonces.consume(first)).toBe(false);
    expect(nonces.consume('never-issued')).toBe(false);
    const late = nonces.issue();
    now += NONCE_LIFETIME_MS + 1;
    expect(nonces.consume(late)).toBe(false);
  });

  it('forgets expired nonces as it issues new ones', () => {
    let now = 0;
    const nonces = new NonceStore(() => now);
    for (let i = 0; i < 10; i += 1) nonces.issue();
    now += NONCE_LIFETIME_MS + 1;
    nonces.issue();
    expect(nonces.size).toBe(1);
  });
});
