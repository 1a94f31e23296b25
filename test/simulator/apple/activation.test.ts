import { describe, expect, it } from 'vitest';
import { allSerials, mdmServer, request, startSimulator } from './support.js';

const PROFILE = {
  profile_name: 'Shared carts',
  url: 'https://homeroom.example/mdm/enroll',
  configuration_web_url: 'https://homeroom.example/mdm/web',
  is_supervised: true,
  is_mdm_removable: false,
  is_mandatory: true,
  await_device_configured: true,
  is_multi_user: true,
  allow_pairing: false,
  department: 'IT',
  support_phone_number: '+44 20 7946 0000',
  support_email_address: 'help@school.example',
  org_magic: 'magic-1',
  skip_setup_items: ['Siri', 'Location'],
  anchor_certs: ['QUJD'],
  language: 'en',
  region: 'GB',
};

interface Page {
  devices: Array<Record<string, unknown>>;
  cursor: string;
}

describe('activation lookup', () => {
  it("serves the assigned profile's cloud configuration and marks the device pushed, logged as modified", async () => {
    const { sim, clock } = await startSimulator();
    const [serial] = allSerials(sim);
    const { call } = await mdmServer(sim, clock, 'Activation MDM', [serial!]);
    const uuid = (await call('POST', '/profile', { ...PROFILE, devices: [serial] })).json<{ profile_uuid: string }>().profile_uuid;
    const { cursor } = (await call('POST', '/server/devices', {})).json<Page>();
    clock.advance(5_000);
    const org = sim.portal.organization();
    expect(sim.activation.lookup(serial!)).toEqual({
      managed: true,
      configuration: {
        IsSupervised: true,
        IsMandatory: true,
        IsMDMUnremovable: true,
        AwaitDeviceConfigured: true,
        IsMultiUser: true,
        AllowPairing: false,
        ConfigurationURL: 'https://homeroom.example/mdm/enroll',
        ConfigurationWebURL: 'https://homeroom.example/mdm/web',
        SkipSetup: ['Siri', 'Location'],
        AnchorCertificates: ['QUJD'],
        SupervisorHostCertificates: [],
        OrganizationName: org.org_name,
        OrganizationDepartment: 'IT',
        OrganizationAddress: org.org_address,
        OrganizationEmail: org.org_email,
        OrganizationPhone: org.org_phone,
        OrganizationSupportPhone: '+44 20 7946 0000',
        OrganizationSupportEmail: 'help@school.example',
        OrganizationMagic: 'magic-1',
        Language: 'en',
        Region: 'GB',
        ProfileUUID: uuid,
      },
    });
    const changes = (await call('POST', '/devices/sync', { cursor })).json<Page>().devices;
    expect(changes).toEqual([
      expect.objectContaining({
        serial_number: serial,
        op_type: 'modified',
        profile_status: 'pushed',
        profile_push_time: '2026-09-01T08:00:05Z',
      }),
    ]);
  });

  it('answers not managed with UNKNOWN_SERIAL, NOT_ASSIGNED_TO_SERVER or NO_PROFILE (also after the profile was removed)', async () => {
    const { sim, clock } = await startSimulator();
    const [assigned, free] = allSerials(sim);
    const { call } = await mdmServer(sim, clock, 'Lookup MDM', [assigned!]);
    expect(sim.activation.lookup('NOSUCHSERIAL')).toEqual({ managed: false, reason: 'UNKNOWN_SERIAL' });
    expect(sim.activation.lookup(free!)).toEqual({ managed: false, reason: 'NOT_ASSIGNED_TO_SERVER' });
    expect(sim.activation.lookup(assigned!)).toEqual({ managed: false, reason: 'NO_PROFILE' });
    await call('POST', '/profile', { ...PROFILE, devices: [assigned] });
    expect(sim.activation.lookup(assigned!).managed).toBe(true);
    await call('DELETE', '/profile/devices', { devices: [assigned] });
    expect(sim.activation.lookup(assigned!)).toEqual({ managed: false, reason: 'NO_PROFILE' });
  });

  it('answers POST /activation/profile with the same JSON, and refuses other actions', async () => {
    const { sim, clock } = await startSimulator();
    const [serial] = allSerials(sim);
    const { call } = await mdmServer(sim, clock, 'HTTP MDM', [serial!]);
    await call('POST', '/profile', { profile_name: 'P', url: 'https://h.example/enroll', devices: [serial] });
    const lookup = (body: unknown) => request(`${sim.url}/activation/profile`, { method: 'POST', body });
    const managed = await lookup({ action: 'RequestProfileConfiguration', sn: serial });
    expect(managed.status).toBe(200);
    expect(managed.json()).toMatchObject({
      managed: true,
      configuration: { ConfigurationURL: 'https://h.example/enroll', AllowPairing: true, IsSupervised: false },
    });
    expect(sim.portal.listDevices({ server: 'HTTP MDM' })[0]).toMatchObject({ profile_status: 'pushed' });
    expect((await lookup({ action: 'RequestProfileConfiguration', sn: 'NOPE' })).json()).toEqual({
      managed: false,
      reason: 'UNKNOWN_SERIAL',
    });
    const wrong = await lookup({ action: 'Other', sn: serial });
    expect([wrong.status, wrong.text]).toEqual([400, 'INVALID_ACTION']);
    expect((await request(`${sim.url}/activation/profile`)).status).toBe(405);
  });
});
