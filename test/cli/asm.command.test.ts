/**
 * `homeroom asm ...` against a real simulator's portal over HTTP, and `homeroom simulate apple`
 * started and stopped through `runCli`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTokenKeyPair, readServerToken, type TokenKeyPair } from '../../src/apple/token-crypto.js';
import { defaultSimulatorUrl } from '../../src/cli/asm.command.js';
import { runCli } from '../../src/cli/cli.js';
import { textOutput } from '../../src/cli/output.js';
import { startAppleSimulator, type RunningAppleSimulator } from '../../src/simulator/apple/index.js';
import { RUNNING_SIMULATOR_FILE } from '../../src/simulator/apple/running-file.js';
import { runHomeroom, type CliRun } from '../support/cli.js';
import { within } from '../support/database.js';
import { startTestServer } from '../support/server.js';

const run = (...argv: string[]): Promise<CliRun> => runHomeroom({}, ...argv);

let simulator: RunningAppleSimulator;
let dir: string;
let keyPair: TokenKeyPair;
let pem: string;

beforeAll(async () => {
  simulator = await startAppleSimulator({ port: 0, host: '127.0.0.1', devices: 30, orders: 3, seed: 11 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-asm-'));
  keyPair = generateTokenKeyPair();
  pem = path.join(dir, 'homeroom.pem');
  fs.writeFileSync(pem, keyPair.certificatePem);
});

afterAll(async () => {
  await simulator?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('homeroom asm', () => {
  it('creates an MDM server from a PEM and saves a token Homeroom can decrypt, readable by its owner only', async () => {
    const out = path.join(dir, 'tokens', 'school.p7m');
    const result = await run('asm', 'create-server', '--url', simulator.url, '--name', 'School MDM', '--pem', pem, '--out', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Created MDM server "School MDM"');
    expect(readServerToken(fs.readFileSync(out), keyPair).consumerKey).toMatch(/^CK_/);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
  });

  it('assigns a whole order to the server and lists it', async () => {
    const order = simulator.portal.listDevices({})[0]!.order_number;
    const result = await run('asm', 'assign', '--url', simulator.url, '--server', 'School MDM', '--order', order);
    expect(result.code).toBe(0);
    const inOrder = simulator.portal.listDevices({ orderNumber: order });
    expect(result.stdout).toContain(`Assigned ${inOrder.length} devices to "School MDM"`);
    const listed = await run('asm', 'devices', '--url', simulator.url, '--server', 'School MDM', '--json');
    expect((JSON.parse(listed.stdout) as Array<{ serial_number: string }>).map((d) => d.serial_number).sort()).toEqual(
      inOrder.map((d) => d.serial_number).sort(),
    );
  });

  it('creates a School Manager API account (P-256 key to --out, owner-only) and releases a device without a DEP event', async () => {
    const out = path.join(dir, 'asm-api.pem');
    const created = await run('asm', 'api-account', '--url', simulator.url, '--name', 'Homeroom', '--out', out);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Client ID: SCHOOLAPI\./);
    expect(fs.readFileSync(out, 'utf8')).toContain('-----BEGIN PRIVATE KEY-----');
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    const serial = simulator.portal.listDevices({}).at(-1)!.serial_number;
    const released = await run('asm', 'release', '--url', simulator.url, '--serial', serial, '--no-dep-event');
    expect(released.code).toBe(0);
    expect(released.stdout).toContain('Released 1 devices from the organisation (no DEP event).');
    expect(simulator.portal.listDevices({}).map((device) => device.serial_number)).not.toContain(serial);
  });

  it('lists at most --limit devices and says how many there are in all', async () => {
    const listed = await run('asm', 'devices', '--url', simulator.url, '--limit', '4');
    expect(listed.code).toBe(0);
    expect(listed.stdout.trim().split('\n')).toHaveLength(1 + 4 + 1);
    expect(listed.stdout).toContain(`(4 of ${simulator.portal.listDevices({}).length}; --limit shows more)`);
  });

  it('adds an order, requires and accepts terms, and downloads a replacement token', async () => {
    const added = await run('asm', 'add-order', '--url', simulator.url, '--count', '5', '--json');
    expect((JSON.parse(added.stdout) as { serials: string[] }).serials).toHaveLength(5);
    expect((await run('asm', 'terms', 'require', '--url', simulator.url)).code).toBe(0);
    expect((await run('asm', 'terms', 'accept', '--url', simulator.url)).code).toBe(0);
    const out = path.join(dir, 'renewed.p7m');
    const renewed = await run('asm', 'download-token', '--url', simulator.url, '--server', 'School MDM', '--out', out);
    expect(renewed.code).toBe(0);
    expect(readServerToken(fs.readFileSync(out), keyPair).accessToken).toMatch(/^AT_/);
  });

  it("prints the portal's error code and exits 1 when the portal refuses", async () => {
    const result = await run('asm', 'assign', '--url', simulator.url, '--server', 'No Such MDM', '--serial', 'X');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^homeroom: [A-Z_]+: /);
  });

  it('exits 1 with SIMULATOR_UNREACHABLE when nothing answers, and 2 for a missing flag', async () => {
    const unreachable = await run('asm', 'org', '--url', 'http://127.0.0.1:9');
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('SIMULATOR_UNREACHABLE');
    const usage = await run('asm', 'create-server', '--url', simulator.url, '--pem', pem);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('needs --name');
  });

  it("defaults to Homeroom's own APPLE_DEP_URL, else the simulator port on this machine", () => {
    // A data directory where no Homeroom runs.
    const none = { HOMEROOM_DATA_DIR: path.join(dir, 'no-server') };
    expect(defaultSimulatorUrl({ ...none, APPLE_DEP_URL: 'http://10.0.0.5:9000/' })).toBe('http://10.0.0.5:9000');
    expect(defaultSimulatorUrl({ ...none, APPLE_DEP_URL: 'https://mdmenrollment.apple.com' })).toBe('http://127.0.0.1:8081');
    expect(defaultSimulatorUrl({ ...none, APPLE_SIMULATOR_PORT: '9100' })).toBe('http://127.0.0.1:9100');
    expect(defaultSimulatorUrl({ ...none, HOST: '10.1.2.3', APPLE_SIMULATOR_PORT: '9100' })).toBe('http://10.1.2.3:9100');
    expect(defaultSimulatorUrl({ ...none, HOST: '0.0.0.0' })).toBe('http://127.0.0.1:8081');
  });

  it('ignores a running-simulator file whose process is gone (a Homeroom that was killed)', () => {
    const stale = path.join(dir, 'stale');
    fs.mkdirSync(stale);
    // PIDs are below 2^22 on Linux: this one never runs.
    fs.writeFileSync(path.join(stale, RUNNING_SIMULATOR_FILE), JSON.stringify({ url: 'http://127.0.0.1:1', pid: 2 ** 22 + 7 }));
    expect(defaultSimulatorUrl({ HOMEROOM_DATA_DIR: stale, APPLE_SIMULATOR_PORT: '9100' })).toBe('http://127.0.0.1:9100');
  });

  it('assigns serials given as --serial A --serial B, comma-separated and space-separated in one value', async () => {
    const serials = simulator.portal
      .listDevices({})
      .filter((device) => !device.server_name)
      .slice(0, 5)
      .map((device) => device.serial_number);
    expect(serials).toHaveLength(5);
    const [a, b, c, d, e] = serials;
    const result = await run(
      'asm',
      'assign',
      '--url',
      simulator.url,
      '--server',
      'School MDM',
      '--serial',
      a!,
      '--serial',
      `${b},${c}`,
      '--serial',
      ` ${d}\n${e} `,
      '--json',
    );
    expect(result.stderr).toBe('');
    expect((JSON.parse(result.stdout) as { assigned: string[] }).assigned.sort()).toEqual([...serials].sort());
    const moved = await run('asm', 'move', '--url', simulator.url, '--to', 'School MDM', '--serial', `${a}, ${b}`);
    expect(moved.stdout).toContain('Moved 2 devices to "School MDM".');
  });

  it('refuses a bare second value with exit 2, saying how to give several', async () => {
    const result = await run('asm', 'release', '--url', simulator.url, '--serial', 'AAA', 'BBB');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unexpected argument 'BBB'");
    expect(result.stderr).toContain('--serial A --serial B, or --serial A,B');
    expect(result.stderr).toContain('Usage: homeroom asm release --serial <s> [--serial <s>...]');
  });

  it('refuses two order numbers for add-order and devices, which take one', async () => {
    for (const argv of [
      ['add-order', '--count', '2', '--order', 'A', '--order', 'B'],
      ['devices', '--order', 'A,B'],
    ]) {
      const result = await run('asm', ...argv, '--url', simulator.url);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`asm ${argv[0]} takes one --order`);
    }
  });
});

describe('homeroom asm without --url', () => {
  it('reaches the simulator a running Homeroom embeds, at the URL its banner prints, on a port it picked itself', async () => {
    const t = await startTestServer();
    const { dataDir } = t.config;
    const banner = t.server.apple.simulator!.url;
    try {
      expect(new URL(banner).port).not.toBe('8081');
      expect(defaultSimulatorUrl({ HOMEROOM_DATA_DIR: dataDir })).toBe(banner);
      const result = await runHomeroom({ HOMEROOM_DATA_DIR: dataDir }, 'asm', 'org', '--json');
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ org_name: t.server.apple.simulator!.portal.organization().org_name });

      // Stopped: the file goes with it, and the default is the configured port again.
      expect(fs.existsSync(path.join(dataDir, RUNNING_SIMULATOR_FILE))).toBe(true);
      await t.server.close();
      expect(fs.existsSync(dataDir)).toBe(true);
      expect(fs.existsSync(path.join(dataDir, RUNNING_SIMULATOR_FILE))).toBe(false);
      expect(defaultSimulatorUrl({ HOMEROOM_DATA_DIR: dataDir })).toBe('http://127.0.0.1:8081');
    } finally {
      await t.close();
    }
  });
});

describe('homeroom simulate apple', () => {
  it('serves the Device Assignment API and the portal until stopped, then says so', async () => {
    const lines: string[] = [];
    let announce!: (url: string) => void;
    const listening = new Promise<string>((resolve) => (announce = resolve));
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const output = textOutput((t) => {
      lines.push(t);
      const match = /listening at (\S+)/.exec(t);
      if (match) announce(match[1]!);
    });
    const exit = runCli(
      ['simulate', 'apple', '--port', '0', '--devices', '12', '--seed', '5'],
      output,
      (t) => lines.push(t),
      {},
      () => stopped,
    );
    const url = await within(listening, 10_000, 'the simulator to listen');
    const org = (await (await fetch(`${url}/portal/organization`)).json()) as { org_name: string };
    expect(org.org_name).toBeTruthy();
    const noAgent = await fetch(`${url}/account`);
    expect(noAgent.status).toBeGreaterThanOrEqual(400);
    stop();
    expect(await exit).toBe(0);
    expect(lines.join('')).toContain('Apple simulator stopped.');
  });

  it('refuses a bad --devices with exit code 2', async () => {
    const result = await run('simulate', 'apple', '--devices', '5');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--devices must be a whole number from 10 to 500000');
  });
});
