import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Device } from '../../src/entities/device.entity.js';
import { DeviceEnrollment } from '../../src/entities/device-enrollment.entity.js';
import type { EnrollmentProfile } from '../../src/entities/enrollment-profile.entity.js';
import { ScepChallenge } from '../../src/entities/scep-challenge.entity.js';
import { ErrorCode } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import { ManualClock } from '../../src/platform/clock.js';
import { systemContext } from '../../src/platform/request-context.js';
import { readCertRep, scepRequest } from '../../src/simulator/device/scep-client.js';
import { startTestServer, type TestServer } from '../support/server.js';
import {
  factoryIdentity,
  identityOfPem,
  machineInfo,
  postMachineInfo,
  readScepEnrollmentProfile,
  signCms,
  testDeviceCa,
  TestMdmDevice,
  type Dict,
} from '../support/mdm-device.js';
import { simulatedSchool } from '../support/tokens.js';

/**
 * Homeroom's SCEP endpoint (`MDM_IDENTITY=scep`, the default) over real HTTP: the enrollment
 * profile's one-time challenge, a device's PKCSReq certified and its check-ins pinned to the
 * certificate, and every refusal answered CertRep FAILURE with nothing saved.
 */
describe('SCEP endpoint: GetCACaps, GetCACert, PKIOperation with one-time challenges', () => {
  const ctx = systemContext(createLogger('silent'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-scep-'));
  const deviceCa = testDeviceCa(dir);
  const clock = new ManualClock(new Date().toISOString());
  let t: TestServer;
  let profile: EnrollmentProfile;
  let serials: string[];
  let ca: crypto.X509Certificate;

  beforeAll(async () => {
    t = await startTestServer({ clock, env: { MDM_DEVICE_CA_FILE: deviceCa.file, MDM_TRUST_SIMULATOR_DEVICE_CA: 'false' } });
    const { services } = t.server;
    const school = await simulatedSchool(services, t.server.apple.simulator!, ctx, { name: 'Brookside', devices: 6 });
    serials = school.serials;
    profile = school.profile;
    const devices = t.server.dataSource.getRepository(Device);
    for (const serial of serials) await devices.update({ serialNumber: serial }, { profileId: profile.id });
    ca = new crypto.X509Certificate(await services.mdmAuthority.certificatePem());
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const scepUrl = (operation: string) => `${t.server.publicUrl}/scep?operation=${operation}`;
  const deviceKey = () => crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const subjectOf = (serial: string) => [[['O', 'Homeroom device identity']], [['CN', serial]]] as const;

  /** POSTs MachineInfo and returns the SCEP payload and MDM payload of the profile. */
  async function enroll(serial: string, udid: string): Promise<{ mdm: Dict; scep: Dict }> {
    const response = await postMachineInfo(
      t.server.services.profiles.enrollmentUrl(profile),
      signCms(machineInfo(serial, udid), factoryIdentity(deviceCa.ca, serial)),
    );
    expect(response.status, await response.clone().text()).toBe(200);
    return readScepEnrollmentProfile(await response.text());
  }

  async function pkiOperation(message: Buffer): Promise<Response> {
    return fetch(scepUrl('PKIOperation'), { method: 'POST', headers: { 'content-type': 'application/x-pki-message' }, body: message });
  }

  /** Sends a PKCSReq for `key` and returns the certificates of a SUCCESS, or throws the refusal. */
  async function request(key: crypto.KeyObject, serial: string, challenge: string): Promise<Buffer[]> {
    const sent = scepRequest({ ca, key, subject: subjectOf(serial), challenge });
    const response = await pkiOperation(sent.message);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-pki-message');
    return readCertRep(Buffer.from(await response.arrayBuffer()), ca, key, sent.transactionId, sent.senderNonce);
  }

  const enrollmentOf = async (serial: string) => {
    const device = await t.server.dataSource.getRepository(Device).findOneByOrFail({ serialNumber: serial });
    return t.server.dataSource.getRepository(DeviceEnrollment).findOneByOrFail({ deviceId: device.id });
  };
  const stored = async () => ({
    enrollments: await t.server.dataSource.getRepository(DeviceEnrollment).find({ order: { deviceId: 'ASC' } }),
    challenges: await t.server.dataSource.getRepository(ScepChallenge).find({ order: { id: 'ASC' } }),
  });

  it('answers GetCACaps with POSTPKIOperation, SHA-256, AES and SCEPStandard, and GetCACert with the CA certificate (DER)', async () => {
    const caps = await fetch(scepUrl('GetCACaps'));
    expect(caps.headers.get('content-type')).toMatch(/^text\/plain/);
    expect((await caps.text()).split('\n')).toEqual(expect.arrayContaining(['POSTPKIOperation', 'SHA-256', 'AES', 'SCEPStandard']));
    const caCert = await fetch(`${scepUrl('GetCACert')}&message=Homeroom`);
    expect(caCert.headers.get('content-type')).toBe('application/x-x509-ca-cert');
    expect(new crypto.X509Certificate(Buffer.from(await caCert.arrayBuffer())).fingerprint256).toBe(ca.fingerprint256);
  });

  it('refuses an unknown operation and a PKIOperation that is no PKIMessage with 400 MDM_REQUEST_MALFORMED', async () => {
    const unknown = await fetch(scepUrl('GetNextCACert'));
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ code: ErrorCode.MDM_REQUEST_MALFORMED });
    const garbage = await pkiOperation(Buffer.from('not a pki message'));
    expect(garbage.status).toBe(400);
    expect(await garbage.json()).toMatchObject({ code: ErrorCode.MDM_REQUEST_MALFORMED });
  });

  it('hands out a one-time challenge (stored hashed) and no key; the certified key then checks in, pinned to its certificate', async () => {
    const serial = serials[0]!;
    const { mdm, scep } = await enroll(serial, 'UDID-SCEP-0');
    expect(scep).toMatchObject({ URL: `${t.server.publicUrl}/scep`, Keysize: 2048, 'Key Type': 'RSA', 'Key Usage': 5 });
    const challenge = String(scep.Challenge);
    expect(await enrollmentOf(serial)).toMatchObject({ state: 'ENROLLING', identitySerial: null, identityFingerprint: null });
    const [kept] = (await stored()).challenges;
    expect(kept).toMatchObject({ serialNumber: serial, usedAt: null });
    expect(kept!.challengeHash).not.toContain(challenge);

    const key = deviceKey();
    const [der] = await request(key, serial, challenge);
    const certificate = new crypto.X509Certificate(der!);
    expect(certificate.verify(ca.publicKey)).toBe(true);
    expect(certificate.subject).toContain(`CN=${serial}`);
    expect(certificate.subject).toContain('OU=UDID-SCEP-0');
    const row = await enrollmentOf(serial);
    expect(row.identitySerial).toBe(certificate.serialNumber.replace(/^0+/, ''));

    const device = new TestMdmDevice(
      'UDID-SCEP-0',
      mdm,
      identityOfPem(key.export({ type: 'pkcs1', format: 'pem' }) as string, certificate.toString()),
    );
    expect((await device.checkIn({ MessageType: 'Authenticate', SerialNumber: serial })).status).toBe(200);
    expect((await device.tokenUpdate(false)).status).toBe(200);
    expect(await enrollmentOf(serial)).toMatchObject({ state: 'ENROLLED' });
  });

  it('refuses a replayed challenge with CertRep FAILURE badRequest and saves nothing', async () => {
    const serial = serials[1]!;
    const { scep } = await enroll(serial, 'UDID-SCEP-1');
    await request(deviceKey(), serial, String(scep.Challenge));
    const before = await stored();
    await expect(request(deviceKey(), serial, String(scep.Challenge))).rejects.toThrow('the SCEP server refused the request (badRequest)');
    expect(await stored()).toEqual(before);
  });

  it('refuses an expired challenge (MDM_SCEP_CHALLENGE_MINUTES, 15 by default) with badRequest and saves nothing', async () => {
    const serial = serials[2]!;
    const { scep } = await enroll(serial, 'UDID-SCEP-2');
    clock.advance(15 * 60_000 + 1000);
    const before = await stored();
    await expect(request(deviceKey(), serial, String(scep.Challenge))).rejects.toThrow('(badRequest)');
    expect(await stored()).toEqual(before);
    expect(await enrollmentOf(serial)).toMatchObject({ identitySerial: null });
  });

  it("refuses another device's challenge (the request names another serial) with badRequest and saves nothing", async () => {
    const { scep } = await enroll(serials[3]!, 'UDID-SCEP-3');
    const before = await stored();
    await expect(request(deviceKey(), serials[4]!, String(scep.Challenge))).rejects.toThrow('(badRequest)');
    await expect(request(deviceKey(), serials[3]!, 'a-challenge-never-issued')).rejects.toThrow('(badRequest)');
    expect(await stored()).toEqual(before);
    // The right device still gets its certificate with it.
    expect(await request(deviceKey(), serials[3]!, String(scep.Challenge))).toHaveLength(1);
  });

  it('refuses the challenge of an earlier enrollment attempt once the device enrolled again', async () => {
    const serial = serials[5]!;
    const first = await enroll(serial, 'UDID-SCEP-5');
    const second = await enroll(serial, 'UDID-SCEP-5');
    const before = await stored();
    await expect(request(deviceKey(), serial, String(first.scep.Challenge))).rejects.toThrow('(badRequest)');
    expect(await stored()).toEqual(before);
    // The GET binding carries the PKIMessage base64 in `message`.
    const key = deviceKey();
    const sent = scepRequest({ ca, key, subject: subjectOf(serial), challenge: String(second.scep.Challenge) });
    const response = await fetch(`${scepUrl('PKIOperation')}&message=${encodeURIComponent(sent.message.toString('base64'))}`);
    expect(readCertRep(Buffer.from(await response.arrayBuffer()), ca, key, sent.transactionId, sent.senderNonce)).toHaveLength(1);
  });
});
