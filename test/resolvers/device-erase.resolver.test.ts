import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../../src/entities/audit-event.entity.js';
import type { EnrollmentProfile } from '../../src/entities/enrollment-profile.entity.js';
import { toGlobalId } from '../../src/global-id.js';
import { createLogger } from '../../src/logger.js';
import { Role } from '../../src/permissions.js';
import { systemContext } from '../../src/platform/request-context.js';
import { EraseDeviceDocument, SetEnrollmentProfileWifiDocument } from '../generated/operations.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { simulatedSchool } from '../support/tokens.js';

/** `eraseDevice` and `setEnrollmentProfileWifi` over GraphQL: permissions, refusals with their codes, and a password never shown. */
describe('Return to Service over GraphQL', () => {
  const ctx = systemContext(createLogger('silent'));
  let t: TestServer;
  let profile: EnrollmentProfile;
  let serials: string[];

  beforeAll(async () => {
    t = await startTestServer();
    ({ profile, serials } = await simulatedSchool(t.server.services, t.server.apple.simulator!, ctx, { name: 'Lakeside', devices: 1 }));
  });
  afterAll(() => t.close());

  const profileId = () => toGlobalId('EnrollmentProfile', profile.id);

  it('sets the Wi-Fi, shows SSID, security and hasPassword but never the password, and audits without it', async () => {
    const res = await t.request(SetEnrollmentProfileWifiDocument, {
      input: { profileId: profileId(), wifi: { ssid: 'Lakeside-Carts', security: 'WPA3', password: 'a secret phrase' } },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.setEnrollmentProfileWifi.enrollmentProfile.returnToServiceWifi).toEqual({
      ssid: 'Lakeside-Carts',
      security: 'WPA3',
      hasPassword: true,
    });
    const audit = await t.server.dataSource.getRepository(AuditEvent).findBy({ action: 'setEnrollmentProfileWifi' });
    expect(JSON.stringify(audit)).not.toContain('a secret phrase');
    const removed = await t.request(SetEnrollmentProfileWifiDocument, { input: { profileId: profileId(), wifi: null } });
    expect(removed.data!.setEnrollmentProfileWifi.enrollmentProfile.returnToServiceWifi).toBeNull();
  });

  it('refuses a bad network with BAD_USER_INPUT naming the field, changing nothing', async () => {
    const res = await t.request(SetEnrollmentProfileWifiDocument, {
      input: { profileId: profileId(), wifi: { ssid: 'x'.repeat(33), security: 'WPA2', password: 'a secret phrase' } },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ssid' });
    const short = await t.request(SetEnrollmentProfileWifiDocument, {
      input: { profileId: profileId(), wifi: { ssid: 'Carts', security: 'WPA2', password: 'short' } },
    });
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
  });

  it('lets only ADMIN erase (OPERATOR gets FORBIDDEN with DEVICE_ERASE) and answers NOT_FOUND for an ID of something else', async () => {
    const device = await t.server.services.devices.findBySerialNumber(serials[0]!);
    const deviceId = toGlobalId('Device', device!.id);
    const forbidden = await t.request(EraseDeviceDocument, { input: { deviceId, returnToService: true } }, t.keys[Role.OPERATOR]);
    expect(forbidden.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', missingPermissions: ['DEVICE_ERASE'] });
    const missing = await t.request(EraseDeviceDocument, { input: { deviceId: profileId(), returnToService: false } });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const notEnrolled = await t.request(EraseDeviceDocument, { input: { deviceId, returnToService: false } });
    expect(notEnrolled.errors?.[0]?.extensions).toMatchObject({ code: 'RETURN_TO_SERVICE_UNAVAILABLE', reason: 'NOT_ENROLLED' });
  });
});
