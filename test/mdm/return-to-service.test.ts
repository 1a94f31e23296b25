import { parse } from 'plist';
import { describe, expect, it } from 'vitest';
import { createCertificateAuthority } from '../../src/mdm/certificate-authority.js';
import { buildWifiProfile, returnToServiceAnswerPlist, returnToServiceDict, signProfile } from '../../src/mdm/return-to-service.js';
import { readWifiProfile } from '../../src/simulator/device/index.js';

type Dict = Record<string, unknown>;

describe('Return to Service payloads', () => {
  it('builds a Wi-Fi profile with one com.apple.wifi.managed payload that joins by itself', () => {
    const profile = parse(buildWifiProfile({ ssid: 'Carts', security: 'WPA3', password: 'correct horse' }, 'Riverside')) as Dict;
    expect(profile).toMatchObject({ PayloadType: 'Configuration', PayloadOrganization: 'Riverside', PayloadScope: 'System' });
    expect(profile.PayloadContent).toEqual([
      expect.objectContaining({
        PayloadType: 'com.apple.wifi.managed',
        SSID_STR: 'Carts',
        EncryptionType: 'WPA3',
        Password: 'correct horse',
        AutoJoin: true,
        HIDDEN_NETWORK: false,
      }),
    ]);
    const open = (parse(buildWifiProfile({ ssid: 'Guest', security: 'NONE', password: null }, 'Riverside')) as { PayloadContent: Dict[] })
      .PayloadContent[0]!;
    expect(open).toMatchObject({ EncryptionType: 'None' });
    expect(open).not.toHaveProperty('Password');
  });

  it('signs the profile as CMS SignedData a device reads (the virtual iPad joins its network)', () => {
    const ca = createCertificateAuthority({ commonName: 'Test MDM CA', now: new Date() });
    const signed = signProfile(
      buildWifiProfile({ ssid: 'Carts', security: 'WPA2', password: 'correct horse' }, 'Riverside'),
      ca,
      new Date(),
    );
    expect(signed.subarray(0, 1)[0]).toBe(0x30);
    expect(readWifiProfile(signed)).toEqual({ ssid: 'Carts', security: 'WPA2' });
  });

  it('answers the ReturnToService check-in with ReturnToService {Enabled, WiFiProfileData, MDMProfileData, BootstrapToken}, or Enabled false alone', () => {
    const configuration = {
      enabled: true,
      wifiProfileData: Buffer.from('wifi'),
      mdmProfileData: Buffer.from('mdm'),
      bootstrapToken: Buffer.from('token'),
    };
    const answer = parse(returnToServiceAnswerPlist(configuration)) as { ReturnToService: Dict };
    expect(Object.keys(answer.ReturnToService).sort()).toEqual(['BootstrapToken', 'Enabled', 'MDMProfileData', 'WiFiProfileData']);
    expect(Buffer.from(answer.ReturnToService.MDMProfileData as Uint8Array).toString()).toBe('mdm');
    const off = { enabled: false, wifiProfileData: null, mdmProfileData: null, bootstrapToken: Buffer.from('token') };
    expect(parse(returnToServiceAnswerPlist(off))).toEqual({ ReturnToService: { Enabled: false } });
    expect(returnToServiceDict(off)).toEqual({ Enabled: false });
    // Without a token (a device not in return-to-service mode), EraseDevice's dictionary has none.
    expect(Object.keys(returnToServiceDict({ ...configuration, bootstrapToken: null })).sort()).toEqual([
      'Enabled',
      'MDMProfileData',
      'WiFiProfileData',
    ]);
  });
});
