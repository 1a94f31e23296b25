/**
 * Test helpers for the Apple simulator: a manual clock, an RSA key pair with a self-signed
 * certificate (what an MDM uploads), an independent S/MIME token reader (node-forge), an
 * independent OAuth 1.0a signer (the `oauth-1.0a` package), and a raw `node:http` client so
 * tests control every header, Host included. Nothing here reuses the simulator's own code.
 */
import { createHmac, generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import forge from 'node-forge';
import OAuth from 'oauth-1.0a';
import { onTestFinished } from 'vitest';
import { startAppleSimulator, type AppleSimulatorOptions, type RunningAppleSimulator } from '../../../src/simulator/apple/index.js';

export const USER_AGENT = 'homeroom-test/1.0';
export const DAY_MS = 24 * 3600 * 1000;

/** A clock that moves only when told to. */
export class ManualClock {
  private current: number;

  constructor(start = '2026-09-01T08:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current += ms;
  }
}

/** An MDM's key pair: private key and a self-signed certificate over the public key, in PEM. */
export interface TestKeyPair {
  privateKeyPem: string;
  certificatePem: string;
}

function makeKeyPair(commonName: string): TestKeyPair {
  // node:crypto for the (slow in pure JS) key generation, forge for the certificate.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  // A leading 01 keeps it positive and minimally encoded: a random first byte of 00 made a serial
  // forge reads back differently from the one it wrote, and the token matched no recipient.
  certificate.serialNumber = '01' + forge.util.bytesToHex(forge.random.getBytesSync(15));
  certificate.validity.notBefore = new Date('2026-01-01T00:00:00Z');
  certificate.validity.notAfter = new Date('2028-01-01T00:00:00Z');
  const subject = [{ name: 'commonName', value: commonName }];
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  certificate.sign(forge.pki.privateKeyFromPem(privateKeyPem), forge.md.sha256.create());
  return { privateKeyPem, certificatePem: forge.pki.certificateToPem(certificate) };
}

const keyPairs = new Map<string, TestKeyPair>();

/** A key pair per name, generated once per test file. */
export function testKeyPair(name = 'homeroom-test'): TestKeyPair {
  let pair = keyPairs.get(name);
  if (!pair) {
    pair = makeKeyPair(name);
    keyPairs.set(name, pair);
  }
  return pair;
}

/** The token JSON's five keys. */
export interface TokenJson {
  consumer_key: string;
  consumer_secret: string;
  access_token: string;
  access_secret: string;
  access_token_expiry: string;
}

/** The decrypted inner MIME text of an S/MIME token file. */
export function decryptTokenMessage(content: string, keyPair: TestKeyPair): string {
  const [, body] = content.split(/\r?\n\r?\n/, 2);
  const der = forge.util.decode64(body!.replace(/\s+/g, ''));
  const message = forge.pkcs7.messageFromAsn1(forge.asn1.fromDer(der)) as forge.pkcs7.PkcsEnvelopedData;
  const recipient = message.findRecipient(forge.pki.certificateFromPem(keyPair.certificatePem));
  if (!recipient) throw new Error('token is not encrypted to this certificate');
  message.decrypt(recipient, forge.pki.privateKeyFromPem(keyPair.privateKeyPem) as forge.pki.rsa.PrivateKey);
  return (message.content as forge.util.ByteBuffer).getBytes();
}

/** Reads a token file the way nanodep does: strip MIME headers and markers, join the lines, parse. */
export function readToken(content: string, keyPair: TestKeyPair = testKeyPair()): TokenJson {
  const inner = decryptTokenMessage(content, keyPair);
  const [, text] = inner.split('\r\n\r\n', 2);
  const json = text!
    .split('\r\n')
    .filter((line) => !line.startsWith('-----'))
    .join('');
  return JSON.parse(json) as TokenJson;
}

/** A response as the tests look at it. */
export interface TestResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json<T = Record<string, unknown>>(): T;
}

/** A plain HTTP request: every header as given (Host included), body as given. */
export function request(
  url: string,
  options: { method?: string; headers?: Record<string, string | undefined>; body?: unknown } = {},
): Promise<TestResponse> {
  const target = new URL(url);
  const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) if (value !== undefined) headers[name] = value;
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: options.method ?? 'GET',
        headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: <T>() => JSON.parse(text) as T });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** Options of the OAuth signer. */
export interface SignOptions {
  /** Seconds; default: the clock's now. */
  timestamp?: number;
  nonce?: string;
  realm?: string;
  consumerSecret?: string;
  accessSecret?: string;
}

/** `Authorization: OAuth ...` for `GET <url>`, signed by the independent `oauth-1.0a` library. */
export function oauthHeader(url: string, token: TokenJson, clock: { now(): Date }, options: SignOptions = {}): string {
  const oauth = new OAuth({
    consumer: { key: token.consumer_key, secret: options.consumerSecret ?? token.consumer_secret },
    signature_method: 'HMAC-SHA1',
    hash_function: (base, key) => createHmac('sha1', key).update(base).digest('base64'),
    ...(options.realm === undefined ? {} : { realm: options.realm }),
  });
  const signer = oauth as unknown as { getTimeStamp(): number; getNonce(): string };
  signer.getTimeStamp = () => options.timestamp ?? Math.floor(clock.now().getTime() / 1000);
  if (options.nonce !== undefined) {
    const nonce = options.nonce;
    signer.getNonce = () => nonce;
  }
  const data = oauth.authorize({ url, method: 'GET' }, { key: token.access_token, secret: options.accessSecret ?? token.access_secret });
  return oauth.toHeader(data).Authorization;
}

/** `GET /session` with a signed header; the raw response. */
export function getSession(
  sim: { url: string },
  token: TokenJson,
  clock: { now(): Date },
  options: SignOptions & { authorization?: string; headers?: Record<string, string | undefined> } = {},
): Promise<TestResponse> {
  const url = `${sim.url}/session`;
  return request(url, {
    headers: {
      authorization: options.authorization ?? oauthHeader(url, token, clock, options),
      'user-agent': USER_AGENT,
      'x-server-protocol-version': '10',
      'content-type': 'application/json;charset=UTF8',
      ...options.headers,
    },
  });
}

/** Signs in and returns the session token (fails the test on anything else). */
export async function signIn(sim: { url: string }, token: TokenJson, clock: { now(): Date }): Promise<string> {
  const response = await getSession(sim, token, clock);
  if (response.status !== 200) throw new Error(`GET /session answered ${response.status} ${response.text}`);
  return response.json<{ auth_session_token: string }>().auth_session_token;
}

/** A Device Assignment API call with a session. */
export function depCall(
  sim: { url: string },
  session: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  options: { protocol?: number; headers?: Record<string, string | undefined> } = {},
): Promise<TestResponse> {
  return request(`${sim.url}${path}`, {
    method,
    body,
    headers: {
      'user-agent': USER_AGENT,
      'x-server-protocol-version': String(options.protocol ?? 10),
      'x-adm-auth-session': session,
      ...(body === undefined ? {} : { 'content-type': 'application/json;charset=UTF8' }),
      ...options.headers,
    },
  });
}

/** A running simulator on a manual clock, closed when the calling test finishes. */
export async function startSimulator(options: AppleSimulatorOptions = {}): Promise<{ sim: RunningAppleSimulator; clock: ManualClock }> {
  const clock = new ManualClock();
  const sim = await startAppleSimulator({ clock, seed: 11, devices: 50, ...options });
  onTestFinished(() => sim.close());
  return { sim, clock };
}

/** A server in the portal with `serials` assigned, its token read, and a signed-in session. */
export async function mdmServer(
  sim: RunningAppleSimulator,
  clock: ManualClock,
  name: string,
  serials: string[] = [],
): Promise<{
  token: TokenJson;
  session: string;
  call: (method: string, path: string, body?: unknown, protocol?: number) => Promise<TestResponse>;
}> {
  const created = sim.portal.createServer({ name, publicKeyPem: testKeyPair().certificatePem });
  if (serials.length > 0) sim.portal.assignDevices(name, { serials });
  const token = readToken(created.token.content);
  const session = await signIn(sim, token, clock);
  return { token, session, call: (method, path, body, protocol) => depCall(sim, session, method, path, body, { protocol }) };
}

/** Every serial of the simulator's organisation, in portal order. */
export function allSerials(sim: RunningAppleSimulator): string[] {
  return sim.portal.listDevices().map((device) => device.serial_number);
}
