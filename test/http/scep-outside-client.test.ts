import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Device } from '../../src/entities/device.entity.js';
import { DeviceEnrollment } from '../../src/entities/device-enrollment.entity.js';
import { createLogger } from '../../src/logger.js';
import { systemContext } from '../../src/platform/request-context.js';
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
} from '../support/mdm-device.js';
import { simulatedSchool } from '../support/tokens.js';

const run = promisify(execFile);

/** micromdm's `scepclient` (Debian package `scep`, Go), when installed: a SCEP client Homeroom did not write. */
function whichScepClient(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'scepclient');
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}
const scepclient = whichScepClient();
if (!scepclient) console.warn('scepclient is not on PATH (apt-get install -y scep): the outside SCEP client check is skipped.');

/**
 * An outside check: a SCEP client written by others (micromdm's scepclient) gets Homeroom's CA and
 * a certificate for a device's enrollment challenge, unmodified, and the device then checks in with
 * that certificate. Skipped, with a warning, where `scepclient` is not installed.
 */
describe.skipIf(!scepclient)('SCEP with an outside client (micromdm scepclient)', () => {
  const ctx = systemContext(createLogger('silent'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-scepclient-'));
  const deviceCa = testDeviceCa(dir);
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer({ env: { MDM_DEVICE_CA_FILE: deviceCa.file, MDM_TRUST_SIMULATOR_DEVICE_CA: 'false' } });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("enrolls with the profile's challenge for a known device, and the device checks in with the certificate it got", async () => {
    const { services } = t.server;
    const school = await simulatedSchool(services, t.server.apple.simulator!, ctx, { name: 'Outside', devices: 1 });
    const serial = school.serials[0]!;
    await t.server.dataSource.getRepository(Device).update({ serialNumber: serial }, { profileId: school.profile.id });
    const response = await postMachineInfo(
      services.profiles.enrollmentUrl(school.profile),
      signCms(machineInfo(serial, 'UDID-OUTSIDE'), factoryIdentity(deviceCa.ca, serial)),
    );
    expect(response.status).toBe(200);
    const { mdm, scep } = readScepEnrollmentProfile(await response.text());

    const keyFile = path.join(dir, 'device.key');
    const certificateFile = path.join(dir, 'device.pem');
    await run(
      scepclient!,
      [
        `-server-url=${String(scep.URL)}`,
        `-challenge=${String(scep.Challenge)}`,
        `-cn=${serial}`,
        '-organization=Homeroom device identity',
        `-private-key=${keyFile}`,
        `-certificate=${certificateFile}`,
      ],
      { timeout: 60_000 },
    ).catch((error: Error & { stdout?: string }) => {
      // scepclient says why on stdout; the log lines on stderr only time the operations.
      throw new Error(`scepclient failed: ${error.stdout ?? ''} ${error.message}`);
    });
    const certificate = new crypto.X509Certificate(fs.readFileSync(certificateFile));
    expect(certificate.subject).toContain(`CN=${serial}`);
    expect(certificate.verify(new crypto.X509Certificate(await services.mdmAuthority.certificatePem()).publicKey)).toBe(true);

    const device = new TestMdmDevice('UDID-OUTSIDE', mdm, identityOfPem(fs.readFileSync(keyFile, 'utf8'), certificate.toString()));
    expect((await device.checkIn({ MessageType: 'Authenticate', SerialNumber: serial })).status).toBe(200);
    expect((await device.tokenUpdate(false)).status).toBe(200);
    const row = await t.server.dataSource
      .getRepository(DeviceEnrollment)
      .findOneByOrFail({ deviceId: (await t.server.dataSource.getRepository(Device).findOneByOrFail({ serialNumber: serial })).id });
    expect(row.state).toBe('ENROLLED');
  });
});
