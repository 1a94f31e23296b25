/**
 * `homeroom simulate devices` through `runCli` against a real Homeroom on a loopback port with its
 * embedded Apple simulator: the report tables, the exit codes, the progress on stderr, and the demo
 * defaults (URL, simulator and key from the environment; a demo token set up over the APIs when
 * Homeroom has none).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultHomeroomUrl, readUsersCsv, simulateDevicesCommand } from '../../src/cli/devices.command.js';
import { textOutput } from '../../src/cli/output.js';
import { createLogger } from '../../src/logger.js';
import { toGlobalId } from '../../src/global-id.js';
import { UserAffinity } from '../../src/entities/enrollment-profile.entity.js';
import { systemContext } from '../../src/platform/request-context.js';
import { runHomeroom } from '../support/cli.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { cartProfile, uploadSimulatedToken } from '../support/tokens.js';

const ctx = systemContext(createLogger('silent'));
// EC identities and cheap password hashes: the same flow at a fraction of the CPU.
const FAST = { MDM_IDENTITY: 'pkcs12', MDM_IDENTITY_KEY: 'ec-p256', USER_PASSWORD_SCRYPT_LOG_N: '10' };
const LONG = 300_000;

function portOf(url: string): string {
  return new URL(url).port;
}

describe('homeroom simulate devices', () => {
  let t: TestServer;
  let dir: string;
  let tokenId: string;
  let affinityTokenId: string;
  let sharedTokenId: string;
  let flags: string[];

  beforeAll(async () => {
    t = await startTestServer({ env: FAST });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-devices-'));
    const { services } = t.server;
    const simulator = t.server.apple.simulator!;
    flags = ['--url', t.server.url, '--api-key', t.keys.OPERATOR, '--apple-url', simulator.url];

    const carts = await uploadSimulatedToken(services, simulator, ctx, { name: 'Carts', devices: 12 });
    tokenId = toGlobalId('EnrollmentProgramToken', carts.id);
    const cartsProfile = await services.profiles.create(ctx, carts.id, { ...cartProfile('Carts'), awaitDeviceConfigured: true });
    const cartSerials = simulator.portal.listDevices({ server: 'Carts' }).map((d) => d.serial_number);
    await (
      await services.assignments.assign(ctx, cartsProfile.id, { serialNumbers: cartSerials.slice(0, 9) })
    ).done;

    const oneToOne = await uploadSimulatedToken(services, simulator, ctx, { name: 'One to one', devices: 6 });
    affinityTokenId = toGlobalId('EnrollmentProgramToken', oneToOne.id);
    const affinity = await services.profiles.create(ctx, oneToOne.id, {
      ...cartProfile('1:1'),
      userAffinity: UserAffinity.WITH_USER_AFFINITY,
    });
    const serials = simulator.portal.listDevices({ server: 'One to one' }).map((d) => d.serial_number);
    await (
      await services.assignments.assign(ctx, affinity.id, { serialNumbers: serials })
    ).done;
    const sharedToken = await uploadSimulatedToken(services, simulator, ctx, { name: 'Shared', devices: 3 });
    sharedTokenId = toGlobalId('EnrollmentProgramToken', sharedToken.id);
    const sharedProfile = await services.profiles.create(ctx, sharedToken.id, {
      ...cartProfile('Shared'),
      userAffinity: UserAffinity.WITH_USER_AFFINITY,
      sharedIPad: true,
      maximumCachedUsers: 2,
      awaitDeviceConfigured: true,
    });
    const sharedSerials = simulator.portal.listDevices({ server: 'Shared' }).map((d) => d.serial_number);
    await (
      await services.assignments.assign(ctx, sharedProfile.id, { serialNumbers: sharedSerials })
    ).done;

    const lines = ['Username,Display name,Role,Password'];
    for (let i = 1; i <= 3; i += 1) {
      const user = { username: `pupil${i}@school.example`, password: `pupil ${i} password, "quoted"` };
      await services.users.create(ctx, { ...user, displayName: `Pupil ${i}`, role: 'STUDENT' });
      lines.push(`${user.username},Pupil ${i},student,"${user.password.replaceAll('"', '""')}"`);
    }
    fs.writeFileSync(path.join(dir, 'users.csv'), `${lines.join('\r\n')}\r\n`);
  }, LONG);
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(
    'prints the outcomes and the stages as tables, the progress on stderr, and exits 0 when only injected faults failed',
    async () => {
      const result = await runHomeroom(
        {},
        'simulate',
        'devices',
        ...flags,
        '--token',
        tokenId,
        '--concurrency',
        '4',
        '--network-failures',
        '1',
        '--wrong-passwords',
        '2',
      );
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/^rehearsal: 12\/12 iPads: \d+ enrolled, \d+ unmanaged, 1 failed \([\d.]+ s\)$/m);
      expect(result.stdout).toMatch(/^Rehearsal of 12 iPads against http:\/\/127\.0\.0\.1:\d+ \(token /);
      expect(result.stdout).toMatch(/^OUTCOME\s+IPADS\s+NOTE$/m);
      expect(result.stdout).toMatch(/^failed: NETWORK_FAILURE\s+1\s+1 injected$/m);
      // No profile of this token asks for a user, so no wrong password could be typed: said, and not a failure.
      expect(result.stderr).toContain('note: 0 of the 2 wrong passwords asked for: only that many iPads ask for a user.');
      expect(result.stdout).toMatch(/^STAGE\s+IPADS\s+P50\s+P95$/m);
      for (const stage of ['hello', 'activation', 'enrollment', 'checkIn', 'awaitingConfiguration', 'setupAssistant', 'total']) {
        expect(result.stdout).toMatch(new RegExp(`^${stage}\\s+\\d+\\s+\\d+ ms\\s+\\d+ ms$`, 'm'));
      }
      const enrolled = Number(/^enrolled\s+(\d+)/m.exec(result.stdout)![1]);
      const unmanaged = Number(/^unmanaged\s+(\d+)/m.exec(result.stdout)![1]);
      expect(enrolled + unmanaged).toBe(11);
      expect(enrolled).toBeGreaterThanOrEqual(8);
    },
    LONG,
  );

  it(
    'signs in the users of --users-csv, counts --wrong-passwords as injected, and prints JSON with --json',
    async () => {
      const csv = path.join(dir, 'users.csv');
      const result = await runHomeroom(
        {},
        'simulate',
        'devices',
        ...flags,
        '--token',
        affinityTokenId,
        '--users-csv',
        csv,
        '--wrong-passwords',
        '2',
        '--json',
      );
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout) as { enrolled: number; failed: Record<string, number>; devices: Array<{ user?: string }> };
      expect(report).toMatchObject({ count: 6, enrolled: 4, unmanaged: 0, failed: { WRONG_CREDENTIALS: 2 }, unexpectedFailures: 0 });
      const pupils = new Set(['pupil1@school.example', 'pupil2@school.example', 'pupil3@school.example']);
      const signedIn = report.devices.flatMap((d) => (d.user ? [d.user] : []));
      expect(signedIn).toHaveLength(4);
      expect(signedIn.every((user) => pupils.has(user))).toBe(true);
    },
    LONG,
  );

  it(
    '--shared-sign-ins 3 signs in 3 students of the directory on each Shared iPad and counts the sign-ins and evictions',
    async () => {
      const admin = ['--url', t.server.url, '--api-key', t.keys.ADMIN, '--apple-url', t.server.apple.simulator!.url];
      const csv = path.join(dir, 'users.csv');
      const argv = ['simulate', 'devices', ...admin, '--token', sharedTokenId, '--users-csv', csv, '--shared-sign-ins', '3'];
      const result = await runHomeroom({}, ...argv);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^enrolled\s+3\s*$/m);
      expect(result.stdout).toMatch(/^SHARED IPAD SIGN-INS\s+COUNT$/m);
      expect(result.stdout).toMatch(/^iPads signed in on\s+3$/m);
      expect(result.stdout).toMatch(/^users signed in\s+9$/m);
      // Each keeps 2 (maximumCachedUsers): the third sign-in evicts the first.
      expect(result.stdout).toMatch(/^users evicted\s+3$/m);
      expect(result.stdout).toMatch(/^iPads where a sign-in failed\s+0$/m);

      const json = await runHomeroom({}, ...argv, '--json');
      const report = JSON.parse(json.stdout) as { sharedSignIns: unknown; devices: Array<{ sharedSignIns?: { signedIn: string[] } }> };
      expect(report.sharedSignIns).toEqual({ devices: 3, signedIn: 9, evicted: 3, failed: 0 });
      const pupils = ['pupil1@school.example', 'pupil2@school.example', 'pupil3@school.example'];
      for (const device of report.devices) expect([...device.sharedSignIns!.signedIn].sort()).toEqual(pupils);
    },
    LONG,
  );

  it('refuses --shared-sign-ins with a key that may not read the directory (exit 1, FORBIDDEN)', async () => {
    const result = await runHomeroom({}, 'simulate', 'devices', ...flags, '--token', sharedTokenId, '--shared-sign-ins', '1');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^homeroom: FORBIDDEN: /m);
  });

  it(
    'exits 1 and lists the iPads when a device fails unexpectedly (a profile asks for users and nobody signs in)',
    async () => {
      const result = await runHomeroom({}, 'simulate', 'devices', ...flags, '--token', affinityTokenId, '--count', '2');
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^failed: NO_CREDENTIALS\s+2\s+unexpected$/m);
      expect(result.stdout).toMatch(/^SERIAL\s+REASON\s+WHAT HAPPENED$/m);
      expect(result.stderr).toContain('homeroom: 2 of 2 iPads failed in a way the rehearsal did not ask for');
    },
    LONG,
  );

  it(
    'redraws one bar with \\r on a terminal and ends it with a newline',
    async () => {
      const written: string[] = [];
      const lines: string[] = [];
      const code = await simulateDevicesCommand(
        [...flags, '--token', tokenId, '--count', '3', '--seed', '9'],
        textOutput((text) => lines.push(text)),
        { err: (text) => written.push(text), env: {}, stderrIsTty: true },
      );
      expect(code).toBe(0);
      const bars = written.filter((text) => text.startsWith('\r['));
      expect(bars).toHaveLength(3);
      expect(bars.at(-1)).toMatch(/^\r\[#{30}\] 3\/3 iPads: /);
      expect(written.at(-1)).toBe('\n');
    },
    LONG,
  );

  it('refuses bad flags with exit code 2, and a missing API key with where to find one', async () => {
    const bad = await runHomeroom({}, 'simulate', 'devices', ...flags, '--concurrency', '0');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--concurrency must be a whole number from 1 to 1000');
    const empty = fs.mkdtempSync(path.join(dir, 'empty-'));
    const noKey = await runHomeroom({ HOMEROOM_DATA_DIR: empty }, 'simulate', 'devices', '--url', t.server.url);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('admin-api-key.txt');
  });
});

describe('homeroom simulate devices on a fresh demo', () => {
  let t: TestServer;
  let dir: string;

  beforeAll(async () => {
    t = await startTestServer({ env: FAST });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-demo-'));
    // What the first `npm start` leaves: the ADMIN key in the data directory.
    fs.writeFileSync(path.join(dir, 'admin-api-key.txt'), `${t.keys.ADMIN}\n`, { mode: 0o600 });
  }, LONG);
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(
    'finds Homeroom, the simulator and the key from the environment, sets up a token over the APIs, then rehearses on the only token',
    async () => {
      const env = { PORT: portOf(t.server.url), HOMEROOM_DATA_DIR: dir, APPLE_SIMULATOR_PORT: portOf(t.server.apple.simulator!.url) };
      expect(defaultHomeroomUrl(env)).toBe(t.server.url);
      const first = await runHomeroom(env, 'simulate', 'devices', '--count', '8', '--concurrency', '4');
      expect(first.code).toBe(0);
      expect(first.stderr).toContain('Homeroom has no enrollment program token yet: setting up a demo');
      expect(first.stderr).toMatch(/8 iPads assigned to "Homeroom rehearsal"/);
      expect(first.stderr).toMatch(/assigned to 8 iPads/);
      expect(first.stdout).toMatch(/^enrolled\s+8\s*$/m);

      const again = await runHomeroom(env, 'simulate', 'devices', '--count', '3');
      expect(again.code).toBe(0);
      expect(again.stderr).not.toContain('setting up a demo');
      expect(again.stdout).toMatch(/^enrolled\s+3\s*$/m);
    },
    LONG,
  );
});

describe('readUsersCsv', () => {
  it('reads username and password columns in any case and order, with quoted commas, quotes and CRLF', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-csv-'));
    const file = path.join(dir, 'users.csv');
    fs.writeFileSync(file, '\uFEFFPassword,role,USERNAME\r\n"a, ""b""",student,ana@x.example\r\n\r\nplain,teacher,ben@x.example\n');
    expect(readUsersCsv(file)).toEqual([
      { username: 'ana@x.example', password: 'a, "b"' },
      { username: 'ben@x.example', password: 'plain' },
    ]);
    fs.writeFileSync(file, 'name,secret\nana,x\n');
    expect(() => readUsersCsv(file)).toThrow(/needs a header with "username" and "password"/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
