/**
 * `npm run bench:apple`: how fast the Apple simulator serves device pages of 1000, since every
 * sync benchmark (200,000 devices = 200 pages) stands on it.
 *
 * 1. Throughput: `POST /server/devices {"limit":1000}` with a session, from a separate load
 *    process (bench/load.ts), against the simulator over an org of 200,000 iPads.
 *    Ceiling, same run, same load settings: a bare node:http server answering the same path
 *    with the same 1000 devices, `JSON.stringify`-ed per request (the least work any server
 *    can do to send that page). Prints requests/s, p50/p99 and the ratio ceiling/simulator.
 * 2. A full fetch the way Homeroom's sync will do it: the DEP client following cursors through
 *    all 200 pages, one at a time; prints pages/s and devices/s.
 * Run with NODE_ENV=production (the npm script does).
 */
import { execFile } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { DepClient } from '../src/apple/dep-client.js';
import { generateTokenKeyPair, readServerToken } from '../src/apple/token-crypto.js';
import { startAppleSimulator } from '../src/simulator/apple/index.js';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 200_000);
const PAGE = 1000;
const SECONDS = process.env.BENCH_SECONDS ?? '8';
const CONCURRENCY = process.env.BENCH_CONCURRENCY ?? '8';
const LOAD = path.join(path.dirname(new URL(import.meta.url).pathname), 'load.js');
const USER_AGENT = 'homeroom-bench/1';

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
}

async function load(url: string, body: string, headers: Record<string, string>): Promise<LoadResult> {
  const { stdout } = await promisify(execFile)(process.execPath, [LOAD, url, body, JSON.stringify(headers), SECONDS, CONCURRENCY], {
    encoding: 'utf8',
  });
  return JSON.parse(stdout.trim()) as LoadResult;
}

const generated = performance.now();
const simulator = await startAppleSimulator({ port: 0, host: '127.0.0.1', devices: DEVICES, orders: 20, seed: 7 });
const generationMs = performance.now() - generated;
const keyPair = generateTokenKeyPair();
const { token } = simulator.portal.createServer({ name: 'Bench MDM', publicKeyPem: keyPair.certificatePem });
const orderNumbers = simulator.portal.listOrders().map((order) => order.order_number);
simulator.portal.assignDevices('Bench MDM', { orderNumbers });
const credentials = readServerToken(token.content, keyPair);

let session = '';
const client = new DepClient({
  baseUrl: simulator.url,
  credentials,
  userAgent: USER_AGENT,
  onSession: (value) => (session = value),
});
const account = await client.account();

// 1. Throughput of first pages of 1000, against the ceiling.
const body = JSON.stringify({ limit: PAGE });
const headers = { 'x-adm-auth-session': session, 'user-agent': USER_AGENT, 'x-server-protocol-version': '10' };
const firstPage = await client.fetchDevicesPage({ limit: PAGE });
const ceiling = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json;charset=UTF8' });
    res.end(
      JSON.stringify({
        devices: firstPage.devices,
        cursor: firstPage.cursor,
        fetched_until: firstPage.fetchedUntil,
        more_to_follow: true,
      }),
    );
  });
});
await new Promise<void>((resolve) => ceiling.listen(0, '127.0.0.1', resolve));
const ceilingUrl = `http://127.0.0.1:${(ceiling.address() as AddressInfo).port}/server/devices`;

const simulated = await load(`${simulator.url}/server/devices`, body, headers);
const bare = await load(ceilingUrl, body, headers);

// 2. A full fetch through the DEP client, sequential like a sync.
const fetchStarted = performance.now();
let pages = 0;
let fetched = 0;
for await (const page of client.fetchDevices({ limit: PAGE })) {
  pages += 1;
  fetched += page.devices.length;
}
const fetchSeconds = (performance.now() - fetchStarted) / 1000;

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
process.stdout.write(
  [
    `Apple simulator: ${DEVICES} iPads generated in ${Math.round(generationMs)} ms; server "${account.server_name}"`,
    `load: ${CONCURRENCY} connections for ${SECONDS} s, POST /server/devices {"limit":${PAGE}} (${firstPage.devices.length} devices per page)`,
    `  simulator  ${simulated.rps} req/s  p50 ${simulated.p50} ms  p99 ${simulated.p99} ms  (${simulated.rps * PAGE} devices/s)`,
    `  ceiling    ${bare.rps} req/s  p50 ${bare.p50} ms  p99 ${bare.p99} ms  (bare node:http, same page, JSON.stringify per request)`,
    `  ratio ceiling/simulator: ${round(bare.rps / simulated.rps)}`,
    `full fetch through the DEP client: ${pages} pages, ${fetched} devices in ${round(fetchSeconds)} s (${round(pages / fetchSeconds, 1)} pages/s, ${Math.round(fetched / fetchSeconds)} devices/s)`,
  ].join('\n') + '\n',
);

if (fetched !== DEVICES) throw new Error(`full fetch returned ${fetched} devices, expected ${DEVICES}`);
ceiling.close();
await simulator.close();
