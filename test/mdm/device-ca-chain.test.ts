import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Device } from '../../src/entities/device.entity.js';
import { DeviceEnrollment } from '../../src/entities/device-enrollment.entity.js';
import type { EnrollmentProfile } from '../../src/entities/enrollment-profile.entity.js';
import { MdmCommand } from '../../src/entities/mdm-command.entity.js';
import { createLogger } from '../../src/logger.js';
import { systemContext } from '../../src/platform/request-context.js';
import { factoryIdentity, machineInfo, postMachineInfo, signCms, testCa, type TestCa } from '../support/mdm-device.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { simulatedSchool } from '../support/tokens.js';

/**
 * `MDM_DEVICE_CA_FILE` with chains, over real HTTP: a manufacturer whose devices are issued by an
 * intermediate. Two hierarchies are trusted through one file: Acme's root alone (its devices send
 * their intermediate in the SignedData), and Birch's root with its intermediate.
 */
describe('MDM enrollment: device CA chains (MDM_DEVICE_CA_FILE)', () => {
  const ctx = systemContext(createLogger('silent'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-ca-chain-'));
  const acmeRoot = testCa('Acme Device Root CA');
  const acmeSub = testCa('Acme Device Sub CA', { issuer: acmeRoot, pathLength: 0 });
  const birchRoot = testCa('Birch Device Root CA');
  const birchSub = testCa('Birch Device Sub CA', { issuer: birchRoot, pathLength: 0 });
  const file = path.join(dir, 'device-cas.pem');
  fs.writeFileSync(file, [acmeRoot, birchSub, birchRoot].map((ca) => ca.certificatePem).join(''));
  const logLines: Array<Record<string, unknown>> = [];
  let t: TestServer;
  let profile: EnrollmentProfile;
  let serials: string[];

  beforeAll(async () => {
    const logger = createLogger('info', { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) });
    t = await startTestServer({ logger, env: { MDM_DEVICE_CA_FILE: file, MDM_TRUST_SIMULATOR_DEVICE_CA: 'false' } });
    const apple = t.server.apple.simulator!;
    const school = await simulatedSchool(t.server.services, apple, ctx, { name: 'Chainfield', devices: 3 });
    serials = school.serials;
    profile = school.profile;
    await t.server.dataSource.getRepository(Device).update({ tokenId: school.token.id }, { profileId: profile.id });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const tableCounts = async () => ({
    enrollments: await t.server.dataSource.getRepository(DeviceEnrollment).count(),
    commands: await t.server.dataSource.getRepository(MdmCommand).count(),
  });
  const post = (serial: string, issuer: TestCa, chain: TestCa[]) =>
    postMachineInfo(
      t.server.services.profiles.enrollmentUrl(profile),
      signCms(machineInfo(serial, `UDID-${serial}`), factoryIdentity(issuer, serial), { chain: chain.map((ca) => ca.certificate) }),
    );
  const fingerprintOf = (ca: TestCa) => new crypto.X509Certificate(ca.certificatePem).fingerprint256;

  it('logs at start each device CA the file adds: subject, SHA-256 fingerprint, root or intermediate', () => {
    const added = logLines.filter((line) => line.source === 'MDM_DEVICE_CA_FILE');
    expect(added.map(({ subject, fingerprint, kind }) => ({ subject, fingerprint, kind }))).toEqual([
      { subject: 'CN=Acme Device Root CA, O=Test Devices Inc', fingerprint: fingerprintOf(acmeRoot), kind: 'root' },
      { subject: 'CN=Birch Device Sub CA, O=Test Devices Inc', fingerprint: fingerprintOf(birchSub), kind: 'intermediate' },
      { subject: 'CN=Birch Device Root CA, O=Test Devices Inc', fingerprint: fingerprintOf(birchRoot), kind: 'root' },
    ]);
    expect(added[1]!.msg).toBe('MDM enrollment trusts the intermediate device CA CN=Birch Device Sub CA, O=Test Devices Inc');
  });

  it('enrolls a device issued by an intermediate it sends in the SignedData, chained to a root of MDM_DEVICE_CA_FILE (200)', async () => {
    const response = await post(serials[0]!, acmeSub, [acmeSub]);
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-apple-aspen-config/);
  });

  it('enrolls a device issued by an intermediate of MDM_DEVICE_CA_FILE, sent with or without its chain (200)', async () => {
    expect((await post(serials[1]!, birchSub, [])).status).toBe(200);
    expect((await post(serials[1]!, birchSub, [birchSub, birchRoot])).status).toBe(200);
  });

  it('refuses a device whose intermediate is neither sent nor trusted with MDM_DEVICE_NOT_TRUSTED 403 naming that issuer, logged, changing nothing', async () => {
    const counts = await tableCounts();
    const logged = logLines.length;
    const response = await post(serials[2]!, acmeSub, []);
    const body = (await response.json()) as { code: string; message: string; reason?: string };
    expect({ status: response.status, code: body.code, reason: body.reason }).toEqual({
      status: 403,
      code: 'MDM_DEVICE_NOT_TRUSTED',
      reason: 'UNTRUSTED_ISSUER',
    });
    expect(body.message).toContain('issued by "CN=Acme Device Sub CA, O=Test Devices Inc", which is not a trusted CA');
    expect(logLines.slice(logged)).toContainEqual(
      expect.objectContaining({ code: 'MDM_DEVICE_NOT_TRUSTED', issuer: 'CN=Acme Device Sub CA, O=Test Devices Inc', status: 403 }),
    );
    // A root the file does not hold, chain sent in full: the untrusted issuer is that root.
    const stranger = testCa('Stranger Root CA');
    const strangerSub = testCa('Stranger Sub CA', { issuer: stranger });
    const foreign = (await (await post(serials[2]!, strangerSub, [strangerSub, stranger])).json()) as { message: string };
    expect(foreign.message).toContain('chains through "CN=Stranger Sub CA, O=Test Devices Inc", "CN=Stranger Root CA, O=Test Devices Inc"');
    expect(foreign.message).toContain('whose issuer "CN=Stranger Root CA, O=Test Devices Inc" is not a trusted CA');
    expect(await tableCounts()).toEqual(counts);
  });
});
