/**
 * The reconcile against the simulated Apple over real HTTP, at the service level: what it writes
 * for devices Apple never knew, devices Apple put on another server before DEP said so, a second
 * run that has nothing left to learn, and the coverage summary rule.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppleCareCoverage } from '../../../src/apple/asm-api/asm-types.js';
import { generateTokenKeyPair } from '../../../src/apple/token-crypto.js';
import { Device } from '../../../src/entities/device.entity.js';
import type { EnrollmentProgramToken } from '../../../src/entities/enrollment-program-token.entity.js';
import { ErrorCode } from '../../../src/errors.js';
import { summarizeCoverage } from '../../../src/services/school-manager/school-manager.service.js';
import { homeroomErrorOf } from '../../support/assertions.js';
import { HOUR, startSyncHarness, type SyncHarness } from '../sync/harness.js';

let h: SyncHarness;
let token: EnrollmentProgramToken;
let serials: string[];

beforeEach(async () => {
  h = await startSyncHarness();
  ({ token } = await h.newToken('Reconcile MDM', 6));
  serials = h.appleSerials('Reconcile MDM');
  const account = h.simulator.schoolManager.createApiAccount('Homeroom');
  await h.services.schoolManager.setAccount(h.ctx, {
    tokenId: token.id,
    clientId: account.clientId,
    keyId: account.keyId,
    privateKey: account.privateKeyPem,
  });
});
afterEach(async () => {
  await h.services.schoolManager.stop();
  await h.close();
});

describe('SchoolManagerService.reconcile', () => {
  it('marks a serial Apple does not know at all released at the reconcile, and counts a device Apple moved elsewhere before DEP said so', async () => {
    const manager = h.opened.dataSource.manager;
    const template = await h.device(serials[0]!);
    const { id: _id, ...copy } = template;
    await manager.insert(Device, { ...copy, serialNumber: 'GHOSTSERIAL01' });
    h.simulator.portal.createServer({ name: 'Elsewhere', publicKeyPem: generateTokenKeyPair().certificatePem });
    h.simulator.portal.moveDevices([serials[1]!], 'Elsewhere');
    h.clock.advance(HOUR);

    const result = await h.services.schoolManager.reconcile(h.ctx, token.id);
    expect(result).toMatchObject({
      devicesChecked: 6,
      devicesReleased: 1,
      devicesNotOnServer: 1,
      devicesOnOtherServer: 1,
      coverageRead: 6,
    });
    expect((await h.device('GHOSTSERIAL01')).releasedFromOrgAt).toEqual(h.clock.now());
    const moved = await h.device(serials[1]!);
    expect(moved).toMatchObject({ releasedFromOrgAt: null, removedAt: null });
    expect(moved.orderNumber).toMatch(/^ORD-/);
    expect(h.calls('GET /v1/orgDevices/{id}')).toBe(1);
    // One token when the account was stored, one more an hour later (it had expired).
    expect(h.calls('POST /auth/oauth2/token')).toBe(2);

    // Nothing new to learn: no release counted twice, no coverage read again, the same access token.
    const again = await h.services.schoolManager.reconcile(h.ctx, token.id);
    expect(again).toMatchObject({ devicesReleased: 0, coverageRead: 0 });
    expect(h.calls('POST /auth/oauth2/token')).toBe(2);
  });

  it('joins a reconcile of the same token already running instead of starting another', async () => {
    const [a, b] = await Promise.all([
      h.services.schoolManager.reconcile(h.ctx, token.id),
      h.services.schoolManager.reconcile(h.ctx, token.id),
    ]);
    expect(a).toBe(b);
    expect(h.calls('GET /v1/orgDevices')).toBe(1);
  });

  it('without an account: SCHOOL_MANAGER_ACCOUNT_REQUIRED', async () => {
    await h.services.schoolManager.removeAccount(h.ctx, token.id);
    const error = await homeroomErrorOf(h.services.schoolManager.reconcile(h.ctx, token.id));
    expect(error.code).toBe(ErrorCode.SCHOOL_MANAGER_ACCOUNT_REQUIRED);
  });
});

describe('summarizeCoverage', () => {
  const coverage = (description: string, status: string, endDateTime: string): AppleCareCoverage => ({
    type: 'appleCareCoverage',
    id: description,
    attributes: { description, status, endDateTime },
  });

  it('prefers the active coverage ending last, else the one that ended last; NONE when Apple lists none', () => {
    expect(
      summarizeCoverage('S', [
        coverage('Limited Warranty', 'INACTIVE', '2026-01-01T00:00:00Z'),
        coverage('AppleCare+ for Schools', 'ACTIVE', '2028-01-01T00:00:00Z'),
        coverage('Old plan', 'ACTIVE', '2027-01-01T00:00:00Z'),
      ]),
    ).toEqual({ serialNumber: 'S', status: 'ACTIVE', description: 'AppleCare+ for Schools', endsAt: new Date('2028-01-01T00:00:00Z') });
    expect(
      summarizeCoverage('S', [coverage('A', 'INACTIVE', '2025-01-01T00:00:00Z'), coverage('B', 'INACTIVE', '2026-01-01T00:00:00Z')]),
    ).toMatchObject({
      status: 'INACTIVE',
      description: 'B',
    });
    expect(summarizeCoverage('S', [])).toEqual({ serialNumber: 'S', status: 'NONE', description: null, endsAt: null });
  });
});
