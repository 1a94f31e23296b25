import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors.js';
import { Role } from '../../src/permissions.js';
import { AuditEventRecordedDocument, ViewerDocument } from '../generated/operations.js';
import { startTestServer, Subscription, type TestServer } from '../support/server.js';

const sha256 = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

/** A manifest of two documents, as the console's build writes one. */
const VIEWER = print(ViewerDocument);
const AUDIT_LIVE = print(AuditEventRecordedDocument);
const UNLISTED = '{ viewer { name } }';

function writeManifest(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-trusted-'));
  const file = path.join(dir, 'trusted-documents.json');
  fs.writeFileSync(file, JSON.stringify({ [sha256(VIEWER)]: VIEWER, [sha256(AUDIT_LIVE)]: AUDIT_LIVE }));
  return file;
}

/**
 * Trusted documents (issue 16) over HTTP and websockets: with `only`, a manifest document runs by
 * hash alone or in full, anything else is refused; with `allow`, anything runs and manifest
 * documents may also be sent by hash.
 */
describe.each(['only', 'allow'] as const)('GRAPHQL_TRUSTED_DOCUMENTS=%s', (mode) => {
  let t: TestServer;
  let file: string;

  beforeAll(async () => {
    file = writeManifest();
    t = await startTestServer({ env: { GRAPHQL_TRUSTED_DOCUMENTS: mode, GRAPHQL_TRUSTED_DOCUMENTS_FILE: file } });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  async function post(body: Record<string, unknown>) {
    const response = await fetch(`${t.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.keys[Role.READ_ONLY]}` },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      ...((await response.json()) as { data?: { viewer?: { name: string } }; errors?: Array<{ extensions: { code: string } }> }),
    };
  }

  const byHash = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

  it('runs a manifest document sent by its hash alone, over POST and GET', async () => {
    const posted = await post(byHash(sha256(VIEWER)));
    expect(posted.errors).toBeUndefined();
    expect(posted.data?.viewer?.name).toBe('test-read_only');
    const params = new URLSearchParams({ extensions: JSON.stringify(byHash(sha256(VIEWER)).extensions) });
    const got = await fetch(`${t.server.url}/graphql?${params}`, { headers: { authorization: `Bearer ${t.keys[Role.READ_ONLY]}` } });
    expect(((await got.json()) as { data?: { viewer?: { name: string } } }).data?.viewer?.name).toBe('test-read_only');
  });

  it('runs a manifest document sent in full', async () => {
    expect((await post({ query: VIEWER })).data?.viewer?.name).toBe('test-read_only');
  });

  if (mode === 'only') {
    it('refuses any other document with UNTRUSTED_DOCUMENT and an unknown hash with PERSISTED_QUERY_NOT_FOUND (HTTP 400)', async () => {
      const untrusted = await post({ query: UNLISTED });
      expect(untrusted.status).toBe(400);
      expect(untrusted.errors?.[0]?.extensions.code).toBe(ErrorCode.UNTRUSTED_DOCUMENT);
      const unknown = await post(byHash(sha256(UNLISTED)));
      expect(unknown.status).toBe(400);
      expect(unknown.errors?.[0]?.extensions.code).toBe(ErrorCode.PERSISTED_QUERY_NOT_FOUND);
    });

    it('applies the same rule to websocket operations', async () => {
      const client = t.wsClient();
      const refused = await new Promise<unknown>((resolve) => {
        client.subscribe({ query: UNLISTED }, { next: resolve, error: resolve, complete: () => undefined });
      });
      expect(refused).toEqual([expect.objectContaining({ extensions: { code: ErrorCode.UNTRUSTED_DOCUMENT } })]);
      const started = t.nextOperationStarted();
      const trusted = new Subscription(client, AuditEventRecordedDocument, {});
      await started;
      trusted.close();
      const hashed = await new Promise<{ data?: unknown }>((resolve, reject) => {
        client.subscribe(
          { query: '', extensions: byHash(sha256(VIEWER)).extensions },
          { next: resolve, error: reject, complete: () => undefined },
        );
      });
      expect(hashed.data).toMatchObject({ viewer: { name: 'test-admin' } });
    });
  } else {
    it('runs any other document too', async () => {
      expect((await post({ query: UNLISTED })).data?.viewer?.name).toBe('test-read_only');
    });
  }
});
