import { parse } from 'plist';
import { describe, expect, it } from 'vitest';
import {
  ALL_ACCESS_RIGHTS,
  buildEnrollmentProfile,
  pkcs12Payload,
  scepPayload,
  type EnrollmentProfileInput,
} from '../../src/mdm/mobileconfig.js';

type Dict = Record<string, unknown>;

const input: EnrollmentProfileInput = {
  topic: 'com.apple.mgmt.External.2A4E2AC5-2F4B-4C2E-9D0B-8E7A1D3F2B10',
  serverUrl: 'https://homeroom.school.example/mdm/connect',
  checkInUrl: 'https://homeroom.school.example/mdm/checkin',
  identity: pkcs12Payload({ pkcs12: Buffer.from([0x30, 0x82, 0x01, 0x02, 0xff]), password: 'p4ss' }),
  organization: 'Riverside <Schools> & Co',
  sharedIPad: false,
};

function payloads(xml: string): { profile: Dict; identity: Dict; mdm: Dict } {
  const profile = parse(xml) as Dict;
  const content = profile['PayloadContent'] as Dict[];
  return { profile, identity: content[0]!, mdm: content[1]! };
}

describe('MDM enrollment profile', () => {
  it('is an XML plist Configuration with the identity payload first, then com.apple.mdm naming it', () => {
    const xml = buildEnrollmentProfile(input);
    expect(xml.startsWith('<?xml')).toBe(true);
    const { profile, identity, mdm } = payloads(xml);
    expect(profile).toMatchObject({
      PayloadType: 'Configuration',
      PayloadVersion: 1,
      PayloadScope: 'System',
      PayloadOrganization: input.organization,
    });
    expect(identity).toMatchObject({ PayloadType: 'com.apple.security.pkcs12', Password: 'p4ss' });
    expect(Buffer.from(identity['PayloadContent'] as Uint8Array)).toEqual(Buffer.from([0x30, 0x82, 0x01, 0x02, 0xff]));
    expect(mdm['PayloadType']).toBe('com.apple.mdm');
    expect(mdm['IdentityCertificateUUID']).toBe(identity['PayloadUUID']);
  });

  it('with SCEP carries com.apple.security.scep (URL, challenge, RSA 2048, key usage 5, the serial as CN) and no key', () => {
    const scep = scepPayload({ url: 'https://homeroom.school.example/scep', challenge: 'c0ffee', serialNumber: 'DMPX1', name: 'Homeroom' });
    const xml = buildEnrollmentProfile({ ...input, identity: scep });
    const { identity, mdm } = payloads(xml);
    expect(identity).toMatchObject({
      PayloadType: 'com.apple.security.scep',
      PayloadContent: {
        URL: 'https://homeroom.school.example/scep',
        Challenge: 'c0ffee',
        Keysize: 2048,
        'Key Type': 'RSA',
        'Key Usage': 5,
        Subject: [[['O', 'Homeroom device identity']], [['CN', 'DMPX1']]],
      },
    });
    expect(mdm['IdentityCertificateUUID']).toBe(identity['PayloadUUID']);
    expect(xml).not.toContain('pkcs12');
  });

  it('carries the push topic, the server and check-in URLs, signed messages and every access right', () => {
    const { mdm } = payloads(buildEnrollmentProfile(input));
    expect(mdm).toMatchObject({
      Topic: input.topic,
      ServerURL: input.serverUrl,
      CheckInURL: input.checkInUrl,
      SignMessage: true,
      CheckOutWhenRemoved: true,
      AccessRights: ALL_ACCESS_RIGHTS,
    });
    expect(mdm['ServerCapabilities']).not.toContain('com.apple.mdm.per-user-connections');
  });

  it('announces per-user connections for Shared iPad', () => {
    const { mdm } = payloads(buildEnrollmentProfile({ ...input, sharedIPad: true }));
    expect(mdm['ServerCapabilities']).toContain('com.apple.mdm.per-user-connections');
  });

  it('makes new payload UUIDs every time, so a re-enrollment installs a new profile', () => {
    const first = payloads(buildEnrollmentProfile(input));
    const second = payloads(buildEnrollmentProfile(input));
    expect(second.profile['PayloadUUID']).not.toBe(first.profile['PayloadUUID']);
    expect(second.identity['PayloadUUID']).not.toBe(first.identity['PayloadUUID']);
  });
});
