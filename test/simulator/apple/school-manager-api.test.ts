/**
 * The simulated School Manager API over raw HTTP (no Homeroom code): the token endpoint checks
 * the client assertion's signature, kid, issuer, audience and lifetime; the API wants a bearer
 * token and caps `limit`; a release without a DEP event leaves the server's sync silent while the
 * API reports it.
 */
import { createPrivateKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/platform/clock.js';
import { startAppleSimulator, type CreatedApiAccount, type RunningAppleSimulator } from '../../../src/simulator/apple/index.js';

const AUDIENCE = 'https://account.apple.com/auth/oauth2/v2/token';
let apple: RunningAppleSimulator;
let clock: ManualClock;
let account: CreatedApiAccount;

async function assertion(
  overrides: { key?: string; kid?: string; iss?: string; aud?: string; iat?: number; exp?: number } = {},
): Promise<string> {
  const iat = overrides.iat ?? Math.floor(clock.now().getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', kid: overrides.kid ?? account.keyId })
    .setIssuer(overrides.iss ?? account.clientId)
    .setSubject(account.clientId)
    .setAudience(overrides.aud ?? AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(overrides.exp ?? iat + 300)
    .setJti(randomUUID())
    .sign(createPrivateKey(overrides.key ?? account.privateKeyPem));
}

async function token(form: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${apple.url}/auth/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: account.clientId,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      scope: 'school.api',
      ...form,
    }).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeEach(async () => {
  clock = new ManualClock('2026-11-02T09:00:00.000Z');
  apple = await startAppleSimulator({ clock, seed: 3, devices: 5 });
  account = apple.schoolManager.createApiAccount('Homeroom');
});
afterEach(() => apple.close());

describe('the simulated School Manager API token endpoint', () => {
  it('issues a one-hour bearer token for a good assertion', async () => {
    const res = await token({ client_assertion: await assertion() });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'school.api' });
  });

  const otherKey = () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  it.each([
    ['signed with another key', () => assertion({ key: otherKey() })],
    ['for another kid', () => assertion({ kid: 'another-key' })],
    ['with another issuer', () => assertion({ iss: 'SCHOOLAPI.someone-else' })],
    ['for another audience', () => assertion({ aud: 'https://example.com/token' })],
    [
      'expired',
      () => assertion({ iat: Math.floor(clock.now().getTime() / 1000) - 7200, exp: Math.floor(clock.now().getTime() / 1000) - 3600 }),
    ],
    ['living longer than 180 days', () => assertion({ exp: Math.floor(clock.now().getTime() / 1000) + 181 * 24 * 3600 })],
    ['that is not a JWT', async () => 'not-a-jwt'],
  ])('refuses an assertion %s: 400 invalid_client', async (_case, make) => {
    const res = await token({ client_assertion: await make() });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_client');
  });

  it('refuses an unknown client, a wrong grant type and a wrong scope with their OAuth codes', async () => {
    expect((await token({ client_assertion: await assertion(), client_id: 'SCHOOLAPI.unknown' })).body.error).toBe('invalid_client');
    expect((await token({ client_assertion: await assertion(), grant_type: 'password' })).body.error).toBe('unsupported_grant_type');
    expect((await token({ client_assertion: await assertion(), scope: 'everything' })).body.error).toBe('invalid_scope');
  });
});

describe('the simulated School Manager API', () => {
  async function bearer(): Promise<string> {
    return (await token({ client_assertion: await assertion() })).body.access_token as string;
  }

  it('answers 401 without a bearer token and 400 for a limit over 1000', async () => {
    expect((await fetch(`${apple.url}/v1/orgDevices`)).status).toBe(401);
    const res = await fetch(`${apple.url}/v1/orgDevices?limit=1001`, { headers: { authorization: `Bearer ${await bearer()}` } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Array<{ code: string }> }).errors[0]!.code).toBe('PARAMETER_ERROR.INVALID');
  });

  it('shows an iPad added with Apple Configurator as MANUALLY_ADDED since its order date, without a purchase source; a bought one as APPLE or RESELLER', async () => {
    const date = new Date('2026-10-30T08:00:00.000Z');
    const added = apple.portal.addOrder({ count: 1, manuallyAdded: true, date }).serials[0]!;
    const bought = apple.portal.addOrder({ count: 1 }).serials[0]!;
    const attributesOf = async (serial: string) => {
      const res = await fetch(`${apple.url}/v1/orgDevices/${serial}`, { headers: { authorization: `Bearer ${await bearer()}` } });
      return ((await res.json()) as { data: { attributes: Record<string, unknown> } }).data.attributes;
    };
    expect(await attributesOf(added)).toMatchObject({
      purchaseSourceType: 'MANUALLY_ADDED',
      purchaseSourceId: null,
      addedToOrgDateTime: date.toISOString(),
    });
    expect(['APPLE', 'RESELLER']).toContain((await attributesOf(bought)).purchaseSourceType);
    expect(() => apple.portal.addOrder({ count: 1, manuallyAdded: 'yes' as unknown as boolean })).toThrow(
      'manuallyAdded must be a boolean',
    );
  });

  it('a release without a DEP event: the API shows releasedFromOrgDateTime, the portal lists it gone', async () => {
    const serial = apple.portal.listDevices({})[0]!.serial_number;
    clock.advance(60_000);
    apple.portal.releaseDevices([serial], { depEvent: false });
    const res = await fetch(`${apple.url}/v1/orgDevices/${serial}`, { headers: { authorization: `Bearer ${await bearer()}` } });
    const body = (await res.json()) as { data: { attributes: Record<string, unknown> } };
    expect(body.data.attributes).toMatchObject({ releasedFromOrgDateTime: clock.now().toISOString(), status: 'UNASSIGNED' });
    expect(apple.portal.listDevices({}).map((device) => device.serial_number)).not.toContain(serial);
  });
});
