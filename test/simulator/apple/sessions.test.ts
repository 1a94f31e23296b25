import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../src/simulator/apple/random.js';
import { SessionStore } from '../../../src/simulator/apple/sessions.js';
import { depCall, getSession, mdmServer, readToken, request, startSimulator, testKeyPair } from './support.js';

describe('SessionStore', () => {
  it('rotates every N data calls of a sign-in line and keeps the predecessor valid until its own expiry', () => {
    const store = new SessionStore(SeededRandom.fromSeed(1, 's'), { lifetimeMs: 1000, rotateEvery: 2 });
    const first = store.signIn('server', 'AT', 0);
    expect(store.recordDataCall(first, 10)).toBeNull();
    const second = store.recordDataCall(first, 20)!;
    expect(second.token).not.toBe(first.token);
    expect(store.lookup(first.token, 999)).toEqual({ kind: 'valid', session: first });
    expect(store.lookup(first.token, 1000)).toEqual({ kind: 'expired' });
    expect(store.lookup(second.token, 1019)).toMatchObject({ kind: 'valid' });
    expect(store.lookup('nope', 0)).toEqual({ kind: 'unknown' });
  });

  it('never rotates with rotateEvery 0 and forgets tokens a lifetime after expiry', () => {
    const store = new SessionStore(SeededRandom.fromSeed(1, 's'), { lifetimeMs: 1000, rotateEvery: 0 });
    const session = store.signIn('server', 'AT', 0);
    for (let i = 0; i < 100; i += 1) expect(store.recordDataCall(session, i)).toBeNull();
    store.signIn('server', 'AT', 2000);
    expect(store.lookup(session.token, 2000)).toEqual({ kind: 'unknown' });
    expect(store.size()).toBe(1);
  });
});

describe('X-ADM-Auth-Session over HTTP', () => {
  it('sends a new X-ADM-Auth-Session on every Nth data call; the old one keeps working', async () => {
    const { sim, clock } = await startSimulator({ sessionRotateEvery: 3 });
    const { session, call } = await mdmServer(sim, clock, 'Rotate MDM');
    const headers = [];
    for (let i = 0; i < 3; i += 1) headers.push((await call('GET', '/account')).headers['x-adm-auth-session']);
    expect(headers.slice(0, 2)).toEqual([undefined, undefined]);
    const rotated = headers[2] as string;
    expect(rotated).toMatch(/^[0-9a-f]{128}$/);
    expect(rotated).not.toBe(session);
    expect((await depCall(sim, rotated, 'GET', '/account')).status).toBe(200);
    expect((await depCall(sim, session, 'GET', '/account')).status).toBe(200);
  });

  it('answers 401 UNAUTHORIZED with WWW-Authenticate: ADM-Auth-Token once the session lifetime has passed', async () => {
    const { sim, clock } = await startSimulator({ sessionLifetimeSeconds: 60 });
    const { call } = await mdmServer(sim, clock, 'Lifetime MDM');
    clock.advance(59_000);
    expect((await call('GET', '/account')).status).toBe(200);
    clock.advance(1_000);
    const expired = await call('GET', '/account');
    expect([expired.status, expired.text, expired.headers['www-authenticate']]).toEqual([401, 'UNAUTHORIZED', 'ADM-Auth-Token']);
    expect(expired.headers['content-type']).toBe('text/plain;charset=UTF8');
  });

  it('answers 401 UNAUTHORIZED after expireSessions() and without a session header, 403 FORBIDDEN for an unknown session', async () => {
    const { sim, clock } = await startSimulator();
    const { call } = await mdmServer(sim, clock, 'Expire MDM');
    sim.expireSessions();
    expect((await call('GET', '/account')).status).toBe(401);
    expect((await depCall(sim, undefined, 'GET', '/account')).status).toBe(401);
    const unknown = await depCall(sim, 'f'.repeat(128), 'GET', '/account');
    expect([unknown.status, unknown.text]).toEqual([403, 'FORBIDDEN']);
  });

  it('ends sessions of a replaced token: 401 on data calls, then token_rejected on /session', async () => {
    const { sim, clock } = await startSimulator();
    const { token, call } = await mdmServer(sim, clock, 'Replaced MDM');
    const fresh = readToken(sim.portal.downloadToken('Replaced MDM').content, testKeyPair());
    expect((await call('GET', '/account')).status).toBe(401);
    expect((await getSession(sim, token, clock)).text).toBe('token_rejected');
    expect((await getSession(sim, fresh, clock)).status).toBe(200);
  });

  it('expires sessions over HTTP with POST /simulator/sessions/expire', async () => {
    const { sim, clock } = await startSimulator();
    const { call } = await mdmServer(sim, clock, 'Control MDM');
    expect((await request(`${sim.url}/simulator/sessions/expire`, { method: 'POST' })).status).toBe(204);
    expect((await call('GET', '/account')).status).toBe(401);
  });
});
