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
import { runHomeroom, type CliRun } from '../support/cli.js';
import { within } from '../support/database.js';

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
    expect(defaultSimulatorUrl({ APPLE_DEP_URL: 'http://10.0.0.5:9000/' })).toBe('http://10.0.0.5:9000');
    expect(defaultSimulatorUrl({ APPLE_DEP_URL: 'https://mdmenrollment.apple.com' })).toBe('http://127.0.0.1:8081');
    expect(defaultSimulatorUrl({ APPLE_SIMULATOR_PORT: '9100' })).toBe('http://127.0.0.1:9100');
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
