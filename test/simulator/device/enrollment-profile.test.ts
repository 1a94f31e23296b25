import { describe, expect, it } from 'vitest';
import type { Dict } from './fake-mdm.js';
import { deviceWorld } from './support.js';

function payloads(profile: Dict): Dict[] {
  return profile.PayloadContent as Dict[];
}

function mdmPayload(profile: Dict): Dict {
  return payloads(profile).find((payload) => payload.PayloadType === 'com.apple.mdm')!;
}

function identityPayload(profile: Dict): Dict {
  return payloads(profile).find((payload) => payload.PayloadType === 'com.apple.security.pkcs12')!;
}

/** Powers on an assigned iPad against a fake MDM that changes its profile; returns the iPad and what the MDM saw. */
async function enrollWith(mutateProfile: (profile: Dict) => Dict) {
  const world = await deviceWorld({ mutateProfile });
  const serial = world.serials[0]!;
  await world.assign([serial]);
  const ipad = await world.ipad(serial);
  const state = await ipad.powerOn();
  return { ipad, state, kinds: world.fake.requests.map((request) => request.kind) };
}

describe('the enrollment profile, as the device reads it', () => {
  it('refuses a profile whose IdentityCertificateUUID names no identity payload', async () => {
    const { ipad, state, kinds } = await enrollWith((profile) => {
      mdmPayload(profile).IdentityCertificateUUID = '00000000-0000-0000-0000-000000000000';
      return profile;
    });
    expect(state).toBe('FAILED');
    expect(ipad.failure).toEqual({
      step: 'ENROLLMENT_FAILED',
      reason: 'PROFILE_REFUSED',
      message: 'IdentityCertificateUUID 00000000-0000-0000-0000-000000000000 names no identity payload',
    });
    expect(ipad.stepsOf('PROFILE_INSTALLED')).toEqual([]);
    expect(kinds).toEqual(['enroll']);
  });

  it('refuses a Topic outside com.apple.mgmt.', async () => {
    const { ipad, state } = await enrollWith((profile) => {
      mdmPayload(profile).Topic = 'com.example.push';
      return profile;
    });
    expect(state).toBe('FAILED');
    expect(ipad.failure).toMatchObject({ reason: 'PROFILE_REFUSED', message: 'the Topic com.example.push does not start com.apple.mgmt.' });
  });

  it('refuses a PKCS#12 that does not open with its password', async () => {
    const { ipad, state, kinds } = await enrollWith((profile) => {
      identityPayload(profile).Password = 'not the password';
      return profile;
    });
    expect(state).toBe('FAILED');
    expect(ipad.failure?.reason).toBe('PROFILE_REFUSED');
    expect(ipad.failure?.message).toMatch(/^the PKCS#12 payload does not open/);
    expect(ipad.managed).toBe(false);
    expect(kinds).toEqual(['enroll']);
  });

  it('installs identity payloads before the MDM payload whatever their order in the profile', async () => {
    const { ipad, state } = await enrollWith((profile) => {
      profile.PayloadContent = [...payloads(profile)].reverse();
      return profile;
    });
    expect(state).toBe('HOME');
    expect(ipad.stepsOf('PROFILE_INSTALLED')[0]!.detail).toMatchObject({ payloads: ['com.apple.security.pkcs12', 'com.apple.mdm'] });
  });

  it('accepts a CMS-signed profile', async () => {
    const world = await deviceWorld({ signProfile: true });
    const serial = world.serials[0]!;
    await world.assign([serial]);
    const ipad = await world.ipad(serial);
    expect(await ipad.powerOn()).toBe('HOME');
    expect(ipad.stepsOf('PROFILE_INSTALLED')[0]!.detail).toMatchObject({ signed: true });
  });

  it('is refused by an MDM that does not trust the device CA (the MachineInfo signature is really checked)', async () => {
    const other = await deviceWorld();
    const world = await deviceWorld({ deviceCaPem: other.fake.ca.certificatePem });
    const serial = world.serials[0]!;
    await world.assign([serial]);
    const ipad = await world.ipad(serial);
    expect(await ipad.powerOn()).toBe('FAILED');
    expect(ipad.failure).toMatchObject({ step: 'ENROLLMENT_FAILED', reason: 'ENROLLMENT_REFUSED', status: 403 });
    expect(ipad.failure?.body).toMatch(/was issued by .*Homeroom simulator.*which is not a trusted CA/);
  });
});
