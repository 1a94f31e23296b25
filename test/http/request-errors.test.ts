/**
 * Every refusal on every route is JSON in the route's own format, in development and in
 * production: GraphQL errors with a code on /graphql, `{code, message}` on /mdm/* and elsewhere;
 * never Express's HTML page, a stack trace or a file path. Real HTTP to a started server.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

const LIMIT = 4096;

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  readonly body: Record<string, unknown>;
}

/**
 * One request over node:http (fetch refuses some of these bodies and paths). The server may
 * answer a too-large body before reading it, then stop reading: the answer is what counts.
 */
function send(url: string, method: string, path: string, body: Buffer | string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}${path}`, { method, headers: { 'content-length': String(Buffer.byteLength(body)), ...headers } });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: Record<string, unknown> = {};
        try {
          parsed = JSON.parse(text) as Record<string, unknown>;
        } catch {
          // Left empty: the content-type and text assertions say what came instead.
        }
        resolve({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type']), text, body: parsed });
      });
    });
    // EPIPE/ECONNRESET after the server answered early is expected; the response event has come first.
    request.on('error', (error) => reject(error));
    request.end(body);
  });
}

/** JSON, and nothing in it that looks like a stack line or an absolute path. */
function expectCleanJson(answer: Answer): void {
  expect(answer.contentType).toMatch(/^application\/json/);
  expect(answer.text).not.toMatch(/<html|<!DOCTYPE|<pre>/i);
  expect(answer.text).not.toMatch(/\bat [\w.<>]+ \(|\bat (file:|\/)/);
  expect(answer.text).not.toMatch(/(^|[\s"'(])\/(?:work|home|tmp|usr|root|var|opt|Users)\//);
  expect(answer.text).not.toContain('node_modules');
}

const big = Buffer.alloc(LIMIT * 4, 'a');

for (const environment of ['development', 'production'] as const) {
  describe(`refusals are JSON in the route's format (NODE_ENV=${environment})`, () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer({
        env: {
          NODE_ENV: environment,
          GRAPHQL_MAX_BODY_BYTES: String(LIMIT),
          MDM_MAX_BODY_BYTES: String(LIMIT),
          ...(environment === 'production' ? { APPLE_DEP_URL: 'simulator' } : {}),
        },
      });
    });
    afterAll(() => t?.close());

    it('answers 413 REQUEST_TOO_LARGE as a GraphQL error to an oversized /graphql body', async () => {
      const body = JSON.stringify({ query: `{ __typename }`, variables: { padding: big.toString() } });
      const answer = await send(t.server.url, 'POST', '/graphql', body, {
        'content-type': 'application/json',
        authorization: `Bearer ${t.keys.ADMIN}`,
      });
      expect(answer.status).toBe(413);
      expectCleanJson(answer);
      expect(answer.body).toEqual({
        errors: [
          {
            message: `The request body is larger than the ${LIMIT} bytes this endpoint accepts.`,
            extensions: { code: 'REQUEST_TOO_LARGE', limitBytes: LIMIT },
          },
        ],
      });
    });

    it('answers 400 REQUEST_MALFORMED as a GraphQL error to malformed JSON on /graphql', async () => {
      const answer = await send(t.server.url, 'POST', '/graphql', '{"query": "{ __typename }", ', {
        'content-type': 'application/json',
        authorization: `Bearer ${t.keys.ADMIN}`,
      });
      expect(answer.status).toBe(400);
      expectCleanJson(answer);
      expect(answer.body).toEqual({
        errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'REQUEST_MALFORMED' } }],
      });
    });

    it('answers 415 REQUEST_MALFORMED as a GraphQL error to an unsupported charset on /graphql', async () => {
      const answer = await send(t.server.url, 'POST', '/graphql', '{"query":"{ __typename }"}', {
        'content-type': 'application/json; charset=ebcdic',
      });
      expect(answer.status).toBe(415);
      expectCleanJson(answer);
      expect((answer.body.errors as Array<{ extensions: { code: string } }>)[0]!.extensions.code).toBe('REQUEST_MALFORMED');
    });

    it('answers Apollo’s own refusals (no query, a body that is not JSON) as GraphQL errors with BAD_REQUEST', async () => {
      const headers = { authorization: `Bearer ${t.keys.ADMIN}` };
      for (const [body, contentType] of [
        ['{}', 'application/json'],
        ['query { __typename }', 'text/plain'],
      ] as const) {
        const answer = await send(t.server.url, 'POST', '/graphql', body, { ...headers, 'content-type': contentType });
        expect(answer.status, contentType).toBe(400);
        expectCleanJson(answer);
        expect((answer.body.errors as Array<{ extensions: { code: string } }>)[0]!.extensions.code).toBe('BAD_REQUEST');
      }
    });

    for (const [method, path] of [
      ['PUT', '/mdm/checkin'],
      ['PUT', '/mdm/connect'],
      ['POST', '/mdm/enroll/some-enrollment-key'],
    ] as const) {
      it(`answers 413 {code: REQUEST_TOO_LARGE, message} to an oversized ${method} ${path}`, async () => {
        const answer = await send(t.server.url, method, path, big, { 'content-type': 'application/pkcs7-signature' });
        expect(answer.status).toBe(413);
        expectCleanJson(answer);
        expect(answer.body).toEqual({
          code: 'REQUEST_TOO_LARGE',
          message: `The request body is larger than the ${LIMIT} bytes this endpoint accepts.`,
          limitBytes: LIMIT,
        });
      });
    }

    it('answers 413 as an ACME problem document (urn:ietf:params:acme:error:malformed) to an oversized /acme body', async () => {
      const answer = await send(t.server.url, 'POST', '/acme/new-account', Buffer.alloc(300 * 1024, 'a'), {
        'content-type': 'application/jose+json',
      });
      expect(answer.status).toBe(413);
      expect(answer.contentType).toMatch(/^application\/problem\+json/);
      expect(answer.text).not.toMatch(/<html|\bat [\w.<>]+ \(|node_modules/i);
      expect(answer.body).toMatchObject({ type: 'urn:ietf:params:acme:error:malformed', status: 413 });
    });

    it('answers 400 {code: REQUEST_MALFORMED} to an MDM path that does not decode', async () => {
      const answer = await send(t.server.url, 'POST', '/mdm/enroll/%E0%A4%A', 'x');
      expect(answer.status).toBe(400);
      expectCleanJson(answer);
      expect(answer.body).toMatchObject({ code: 'REQUEST_MALFORMED' });
    });

    it('answers 404 {code: NOT_FOUND} as JSON to an unknown route', async () => {
      const answer = await send(t.server.url, 'POST', '/no/such/route', '{}', { 'content-type': 'application/json' });
      expect(answer.status).toBe(404);
      expectCleanJson(answer);
      expect(answer.body).toMatchObject({ code: 'NOT_FOUND', path: '/no/such/route' });
    });
  });
}

describe('body limits at their defaults', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t?.close());

  it('refuses a /graphql body over 5 MiB with 413 REQUEST_TOO_LARGE and reads one just under', async () => {
    const limit = t.config.bodyLimits.graphqlBytes;
    expect(limit).toBe(5 * 1024 * 1024);
    const over = JSON.stringify({ query: '{ __typename }', variables: { padding: 'a'.repeat(limit) } });
    const refused = await send(t.server.url, 'POST', '/graphql', over, {
      'content-type': 'application/json',
      authorization: `Bearer ${t.keys.ADMIN}`,
    });
    expect(refused.status).toBe(413);
    expectCleanJson(refused);
    const under = JSON.stringify({ query: '{ __typename }', variables: { padding: 'a'.repeat(limit - 1000) } });
    const read = await send(t.server.url, 'POST', '/graphql', under, {
      'content-type': 'application/json',
      authorization: `Bearer ${t.keys.ADMIN}`,
    });
    expect(read.body).toMatchObject({ data: { __typename: 'Query' } });
  });
});
