import crypto from 'node:crypto';
import fs from 'node:fs';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as generated from '../../web/src/gql/graphql.js';

const manifest = JSON.parse(fs.readFileSync('web/trusted-documents.json', 'utf8')) as Record<string, string>;
const presetManifest = JSON.parse(fs.readFileSync('web/src/gql/persisted-documents.json', 'utf8')) as Record<string, string>;

describe('web/trusted-documents.json', () => {
  it("is the client preset's manifest: every console document, keyed by the sha256 hex of its text", () => {
    expect(manifest).toEqual(presetManifest);
    for (const [hash, document] of Object.entries(manifest)) {
      expect(crypto.createHash('sha256').update(document).digest('hex')).toBe(hash);
      expect(() => parse(document)).not.toThrow();
    }
  });

  it('lists each typed document the console imports, by the hash embedded in it (__meta__.hash)', () => {
    const documents = Object.entries(generated).filter(([name]) => name.endsWith('Document'));
    expect(documents.length).toBe(Object.keys(manifest).length);
    for (const [name, document] of documents) {
      const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
      expect(hash && manifest[hash], name).toBeTruthy();
    }
  });
});
