/**
 * A small, programmable stand-in for Apple's Device Assignment API on a loopback port, for DEP client tests.
 *
 * Real HTTP (node:http), no fetch mocking: it records every request, verifies the OAuth 1.0a signature of
 * `GET /session` with its own HMAC (written apart from src/apple/oauth1.ts, byte-wise, so a shared mistake cannot
 * pass), issues sessions, refuses unknown sessions with 401 UNAUTHORIZED as Apple does, and answers scripted
 * replies first, per endpoint, in order. The full simulator lives in src/simulator/apple; this one is for faults
 * and wire details a test wants to pin exactly.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake verifies `/session` signatures against. */
export interface FakeCredentials {
  consumerKey: string;
  consumerSecret: string;
  accessToken: string;
  accessSecret: string;
}

/** One request as the fake received it. */
export interface FakeRequest {
  method: string;
  path: string;
  /** `METHOD /path`, e.g. `POST /server/devices`. */
  endpoint: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON (`undefined` when empty). */
  json: unknown;
  /** For `/session`: the parsed OAuth parameters of the Authorization header (percent-decoded). */
  oauth?: Record<string, string>;
}

/** How to answer. A string body is sent as text/plain as is; anything else as JSON. */
export interface FakeReply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Cut the connection without answering (a network failure for the client). */
  destroy?: boolean;
  /** Never answer (until the fake closes); for timeouts. */
  hang?: boolean;
}

/** Computes a reply from the request; scripted or as an endpoint's standing route. */
export type FakeHandler = (request: FakeRequest, fake: FakeApple) => FakeReply;

const JSON_TYPE = 'application/json;charset=UTF8';
const TEXT_TYPE = 'text/plain;charset=UTF8';

/** RFC 3986 percent-encoding over UTF-8 bytes; deliberately not encodeURIComponent, unlike the code under test. */
function encode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function parseAuthorization(header: string | undefined): Record<string, string> | null {
  if (!header?.startsWith('OAuth ')) return null;
  const params: Record<string, string> = {};
  for (const match of header.slice(6).matchAll(/([A-Za-z_]+)="([^"]*)"/g)) {
    const name = match[1]!;
    if (name in params) return null; // duplicated protocol parameter: Apple answers 400
    params[name] = decodeURIComponent(match[2]!);
  }
  return params;
}

/** The fake Apple; start with {@link FakeApple.start}, stop with {@link FakeApple.close}. */
export class FakeApple {
  readonly requests: FakeRequest[] = [];
  /** Sessions the fake currently accepts. */
  readonly sessions = new Set<string>();
  private readonly scripts = new Map<string, Array<FakeReply | FakeHandler>>();
  private readonly routes = new Map<string, FakeHandler>();
  private readonly nonces = new Set<string>();
  private readonly hanging = new Set<http.ServerResponse>();
  private issued = 0;

  private readonly server = http.createServer((req, res) => this.receive(req, res));
  private port = 0;

  private constructor(readonly credentials: FakeCredentials) {}

  static async start(credentials: FakeCredentials): Promise<FakeApple> {
    const fake = new FakeApple(credentials);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** `http://127.0.0.1:<port>`, no trailing slash. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Queue one-shot replies for an endpoint (`'POST /profile/devices'`); they win over sessions checks and routes. */
  script(endpoint: string, ...replies: Array<FakeReply | FakeHandler>): this {
    this.scripts.set(endpoint, [...(this.scripts.get(endpoint) ?? []), ...replies]);
    return this;
  }

  /** The standing answer of an endpoint for requests with a valid session. */
  route(endpoint: string, handler: FakeHandler): this {
    this.routes.set(endpoint, handler);
    return this;
  }

  /** Requests to one endpoint, in order. */
  requestsTo(endpoint: string): FakeRequest[] {
    return this.requests.filter((r) => r.endpoint === endpoint);
  }

  /** Endpoints hit, in order, e.g. `['GET /session', 'GET /account']`. */
  endpoints(): string[] {
    return this.requests.map((r) => r.endpoint);
  }

  /** Forget every session: the next data call gets 401 UNAUTHORIZED. */
  expireSessions(): void {
    this.sessions.clear();
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private receive(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const body = Buffer.concat(chunks).toString('utf8');
      const request: FakeRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        endpoint: `${req.method} ${url.pathname}`,
        query: url.searchParams,
        headers: req.headers,
        body,
        json: body === '' ? undefined : (JSON.parse(body) as unknown),
      };
      this.requests.push(request);
      this.reply(req, res, this.answer(request));
    });
  }

  private answer(request: FakeRequest): FakeReply {
    const queue = this.scripts.get(request.endpoint);
    const scripted = queue?.shift();
    if (request.endpoint === 'GET /session') {
      const oauth = parseAuthorization(request.headers.authorization);
      if (oauth) request.oauth = oauth;
    }
    if (scripted) return typeof scripted === 'function' ? scripted(request, this) : scripted;
    if (request.endpoint === 'GET /session') return this.signIn(request);
    const session = request.headers['x-adm-auth-session'];
    if (typeof session !== 'string' || !this.sessions.has(session)) {
      return { status: 401, body: 'UNAUTHORIZED', headers: { 'WWW-Authenticate': 'ADM-Auth-Token' } };
    }
    const route = this.routes.get(request.endpoint);
    return route ? route(request, this) : { status: 404, body: 'NOT_FOUND' };
  }

  /** Verifies the OAuth 1.0a HMAC-SHA1 signature (RFC 5849) and issues `session-N`. */
  private signIn(request: FakeRequest): FakeReply {
    const oauth = request.oauth;
    if (!oauth) return { status: 400, body: 'oauth_problem=parameter_absent' };
    const { oauth_signature: signature, realm: _realm, ...params } = oauth;
    if (params.oauth_consumer_key !== this.credentials.consumerKey) return { status: 401, body: 'oauth_problem=consumer_key_rejected' };
    if (params.oauth_token !== this.credentials.accessToken) return { status: 401, body: 'oauth_problem=token_rejected' };
    if (params.oauth_signature_method !== 'HMAC-SHA1') return { status: 400, body: 'oauth_problem=signature_method_rejected' };
    const query = [...request.query.entries()];
    const normalized = [...Object.entries(params), ...query]
      .map(([k, v]) => [encode(k), encode(v)])
      .sort((a, b) => Buffer.compare(Buffer.from(a[0]!), Buffer.from(b[0]!)) || Buffer.compare(Buffer.from(a[1]!), Buffer.from(b[1]!)))
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
    const base = `${request.method}&${encode(`http://${request.headers.host}${request.path}`)}&${encode(normalized)}`;
    const key = `${encode(this.credentials.consumerSecret)}&${encode(this.credentials.accessSecret)}`;
    const expected = createHmac('sha1', key).update(base).digest('base64');
    if (signature !== expected) return { status: 403, body: 'signature_invalid' };
    const nonceKey = `${params.oauth_timestamp}:${params.oauth_nonce}`;
    if (this.nonces.has(nonceKey)) return { status: 401, body: 'oauth_problem=nonce_used' };
    this.nonces.add(nonceKey);
    this.issued += 1;
    const token = `session-${this.issued}`;
    this.sessions.add(token);
    return { status: 200, body: { auth_session_token: token } };
  }

  private reply(req: http.IncomingMessage, res: http.ServerResponse, reply: FakeReply): void {
    if (reply.destroy) {
      req.socket.destroy();
      return;
    }
    if (reply.hang) {
      this.hanging.add(res);
      return;
    }
    const text = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    const type = typeof reply.body === 'string' || reply.body === undefined ? TEXT_TYPE : JSON_TYPE;
    res.writeHead(reply.status ?? 200, { 'Content-Type': type, ...reply.headers });
    res.end(text);
  }
}
