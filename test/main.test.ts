/**
 * `npm start` as a newcomer runs it: the compiled server in its own process on a fresh data
 * directory. (`npm test` builds first; these tests run what `npm start` runs.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { within } from './support/database.js';

const MAIN = path.resolve('dist/src/main.js');

interface Running {
  readonly child: ChildProcess;
  readonly url: string;
  readonly stdout: () => string;
  readonly exited: Promise<number | null>;
}

function baseEnv(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    HOMEROOM_DATA_DIR: dataDir,
    PORT: '0',
    APPLE_SIMULATOR_PORT: '0',
    LOG_LEVEL: 'info',
    ...extra,
  };
  return env;
}

/** Starts the server and resolves once it logs that it is ready. */
async function start(dataDir: string): Promise<Running> {
  const child = spawn(process.execPath, [MAIN], { env: baseEnv(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await within(
    new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const ready = out.split('\n').find((line) => line.includes('"Homeroom is ready"'));
        if (ready) resolve((JSON.parse(ready) as { url: string }).url);
      });
      child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
      void exited.then((code) => reject(new Error(`server exited with ${code}:\n${out}`)));
    }),
    30_000,
    'the server to be ready',
  );
  return { child, url, stdout: () => out, exited };
}

/** Runs main to completion with the given environment (for start-up failures). */
async function runToExit(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await within(new Promise<number | null>((resolve) => child.on('exit', resolve)), 30_000, 'the server to exit');
  return { code, stderr };
}

async function viewer(url: string, key: string): Promise<unknown> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: '{ viewer { name role permissions } }' }),
  });
  return response.json();
}

describe('npm start on the embedded default', () => {
  let dataDir: string;
  beforeAll(() => {
    if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` (npm test does it for you)`);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-main-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('serves /graphql, /healthz and /readyz, prints a first ADMIN key that works, stops on SIGTERM, and reuses the data on a second start', async () => {
    const first = await start(dataDir);
    const banner = /First start: created an ADMIN API key[\s\S]*?\n\s+(hr_[A-Za-z0-9_-]{43})\n/.exec(first.stdout());
    expect(banner, first.stdout()).not.toBeNull();
    const key = banner![1]!;
    const keyFile = path.join(dataDir, 'admin-api-key.txt');
    expect(fs.readFileSync(keyFile, 'utf8').trim()).toBe(key);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(path.join(dataDir, 'homeroom.sqlite'))).toBe(true);
    expect(first.stdout()).toContain('generated a secret key into the data directory');

    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
    expect(await viewer(first.url, key)).toMatchObject({
      data: { viewer: expect.objectContaining({ name: 'bootstrap-admin', role: 'ADMIN' }) },
    });
    // The bundled explorer and console (dist/web), nothing from a CDN.
    const explorer = await fetch(`${first.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await explorer.text()).toContain('<title>Homeroom GraphQL explorer</title>');
    const console = await fetch(`${first.url}/devices`, { headers: { accept: 'text/html' } });
    expect(await console.text()).toContain('<title>Homeroom console</title>');

    first.child.kill('SIGTERM');
    expect(await within(first.exited, 15_000, 'the server to stop')).toBe(0);
    expect(first.stdout()).toContain('Homeroom stopped');

    const second = await start(dataDir);
    try {
      expect(second.stdout()).not.toContain('First start');
      expect(await viewer(second.url, key)).toMatchObject({ data: { viewer: expect.objectContaining({ name: 'bootstrap-admin' }) } });
    } finally {
      second.child.kill('SIGINT');
      expect(await within(second.exited, 15_000, 'the server to stop')).toBe(0);
    }
  });

  it('starts the built-in Apple simulator with a demo school, says so and how to use its portal, and keeps the school across restarts', async () => {
    const simulatorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-main-apple-'));
    const appleUrl = (run: Running) => {
      const ready = run
        .stdout()
        .split('\n')
        .find((line) => line.includes('"Homeroom is ready"'))!;
      return (JSON.parse(ready) as { appleDepUrl: string }).appleDepUrl;
    };
    try {
      const first = await start(simulatorDir);
      expect(first.stdout()).toContain('Apple side: the built-in Apple simulator at');
      expect(first.stdout()).toMatch(/with 300 iPads in orders ORD-/);
      expect(first.stdout()).toContain('asm create-server');
      expect(first.stdout()).toMatch(/MDM push certificate: a simulated one \(topic com\.apple\.mgmt\.External\./);
      const added = await fetch(`${appleUrl(first)}/portal/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ count: 2, orderNumber: 'PO-RESTART' }),
      });
      expect(added.status).toBe(201);
      first.child.kill('SIGTERM');
      expect(await within(first.exited, 15_000, 'the server to stop')).toBe(0);
      expect(fs.existsSync(path.join(simulatorDir, 'apple-simulator.json'))).toBe(true);

      const second = await start(simulatorDir);
      try {
        const { orders } = (await (await fetch(`${appleUrl(second)}/portal/orders`)).json()) as { orders: Array<{ order_number: string }> };
        expect(orders.map((o) => o.order_number)).toContain('PO-RESTART');
        expect(second.stdout()).toMatch(/with 302 iPads/);
      } finally {
        second.child.kill('SIGINT');
        expect(await within(second.exited, 15_000, 'the server to stop')).toBe(0);
      }
    } finally {
      fs.rmSync(simulatorDir, { recursive: true, force: true });
    }
  });

  it('stops start-up with a message naming APPLE_SIMULATOR_PORT when that port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const port = (blocker.address() as net.AddressInfo).port;
      const result = await runToExit(baseEnv(dataDir, { APPLE_SIMULATOR_PORT: String(port) }));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`APPLE_SIMULATOR_PORT: port ${port}`);
    } finally {
      blocker.close();
    }
  });

  it('stops start-up with a message naming DATABASE_URL when it is invalid', async () => {
    const result = await runToExit(baseEnv(dataDir, { DATABASE_URL: 'mysql://localhost/homeroom' }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('homeroom: configuration error: DATABASE_URL: has unsupported scheme "mysql:"');
  });

  it('stops start-up with a message naming DATABASE_URL when the database cannot be opened', async () => {
    const result = await runToExit(
      baseEnv(dataDir, { DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/homeroom', HOMEROOM_SECRET_KEY: 'A'.repeat(43) + '=' }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL: could not open the postgres database at postgres://nobody:***@127.0.0.1:1/homeroom');
    expect(result.stderr).not.toContain('secret');
  });

  it('stops start-up with a message naming PORT when the port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const result = await runToExit(baseEnv(dataDir, { PORT: String(port) }));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`PORT: port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });
});
