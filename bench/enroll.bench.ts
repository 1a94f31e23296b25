/**
 * `npm run bench:enroll`: 1,000 iPads power on and enroll end to end, and where the time goes.
 *
 * Three processes, so each one's CPU is its own: the Apple simulator (bench/simulated-apple.ts),
 * Homeroom (this process: `startServer` on a fresh SQLite file, NODE_ENV=production, trusting the
 * simulator's device CA through MDM_DEVICE_CA_FILE), and the virtual iPads (this file run again as a
 * child: `runScenario`, the rehearsal runner, at concurrency 50). Setup (token of 1,000+ devices,
 * synced; a supervised profile that awaits configuration, no user affinity, assigned to every
 * device) is not timed.
 *
 * Printed: total time and iPads per second, the devices' stage p50/p95; Homeroom's CPU (process
 * total, main thread, other threads such as the RSA key generation on libuv's pool) and its main
 * thread split by a sampling profile (bench/cpu-profile.ts) into identity issuance, signature
 * verification, database, HTTP, GraphQL, plists and the rest, beside two measurements wrapped around
 * calls (`services.mdmAuthority.issueIdentity`, every SQLite statement); the devices' CPU. Ceiling:
 * Homeroom's identity work alone for as many iPads, no HTTP and no database, in the same run: for
 * SCEP each PKIOperation's crypto over requests made beforehand by the iPads' SCEP client; for
 * ACME and PKCS#12 the identities straight from `services.mdmAuthority`. Printed last: the ratio
 * to the 60 s target (scaled to the number of iPads), the ratio total / ceiling, and the CPU per
 * iPad split by stage. BENCH_PROFILE=<path> also saves both processes' CPU profiles there and
 * prints the SQL statements per iPad.
 *
 * BENCH_DEVICES (1000), BENCH_CONCURRENCY (50), BENCH_IDENTITY (Homeroom's MDM_IDENTITY: `scep`, the
 * default, `acme` or `pkcs12`; `all` runs the three one after the other) and BENCH_IDENTITY_KEY (MDM_IDENTITY_KEY of PKCS#12 identities, here ec-p256
 * unless set: rsa-2048 spends ~100 s of CPU on keys alone) change it. With SCEP each iPad makes its
 * RSA key, which on real hardware is the iPad's own work: by default the iPads' process makes
 * BENCH_DEVICE_KEYS (100) keys before the run and hands them out in turn; BENCH_DEVICE_KEYS=0 makes
 * every iPad generate its own during the run (the devices' process then spends ~100 ms a device).
 */
import { fork } from 'node:child_process';
import crypto, { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { startServer } from '../src/server.js';
import { toGlobalId } from '../src/global-id.js';
import { Role } from '../src/permissions.js';
import { systemContext } from '../src/platform/request-context.js';
import { runScenario, type ScenarioOptions, type ScenarioReport } from '../src/simulator/device/index.js';
import { issueDeviceCertificate } from '../src/mdm/certificate-authority.js';
import { certRep, openEnvelope, readCertificateRequest, readPkiMessage } from '../src/mdm/scep/scep-message.js';
import { generateRsaKey, scepRequest } from '../src/simulator/device/scep-client.js';
import { CpuProfiler, mainThreadCpuMs, type Category } from './cpu-profile.js';
import { benchSchool, SimulatedApple } from './simulated-apple.js';
import { timeStatements } from './sql-timing.js';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 1000);
const IDENTITY = process.env.BENCH_IDENTITY ?? 'scep';
/** `all` runs the bench once per identity kind, one after the other. */
const IDENTITIES = IDENTITY === 'all' ? ['scep', 'acme', 'pkcs12'] : [IDENTITY];
const DEVICE_KEYS = Number(process.env.BENCH_DEVICE_KEYS ?? 100);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const ORDER = Math.min(DEVICES, 500);
/** BENCH_PROFILE=<path>: also saves Homeroom's main-thread profile as `<path>.<kind>.cpuprofile` (for DevTools). */
const SAVE_PROFILE =
  process.env.BENCH_PROFILE && process.env.BENCH_PROFILE !== '0' && process.env.BENCH_PROFILE !== '1'
    ? process.env.BENCH_PROFILE
    : undefined;
const SERVER = 'Bench enrollment';
const line = (text: string) => process.stdout.write(`${text}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Where Homeroom's main thread goes (bench/cpu-profile.ts explains the matching). */
const CATEGORIES: readonly Category[] = [
  {
    name: 'identity issuance',
    own: /\/src\/(mdm\/certificate-authority|mdm\/scep\/scep-message|mdm\/acme\/[a-z-]+|crypto\/(pkcs12|x509)|services\/(enrollment\/)?((mdm-authority|scep)\.service|acme-issuance))\.js$/,
    packages: /\/(node-forge|jose|cborg)\//,
  },
  {
    name: 'signature verification',
    own: /\/src\/(mdm\/cms|services\/enrollment\/mdm-authentication)\.js$/,
    packages: /\/(pkijs|asn1js|pvtsutils|pvutils|@noble|bytestreamjs)\//,
  },
  { name: 'database', own: /\/src\/entities\//, packages: /\/(typeorm|better-sqlite3)\// },
  { name: 'GraphQL', packages: /\/(graphql|@apollo|type-graphql|graphql-query-complexity|@graphql-tools)\// },
  { name: 'MDM plists', packages: /\/(plist|@xmldom|xmlbuilder|base64-js)\// },
  {
    name: 'HTTP',
    packages:
      /(\/(express|router|body-parser|raw-body|finalhandler|send|cors|iconv-lite)\/|^node:(_http|http|net|stream|internal\/(http|stream|streams|net)))/,
  },
];

/** The CA as SCEP signs with it, for the SCEP ceiling. */
async function scepCeilingSigner(authority: { authority(): Promise<{ certificatePem: string; privateKeyPem: string }> }) {
  const ca = await authority.authority();
  return {
    certificate: new crypto.X509Certificate(ca.certificatePem),
    privateKey: crypto.createPrivateKey(ca.privateKeyPem),
    authority: ca,
  };
}

/** 20 PKCSReqs from the iPads' own SCEP client, made before the ceiling is timed. */
async function scepCeilingRequests(ca: crypto.X509Certificate) {
  const keys = await Promise.all(Array.from({ length: 20 }, () => generateRsaKey(2048)));
  return keys.map((key, i) => scepRequest({ ca, key, subject: [[['CN', `CEILING${i}`]]], challenge: `ceiling-${i}` }).message);
}

/** One PKIOperation's crypto, as ScepService does it, without the challenge's database checks. */
function scepCeilingOperation(message: Buffer, signer: Awaited<ReturnType<typeof scepCeilingSigner>>, i: number): void {
  const request = readPkiMessage(message);
  const { content, cipherOid } = openEnvelope(request.envelopedData, signer.privateKey);
  const csr = readCertificateRequest(content);
  const issued = issueDeviceCertificate(signer.authority, { serialNumber: `CEILING${i}`, udid: null, spki: csr.spki, now: new Date() });
  certRep(request, { status: 'SUCCESS', certificates: [issued.der], cipherOid }, signer);
}

/** The devices' side, in its own process: the rehearsal runner, reporting back over IPC. */
async function devicesProcess(options: ScenarioOptions): Promise<void> {
  // Device keys made before the run (untimed): an iPad's key generation is its own CPU, not Homeroom's.
  const keys =
    DEVICE_KEYS > 0 && IDENTITY === 'scep' ? await Promise.all(Array.from({ length: DEVICE_KEYS }, () => generateRsaKey(2048))) : [];
  let handedOut = 0;
  const cpu = process.cpuUsage();
  const report = await runScenario({
    ...options,
    ...(keys.length > 0 ? { scepKeys: () => Promise.resolve(keys[handedOut++ % keys.length]!) } : {}),
    onProgress: (progress) => {
      if (progress.done % 100 === 0) process.send!({ progress });
    },
  });
  const used = process.cpuUsage(cpu);
  process.send!({
    report: { ...report, devices: report.devices.filter((d) => d.result === 'FAILED').slice(0, 5) },
    cpuMs: (used.user + used.system) / 1000,
  });
}

function runDevices(options: ScenarioOptions, identity: string): Promise<{ report: ScenarioReport; cpuMs: number }> {
  const child = fork(fileURLToPath(import.meta.url), ['--devices', JSON.stringify(options)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_IDENTITY: identity },
    // BENCH_PROFILE=<path>: the iPads' process writes its own profile beside Homeroom's.
    ...(SAVE_PROFILE
      ? {
          execArgv: [
            ...process.execArgv,
            '--cpu-prof',
            `--cpu-prof-dir=${path.dirname(SAVE_PROFILE)}`,
            `--cpu-prof-name=${path.basename(SAVE_PROFILE)}.${identity}.devices.cpuprofile`,
          ],
        }
      : {}),
  });
  return new Promise((resolve, reject) => {
    child.on('message', (message: { progress?: { done: number; total: number }; report?: ScenarioReport; cpuMs?: number }) => {
      if (message.progress) process.stderr.write(`  ... ${message.progress.done}/${message.progress.total} iPads at rest\n`);
      if (message.report) resolve({ report: message.report, cpuMs: message.cpuMs! });
    });
    child.once('exit', (code) => reject(new Error(`the devices' process exited with ${code} before reporting`)));
  });
}

async function main(identity: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeroom-bench-enroll-'));
  const apple = await SimulatedApple.start(Math.ceil(DEVICES / ORDER) * ORDER, ORDER);
  try {
    const caFile = path.join(dir, 'device-ca.pem');
    fs.writeFileSync(caFile, await (await fetch(`${apple.url}/simulator/device-ca`)).text());
    // ACME: the simulated Apple's attestations must chain to a root Homeroom trusts.
    const attestationFile = path.join(dir, 'attestation-ca.pem');
    fs.writeFileSync(attestationFile, await (await fetch(`${apple.url}/simulator/attestation-ca`)).text());
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '0',
      HOMEROOM_DATA_DIR: dir,
      DATABASE_URL: `sqlite:${path.join(dir, 'homeroom.sqlite')}`,
      HOMEROOM_SECRET_KEY: randomBytes(32).toString('base64'),
      APPLE_DEP_URL: apple.url,
      MDM_DEVICE_CA_FILE: caFile,
      MDM_ATTESTATION_CA_FILE: attestationFile,
      LOG_LEVEL: 'silent',
      // EC P-256 identities by default: with Homeroom's default RSA-2048, key generation alone is some
      // 100 s of CPU for 1,000 devices on 2 cores, more than the 60 s budget (BENCH_IDENTITY_KEY=rsa-2048 measures it).
      MDM_IDENTITY_KEY: process.env.BENCH_IDENTITY_KEY ?? 'ec-p256',
      MDM_IDENTITY: identity,
    });
    const server = await startServer(config);
    const { services } = server;
    const ctx = systemContext(createLogger('silent'));
    try {
      // Setup, untimed: the school's token, its devices synced, a profile assigned to all of them.
      const { token, profile, listed } = await benchSchool(apple, services, ctx, {
        name: SERVER,
        devices: DEVICES,
        awaitDeviceConfigured: true,
      });
      const assigned = await (await services.assignments.assign(ctx, profile.id, { filter: { profile: { kind: 'UNASSIGNED' } } })).done;
      if (assigned?.succeededCount !== listed)
        throw new Error(`the assignment ended ${assigned?.status} with ${assigned?.succeededCount} of ${listed}`);
      const { secret } = await services.apiKeys.create(ctx, { name: 'bench-devices', role: Role.READ_ONLY });
      await services.mdmAuthority.certificatePem();

      // Instruments, then the run.
      const issued = { count: 0, ms: 0 };
      const issueIdentity = services.mdmAuthority.issueIdentity.bind(services.mdmAuthority);
      services.mdmAuthority.issueIdentity = async (device) => {
        const started = performance.now();
        try {
          return await issueIdentity(device);
        } finally {
          issued.count += 1;
          issued.ms += performance.now() - started;
        }
      };
      const scepRequests = { count: 0, ms: 0 };
      const pkiOperation = services.scep.pkiOperation.bind(services.scep);
      services.scep.pkiOperation = async (body) => {
        const started = performance.now();
        try {
          return await pkiOperation(body);
        } finally {
          scepRequests.count += 1;
          scepRequests.ms += performance.now() - started;
        }
      };
      const statements = timeStatements(server.dataSource);
      const profiler = new CpuProfiler();
      await profiler.start();
      const cpu = process.cpuUsage();
      const mainCpu = mainThreadCpuMs();
      const loop = performance.eventLoopUtilization();
      const identityKind =
        config.mdm.identity === 'scep'
          ? `SCEP identities (device keys: ${DEVICE_KEYS > 0 ? `${DEVICE_KEYS} made before the run, handed out in turn` : 'each iPad makes its own during the run'})`
          : config.mdm.identity === 'acme'
            ? 'ACME identities (each iPad makes its P-384 key, attested by the simulated Apple)'
            : `PKCS#12 ${config.mdm.identityKey} identities`;
      line(
        `Homeroom (SQLite file, NODE_ENV=production, ${identityKind}) with the Apple simulator and ${DEVICES.toLocaleString('en')} virtual iPads ` +
          `in child processes, ${CONCURRENCY} at once, on ${os.availableParallelism()} cores:`,
      );
      const { report, cpuMs: devicesCpuMs } = await runDevices(
        {
          homeroomUrl: server.url,
          apiKey: secret,
          appleUrl: apple.url,
          tokenId: toGlobalId('EnrollmentProgramToken', token.id),
          count: DEVICES,
          concurrency: CONCURRENCY,
          seed: 1,
        },
        identity,
      );
      const used = process.cpuUsage(cpu);
      const mainCpuAfter = mainThreadCpuMs();
      const busy = performance.eventLoopUtilization(loop);
      const split = await profiler.stop(CATEGORIES, SAVE_PROFILE ? `${SAVE_PROFILE}.${identity}.cpuprofile` : undefined);

      const failed = Object.entries(report.failed).map(([reason, n]) => `${reason} ${n}`);
      line(
        `  ${report.enrolled} enrolled, ${report.unmanaged} unmanaged, ${failed.length ? `failed: ${failed.join(', ')}` : 'none failed'} ` +
          `in ${seconds(report.durationMs)} = ${(report.count / (report.durationMs / 1000)).toFixed(1)} iPads/s (target: 1,000 in under 60 s)`,
      );
      for (const device of report.devices) line(`    e.g. ${device.serialNumber}: ${device.reason} ${device.message ?? ''}`);
      line(
        `  per iPad, p50/p95: ` +
          (['activation', 'enrollment', 'checkIn', 'awaitingConfiguration', 'total'] as const)
            .map((stage) => `${stage} ${report.stages[stage].p50Ms}/${report.stages[stage].p95Ms} ms`)
            .join(', '),
      );
      const processMs = (used.user + used.system) / 1000;
      const busyMs = Object.entries(split)
        .filter(([name]) => name !== 'idle')
        .reduce((sum, [, ms]) => sum + ms, 0);
      // The profile's times are wall time while busy; with two cores shared by three processes and a thread pool they
      // stretch, so the split is given as shares of the main thread's CPU (from /proc) where it can be read.
      const mainMs = mainCpu === null || mainCpuAfter === null ? busyMs : mainCpuAfter - mainCpu;
      line(
        `Homeroom's CPU: ${seconds(processMs)} (${Math.round(processMs / report.count)} ms per iPad); main thread ${seconds(mainMs)} ` +
          `(event loop busy ${Math.round(busy.utilization * 100)}%), other threads ${seconds(Math.max(0, processMs - mainMs))} ` +
          `(RSA key generation and WebCrypto on libuv's pool, GC, I/O)`,
      );
      const order = [...CATEGORIES.map((c) => c.name), 'gc', 'the rest'];
      line(
        `  main thread, by sampled stacks: ${order
          .map((name) => `${name} ${seconds(((split[name] ?? 0) / busyMs) * mainMs)} (${Math.round(((split[name] ?? 0) / busyMs) * 100)}%)`)
          .join(', ')}`,
      );
      line(
        `  wrapped: issueIdentity ${issued.count} calls, ${Math.round(issued.ms / Math.max(issued.count, 1))} ms each from call to identity ` +
          `(waits for the pool included); SCEP PKIOperation ${scepRequests.count} calls, ${Math.round(scepRequests.ms / Math.max(scepRequests.count, 1))} ms each; SQLite statements ${statements.count.toLocaleString('en')}, ${seconds(statements.ms)}`,
      );
      if (SAVE_PROFILE)
        for (const [shape, { count, ms }] of [...statements.byStatement].sort((a, b) => b[1].count - a[1].count).slice(0, 25))
          line(`    ${(count / report.count).toFixed(1)} per iPad, ${ms.toFixed(0)} ms: ${shape}`);
      line(`The iPads' CPU (their process): ${seconds(devicesCpuMs)} = ${Math.round(devicesCpuMs / report.count)} ms per iPad`);

      // Ceiling: Homeroom's identity work alone, as many, no HTTP and no database. PKCS#12 and ACME: the identities from
      // services.mdmAuthority, CONCURRENCY at once (ACME's issuance is the same CA signature); SCEP: each PKIOperation's
      // crypto (read and check the PKIMessage, open the envelope, check the CSR, certify, sign and seal the CertRep) over
      // requests made beforehand by the iPads' own code.
      const ceilingCount = report.count;
      const signer = identity === 'scep' ? await scepCeilingSigner(services.mdmAuthority) : null;
      const requests = signer ? await scepCeilingRequests(signer.certificate) : [];
      const ceilingCpu = process.cpuUsage();
      const ceilingStart = performance.now();
      if (signer) {
        for (let i = 0; i < ceilingCount; i += 1) scepCeilingOperation(requests[i % requests.length]!, signer, i);
      } else {
        let next = 0;
        await Promise.all(
          Array.from({ length: CONCURRENCY }, async () => {
            while (next < ceilingCount) {
              next += 1;
              await issueIdentity({ serialNumber: `CEILING${next}`, udid: `UDID-${next}` });
            }
          }),
        );
      }
      const ceilingMs = performance.now() - ceilingStart;
      const ceilingUsed = process.cpuUsage(ceilingCpu);
      line(
        `Ceiling: ${ceilingCount} ${identity === 'scep' ? 'SCEP PKIOperations (crypto only, requests made beforehand)' : 'identities from services.mdmAuthority'}, ` +
          `no HTTP or database: ${seconds(ceilingMs)} (CPU ${seconds((ceilingUsed.user + ceilingUsed.system) / 1000)})`,
      );
      // Last: the ratios and where each iPad's CPU went.
      const perIPad = (ms: number) => Math.round(ms / report.count);
      const targetMs = 60_000 * (report.count / 1000);
      line(
        `Summary (${identity}, load average ${os.loadavg()[0]!.toFixed(1)}): ${report.count} iPads in ${seconds(report.durationMs)}; ` +
          `ratio to the 60 s target (for 1,000, scaled to ${report.count}): ${(report.durationMs / targetMs).toFixed(2)}; ` +
          `ratio rehearsal/ceiling: ${(report.durationMs / ceilingMs).toFixed(2)}`,
      );
      line(
        `  CPU per iPad: Homeroom ${perIPad(processMs)} ms (main thread ${perIPad(mainMs)}: ${order
          .map((name) => `${name} ${perIPad(((split[name] ?? 0) / busyMs) * mainMs)}`)
          .join(', ')}; other threads ${perIPad(Math.max(0, processMs - mainMs))}), the iPads ${perIPad(devicesCpuMs)} ms ` +
          `(2 cores for 60 s allow 120 ms per iPad for all three processes)`,
      );
    } finally {
      await server.close();
    }
  } finally {
    apple.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--devices') await devicesProcess(JSON.parse(process.argv[3]!) as ScenarioOptions);
else for (const identity of IDENTITIES) await main(identity);
