import { describe, expect, it } from 'vitest';
import {
  NonceCache,
  baseStringUri,
  hmacSha1Signature,
  parseAuthorization,
  percentEncode,
  signatureBaseString,
} from '../../../src/simulator/apple/oauth.js';
import { getSession, mdmServer, oauthHeader, readToken, startSimulator, testKeyPair, USER_AGENT } from './support.js';

const HEADER =
  'OAuth realm="ADM", oauth_consumer_key="CK_1", oauth_token="AT_1", oauth_signature_method="HMAC-SHA1", ' +
  'oauth_signature="abc%2Fdef%3D", oauth_timestamp="1700000000", oauth_nonce="n1", oauth_version="1.0"';

describe('parseAuthorization', () => {
  it('reads every parameter, percent-decodes values and leaves realm out of the signed set', () => {
    const parsed = parseAuthorization(HEADER);
    expect(parsed).toMatchObject({
      ok: true,
      params: { consumerKey: 'CK_1', token: 'AT_1', signature: 'abc/def=', timestamp: 1700000000, nonce: 'n1' },
    });
    if (!parsed.ok) throw new Error('unreachable');
    expect(parsed.params.signed.map(([name]) => name).sort()).toEqual([
      'oauth_consumer_key',
      'oauth_nonce',
      'oauth_signature_method',
      'oauth_timestamp',
      'oauth_token',
      'oauth_version',
    ]);
  });

  it('accepts parameters in any order and without realm or version', () => {
    const shuffled =
      'OAuth oauth_nonce="n1",oauth_timestamp="1700000000",oauth_token="AT_1",oauth_signature="x",' +
      'oauth_signature_method="HMAC-SHA1",oauth_consumer_key="CK_1"';
    expect(parseAuthorization(shuffled)).toMatchObject({ ok: true, params: { consumerKey: 'CK_1', nonce: 'n1' } });
  });

  it('answers parameter_absent without a header, with another scheme, or with a parameter missing', () => {
    expect(parseAuthorization(undefined)).toEqual({ ok: false, problem: 'parameter_absent' });
    expect(parseAuthorization('Bearer abc')).toEqual({ ok: false, problem: 'parameter_absent' });
    expect(parseAuthorization(HEADER.replace(/oauth_nonce="n1", /, ''))).toEqual({ ok: false, problem: 'parameter_absent' });
  });

  it('answers parameter_rejected for a duplicated or unsupported oauth parameter', () => {
    expect(parseAuthorization(`${HEADER}, oauth_nonce="n2"`)).toEqual({ ok: false, problem: 'parameter_rejected' });
    expect(parseAuthorization(`${HEADER}, oauth_callback="oob"`)).toEqual({ ok: false, problem: 'parameter_rejected' });
  });

  it('answers signature_method_rejected for anything but HMAC-SHA1 and version_rejected for a version other than 1.0', () => {
    expect(parseAuthorization(HEADER.replace('HMAC-SHA1', 'PLAINTEXT'))).toEqual({ ok: false, problem: 'signature_method_rejected' });
    expect(parseAuthorization(HEADER.replace('"1.0"', '"2.0"'))).toEqual({ ok: false, problem: 'version_rejected' });
  });
});

describe('signature base string', () => {
  it('encodes like RFC 5849 and drops default ports', () => {
    expect(percentEncode("a b!*'()~")).toBe('a%20b%21%2A%27%28%29~');
    expect(baseStringUri('http', 'Example.COM:80', '/session?x=1')).toBe('http://example.com/session');
    expect(baseStringUri('http', '127.0.0.1:8081', '/session')).toBe('http://127.0.0.1:8081/session');
    expect(
      signatureBaseString('get', 'http://h/session', [
        ['b', '2'],
        ['a', '1 2'],
      ]),
    ).toBe('GET&http%3A%2F%2Fh%2Fsession&a%3D1%25202%26b%3D2');
  });

  it('produces the same HMAC-SHA1 signature as the oauth-1.0a library', () => {
    const token = { consumer_key: 'CK_x', consumer_secret: 'CS_s&1', access_token: 'AT_y', access_secret: 'AS_t', access_token_expiry: '' };
    const header = oauthHeader('http://127.0.0.1:9/session', token, { now: () => new Date('2026-09-01T08:00:00Z') }, { nonce: 'abc' });
    const parsed = parseAuthorization(header);
    if (!parsed.ok) throw new Error(parsed.problem);
    const base = signatureBaseString('GET', 'http://127.0.0.1:9/session', parsed.params.signed);
    expect(hmacSha1Signature(base, 'CS_s&1', 'AS_t')).toBe(parsed.params.signature);
  });
});

describe('NonceCache', () => {
  it('refuses a nonce seen within the window and forgets it after', () => {
    const cache = new NonceCache(600_000);
    expect(cache.use('a', 0)).toBe(true);
    expect(cache.use('a', 599_000)).toBe(false);
    expect(cache.use('b', 700_000)).toBe(true);
    expect(cache.use('a', 700_000)).toBe(true);
  });
});

describe('GET /session', () => {
  it('opens a session for a request signed by an independent OAuth library, realm included', async () => {
    const { sim, clock } = await startSimulator();
    const { token } = await mdmServer(sim, clock, 'MDM');
    const response = await getSession(sim, token, clock, { realm: 'ADM' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json;charset=UTF8');
    expect(Object.keys(response.json())).toEqual(['auth_session_token']);
    expect(response.json<{ auth_session_token: string }>().auth_session_token).toMatch(/^[0-9a-f]{128}$/);
  });

  it('accepts the header with its parameters in reverse order and no realm', async () => {
    const { sim, clock } = await startSimulator();
    const { token } = await mdmServer(sim, clock, 'MDM');
    const header = oauthHeader(`${sim.url}/session`, token, clock);
    const params = header
      .replace(/^OAuth /, '')
      .split(', ')
      .reverse()
      .join(',');
    expect((await getSession(sim, token, clock, { authorization: `OAuth ${params}` })).status).toBe(200);
  });

  it('signs against the Host header the request carries, so a wrong host in the signature gives 401 signature_invalid', async () => {
    const { sim, clock } = await startSimulator();
    const { token } = await mdmServer(sim, clock, 'MDM');
    const authorization = oauthHeader('http://mdmenrollment.apple.com/session', token, clock);
    const wrongHost = await getSession(sim, token, clock, { authorization });
    expect([wrongHost.status, wrongHost.text]).toEqual([401, 'signature_invalid']);
    const rightHost = await getSession(sim, token, clock, { authorization, headers: { host: 'mdmenrollment.apple.com' } });
    expect(rightHost.status).toBe(200);
  });

  it('answers 401 signature_invalid for a tampered signature and for a wrong secret', async () => {
    const { sim, clock } = await startSimulator();
    const { token } = await mdmServer(sim, clock, 'MDM');
    const good = oauthHeader(`${sim.url}/session`, token, clock);
    const tampered = good.replace(
      /oauth_signature="([^"]+)"/,
      (_m, sig: string) => `oauth_signature="${sig.startsWith('A') ? 'B' : 'A'}${sig.slice(1)}"`,
    );
    const responses = [
      await getSession(sim, token, clock, { authorization: tampered }),
      await getSession(sim, token, clock, { consumerSecret: 'CS_wrong' }),
      await getSession(sim, token, clock, { accessSecret: 'AS_wrong' }),
    ];
    for (const response of responses) {
      expect([response.status, response.text]).toEqual([401, 'signature_invalid']);
      expect(response.headers['content-type']).toBe('text/plain;charset=UTF8');
    }
  });

  it('answers 401 nonce_used when a signed request is replayed within the window', async () => {
    const { sim, clock } = await startSimulator();
    const { token } = await mdmServer(sim, clock, 'MDM');
    const authorization = oauthHeader(`${sim.url}/session`, token, clock, { nonce: 'once' });
    expect((await getSession(sim, token, clock, { authorization })).status).toBe(200);
    const replay = await getSession(sim, token, clock, { authorization });
    expect([replay.status, replay.text]).toEqual([401, 'nonce_used']);
  });

  it('answers 401 timestamp_refused for a timestamp more than 300 s away from the simulator clock', async () => {
    const { sim, clock } = await startSimulator();
    const { token } = await mdmServer(sim, clock, 'MDM');
    const now = Math.floor(clock.now().getTime() / 1000);
    const stale = await getSession(sim, token, clock, { timestamp: now - 301 });
    const future = await getSession(sim, token, clock, { timestamp: now + 301 });
    const edge = await getSession(sim, token, clock, { timestamp: now - 300 });
    expect([stale.status, stale.text]).toEqual([401, 'timestamp_refused']);
    expect([future.status, future.text]).toEqual([401, 'timestamp_refused']);
    expect(edge.status).toBe(200);
  });

  it('answers 401 UNAUTHORIZED for an unknown consumer key and token_rejected for an unknown token', async () => {
    const { sim, clock } = await startSimulator();
    const { token } = await mdmServer(sim, clock, 'MDM');
    const unknownKey = await getSession(sim, { ...token, consumer_key: 'CK_nobody' }, clock);
    const unknownToken = await getSession(sim, { ...token, access_token: 'AT_O1O2O3' }, clock);
    expect([unknownKey.status, unknownKey.text]).toEqual([401, 'UNAUTHORIZED']);
    expect([unknownToken.status, unknownToken.text]).toEqual([401, 'token_rejected']);
  });

  it('answers 400 for a missing header, a duplicated parameter or an unsupported signature method', async () => {
    const { sim, clock } = await startSimulator();
    const { token } = await mdmServer(sim, clock, 'MDM');
    const good = oauthHeader(`${sim.url}/session`, token, clock);
    const missing = await getSession(sim, token, clock, { headers: { authorization: undefined }, authorization: '' });
    const duplicated = await getSession(sim, token, clock, { authorization: `${good}, oauth_nonce="again"` });
    const method = await getSession(sim, token, clock, { authorization: good.replace('HMAC-SHA1', 'RSA-SHA1') });
    expect([missing.status, missing.text]).toEqual([400, 'parameter_absent']);
    expect([duplicated.status, duplicated.text]).toEqual([400, 'parameter_rejected']);
    expect([method.status, method.text]).toEqual([400, 'signature_method_rejected']);
  });

  it('answers 401 token_rejected for a token replaced by a new download and token_expired for an expired one', async () => {
    const { sim, clock } = await startSimulator();
    const { token } = await mdmServer(sim, clock, 'MDM');
    const fresh = readToken(sim.portal.downloadToken('MDM').content, testKeyPair());
    const old = await getSession(sim, token, clock);
    expect([old.status, old.text]).toEqual([401, 'token_rejected']);
    expect((await getSession(sim, fresh, clock)).status).toBe(200);
    sim.portal.expireToken('MDM');
    const expired = await getSession(sim, fresh, clock);
    expect([expired.status, expired.text]).toEqual([401, 'token_expired']);
  });

  it('answers 403 T_C_NOT_SIGNED to a good signature while new terms wait for acceptance', async () => {
    const { sim, clock } = await startSimulator();
    const { token } = await mdmServer(sim, clock, 'MDM');
    sim.portal.requireTermsAcceptance();
    const refused = await getSession(sim, token, clock);
    expect([refused.status, refused.text]).toEqual([403, 'T_C_NOT_SIGNED']);
    sim.portal.acceptTerms();
    expect((await getSession(sim, token, clock)).status).toBe(200);
  });

  it('answers 400 USER_AGENT_MISSING without a User-Agent and USER_AGENT_INVALID for a godep one', async () => {
    const { sim, clock } = await startSimulator();
    const { token } = await mdmServer(sim, clock, 'MDM');
    const missing = await getSession(sim, token, clock, { headers: { 'user-agent': undefined } });
    const invalid = await getSession(sim, token, clock, { headers: { 'user-agent': 'nanodep-godep/0' } });
    expect([missing.status, missing.text]).toEqual([400, 'USER_AGENT_MISSING']);
    expect([invalid.status, invalid.text]).toEqual([400, 'USER_AGENT_INVALID']);
    expect((await getSession(sim, token, clock, { headers: { 'user-agent': USER_AGENT } })).status).toBe(200);
  });

  it('writes OAuth problems JSON-quoted in depsim style', async () => {
    const { sim, clock } = await startSimulator({ errorBodyStyle: 'depsim' });
    const { token } = await mdmServer(sim, clock, 'MDM');
    const response = await getSession(sim, token, clock, { accessSecret: 'AS_wrong' });
    expect(response.text).toBe('"signature_invalid"');
  });
});
