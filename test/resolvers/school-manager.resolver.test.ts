import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SchoolManagerAccount } from '../../src/entities/school-manager-account.entity.js';
import { toGlobalId } from '../../src/global-id.js';
import { createLogger } from '../../src/logger.js';
import { ManualClock } from '../../src/platform/clock.js';
import { Role } from '../../src/permissions.js';
import { systemContext } from '../../src/platform/request-context.js';
import type { CreatedApiAccount, RunningAppleSimulator } from '../../src/simulator/apple/index.js';
import {
  ReconcileWithSchoolManagerDocument,
  RemoveSchoolManagerApiAccountDocument,
  SetSchoolManagerApiAccountDocument,
  TokenSchoolManagerDevicesDocument,
} from '../generated/operations.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { uploadSimulatedToken } from '../support/tokens.js';

/**
 * The School Manager API account over GraphQL: every refusal has its code and reason and stores
 * nothing; a good account is stored (its key never returned), replaced and removed.
 */
describe('School Manager API account over GraphQL', () => {
  const clock = new ManualClock('2026-11-02T08:00:00.000Z');
  const ctx = systemContext(createLogger('silent'));
  let t: TestServer;
  let apple: RunningAppleSimulator;
  let tokenId: string;
  let account: CreatedApiAccount;

  const codeOf = (res: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions;
  const stored = () => t.server.dataSource.manager.count(SchoolManagerAccount);

  beforeAll(async () => {
    t = await startTestServer({ clock });
    apple = t.server.apple.simulator!;
    const token = await uploadSimulatedToken(t.server.services, apple, ctx, { name: 'Accounts', devices: 2 });
    tokenId = toGlobalId('EnrollmentProgramToken', token.id);
    account = apple.schoolManager.createApiAccount('Homeroom');
  });
  afterAll(() => t.close());

  const input = (overrides: Partial<{ clientId: string; keyId: string; privateKey: string }> = {}) => ({
    tokenId,
    clientId: account.clientId,
    keyId: account.keyId,
    privateKey: account.privateKeyPem,
    ...overrides,
  });

  it.each([
    ['privateKey', 'NOT_PEM', { privateKey: 'not a key' }],
    ['privateKey', 'UNREADABLE', { privateKey: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n' }],
    [
      'privateKey',
      'NOT_EC',
      { privateKey: generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
    ],
    [
      'privateKey',
      'NOT_P256',
      { privateKey: generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
    ],
    ['clientId', 'CLIENT_ID_INVALID', { clientId: ' ' }],
    ['keyId', 'KEY_ID_INVALID', { keyId: 'has spaces in it' }],
  ])('refuses a bad %s with SCHOOL_MANAGER_ACCOUNT_INVALID, reason %s, and stores nothing', async (field, reason, overrides) => {
    const res = await t.request(SetSchoolManagerApiAccountDocument, { input: input(overrides) });
    expect(codeOf(res)).toMatchObject({ code: 'SCHOOL_MANAGER_ACCOUNT_INVALID', field, reason });
    expect(await stored()).toBe(0);
  });

  it('refuses a key Apple does not know for the account with SCHOOL_MANAGER_CREDENTIALS_REJECTED, and stores nothing', async () => {
    const other = apple.schoolManager.createApiAccount('Someone else');
    const res = await t.request(SetSchoolManagerApiAccountDocument, { input: input({ privateKey: other.privateKeyPem }) });
    expect(codeOf(res)).toMatchObject({ code: 'SCHOOL_MANAGER_CREDENTIALS_REJECTED', appleCode: 'invalid_client' });
    expect(await stored()).toBe(0);
  });

  it('reconcile without an account: SCHOOL_MANAGER_ACCOUNT_REQUIRED', async () => {
    const res = await t.request(ReconcileWithSchoolManagerDocument, { input: { tokenId } });
    expect(codeOf(res)).toMatchObject({ code: 'SCHOOL_MANAGER_ACCOUNT_REQUIRED' });
  });

  it('only ADMIN stores an account (FORBIDDEN for OPERATOR)', async () => {
    const res = await t.request(SetSchoolManagerApiAccountDocument, { input: input() }, t.keys[Role.OPERATOR]);
    expect(codeOf(res)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await stored()).toBe(0);
  });

  it('stores a good account sealed (the key is never returned), replaces it, and removes it', async () => {
    const first = await t.request(SetSchoolManagerApiAccountDocument, { input: input() });
    expect(first.errors).toBeUndefined();
    expect(first.data!.setSchoolManagerApiAccount).toMatchObject({
      replacedPrevious: false,
      schoolManagerApiAccount: { clientId: account.clientId },
    });
    const row = await t.server.dataSource.manager.findOneByOrFail(SchoolManagerAccount, {});
    expect(row.sealedPrivateKey).not.toContain('PRIVATE KEY');
    expect(JSON.stringify(first.data)).not.toContain('PRIVATE KEY');

    const again = await t.request(SetSchoolManagerApiAccountDocument, { input: input() });
    expect(again.data!.setSchoolManagerApiAccount.replacedPrevious).toBe(true);
    expect(await stored()).toBe(1);
    const node = (await t.request(TokenSchoolManagerDevicesDocument, { id: tokenId, first: 1 })).data!.node;
    expect(node).toMatchObject({ schoolManagerApiAccount: { clientId: account.clientId, keyId: account.keyId } });

    const removed = await t.request(RemoveSchoolManagerApiAccountDocument, { input: { tokenId } });
    expect(removed.data!.removeSchoolManagerApiAccount.removed).toBe(true);
    expect(await stored()).toBe(0);
    const none = await t.request(RemoveSchoolManagerApiAccountDocument, { input: { tokenId } });
    expect(none.data!.removeSchoolManagerApiAccount.removed).toBe(false);
  });
});
