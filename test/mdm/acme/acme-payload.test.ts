import { build, parse } from 'plist';
import { describe, expect, it } from 'vitest';
import { buildAcmePayload } from '../../../src/mdm/acme/acme-payload.js';
import { readAcmePayload } from '../../../src/simulator/device/acme-client.js';

describe('buildAcmePayload', () => {
  it('asks for a hardware-bound, attested P-384 key from the directory, with the one-time ClientIdentifier', () => {
    const payload = buildAcmePayload({
      directoryUrl: 'https://homeroom.school.example/acme/directory',
      clientIdentifier: 'once-only',
      serialNumber: 'DMPXK2ABCD20',
      payloadUuid: 'A0B1C2D3-0000-4000-8000-000000000001',
    });
    expect(payload).toMatchObject({
      PayloadType: 'com.apple.security.acme',
      PayloadUUID: 'A0B1C2D3-0000-4000-8000-000000000001',
      DirectoryURL: 'https://homeroom.school.example/acme/directory',
      ClientIdentifier: 'once-only',
      KeySize: 384,
      KeyType: 'ECSECPrimeRandom',
      HardwareBound: true,
      Attest: true,
      Subject: [[['CN', 'DMPXK2ABCD20']], [['O', 'Homeroom device identity']]],
    });
  });

  it('survives a plist round trip and reads back as the virtual iPad reads it', () => {
    const payload = buildAcmePayload({ directoryUrl: 'https://h.example/acme/directory', clientIdentifier: 'id', serialNumber: 'S1' });
    const read = readAcmePayload(parse(build(payload as never)) as never);
    expect(read).toEqual({
      directoryUrl: 'https://h.example/acme/directory',
      clientIdentifier: 'id',
      keyType: 'ECSECPrimeRandom',
      keySize: 384,
      hardwareBound: true,
      attest: true,
      subject: [[['CN', 'S1']], [['O', 'Homeroom device identity']]],
    });
  });
});
