/**
 * `homeroom simulate devices`: the "first day of term" rehearsal from the shell. Virtual iPads of a
 * token power on against a running Homeroom and the simulated Apple (`runScenario`), with a progress
 * bar on stderr while they run and the report as tables on stdout at the end. Exit code 1 when a
 * device failed in a way the options did not ask for (`--wrong-passwords`, `--network-failures`).
 *
 * Everything defaults to the demo of `npm start` on this machine: Homeroom at PUBLIC_URL (else
 * HOST:PORT), the Apple simulator at APPLE_DEP_URL or APPLE_SIMULATOR_PORT, the API key from
 * HOMEROOM_API_KEY or the `admin-api-key.txt` the first start wrote, and the only token (one is set
 * up over the APIs when there is none: rehearsal-demo.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.js';
import {
  directoryUsernames,
  runScenario,
  STAGES,
  type Credentials,
  type ScenarioProgress,
  type ScenarioReport,
} from '../simulator/device/index.js';
import { defaultSimulatorUrl } from './asm.command.js';
import { parseCommandLine, subcommandHelp, UsageError, wholeNumber, type CommandHelp, type CommandOutput } from './output.js';
import { tokenForRehearsal, type Waiting } from './rehearsal-demo.js';

/** `homeroom simulate devices`: synopsis and what it does. */
export const SIMULATE_DEVICES_HELP: CommandHelp = {
  usage: `homeroom simulate devices [--token <id>] [--count <n>] [--concurrency 50] [--seed 1] [--url http://127.0.0.1:4000]
    [--api-key <key>] [--apple-url <simulator>] [--users-csv <file>] [--wrong-passwords N] [--network-failures N]
    [--shared-sign-ins N] [--json]`,
  about: `Powers on virtual iPads of the token against Homeroom and reports enrolled, unmanaged, failed by reason and time per stage. Exit code 1 when an iPad failed in a way not asked for.
--count: how many of the token's iPads (default all); --concurrency: at most this many at once (1 to 1000); --seed: which iPads, in what order, which get the faults.
--users-csv: who signs in where a profile asks for a user (username and password columns; the user import's file works).
--wrong-passwords N: N iPads whose profile asks for a user type a wrong password. --network-failures N: N iPads lose the network at activation.
--shared-sign-ins N: each iPad that enrolls as a Shared iPad then has N students of Homeroom's directory sign in, one after the other (needs an ADMIN key: the directory is read over the API); the report counts the sign-ins and the users evicted beyond the profile's maximum.
--json: the whole report as JSON.`,
};

/** Where `simulate devices` finds what it is not told. */
export const SIMULATE_DEVICES_NOTES = `Defaults: Homeroom at PUBLIC_URL, else http://<HOST>:<PORT>; the Apple simulator as \`homeroom asm\` finds it
(APPLE_DEP_URL, else the one a running \`npm start\` embeds, else APPLE_SIMULATOR_PORT); the key HOMEROOM_API_KEY, else the
admin-api-key.txt the first start wrote to HOMEROOM_DATA_DIR; the only token (on a fresh demo, one is set up over the APIs).`;

/** Where the command writes besides its output, and what it knows of the terminal. */
export interface DevicesCommandIo {
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** Whether stderr is a terminal: a redrawn bar then, else a line now and then. */
  readonly stderrIsTty: boolean;
  /** Between progress lines when stderr is not a terminal; default 3 s. */
  readonly progressIntervalMs?: number;
  /** How the demo setup polls Homeroom (tests shorten it). */
  readonly waiting?: Waiting;
}

/** Runs the rehearsal; resolves with the exit code. */
export async function simulateDevicesCommand(args: string[], out: CommandOutput, io: DevicesCommandIo): Promise<number> {
  const usage = subcommandHelp(SIMULATE_DEVICES_HELP, SIMULATE_DEVICES_NOTES);
  const { values } = parseCommandLine(
    {
      args,
      strict: true,
      options: {
        token: { type: 'string' },
        count: { type: 'string' },
        concurrency: { type: 'string', default: '50' },
        seed: { type: 'string', default: '1' },
        url: { type: 'string' },
        'api-key': { type: 'string' },
        'apple-url': { type: 'string' },
        'users-csv': { type: 'string' },
        'wrong-passwords': { type: 'string', default: '0' },
        'network-failures': { type: 'string', default: '0' },
        'shared-sign-ins': { type: 'string', default: '0' },
        json: { type: 'boolean', default: false },
      },
    },
    usage,
  );
  const count = values.count === undefined ? undefined : wholeNumber('--count', values.count, 1, 500_000);
  const concurrency = wholeNumber('--concurrency', values.concurrency, 1, 1000);
  const seed = wholeNumber('--seed', values.seed, 0, 2 ** 31 - 1);
  const wrongPassword = wholeNumber('--wrong-passwords', values['wrong-passwords'], 0, 500_000);
  const networkFailures = wholeNumber('--network-failures', values['network-failures'], 0, 500_000);
  // Beyond a few hundred a device only evicts the same users again.
  const sharedSignInsPerDevice = wholeNumber('--shared-sign-ins', values['shared-sign-ins'], 0, 1000);
  const credentials = values['users-csv'] ? readUsersCsv(values['users-csv']) : undefined;

  const homeroomUrl = (values.url ?? defaultHomeroomUrl(io.env)).replace(/\/+$/, '');
  const appleUrl = (values['apple-url'] ?? defaultSimulatorUrl(io.env)).replace(/\/+$/, '');
  const apiKey = values['api-key'] || io.env.HOMEROOM_API_KEY?.trim() || savedAdminKey(io.env);
  if (!apiKey) {
    throw new UsageError(
      'simulate devices needs an API key: --api-key, HOMEROOM_API_KEY, or the admin-api-key.txt the first `npm start` writes to its data directory',
    );
  }
  const api = { url: homeroomUrl, apiKey };
  const say = (line: string) => io.err(`${line}\n`);
  const tokenId =
    values.token ??
    (await tokenForRehearsal(api, appleUrl, {
      ...(count === undefined ? {} : { count }),
      say,
      ...(io.waiting ? { waiting: io.waiting } : {}),
    }));

  let sharedSignIns;
  if (sharedSignInsPerDevice > 0) {
    const users = await directoryUsernames(api, 'STUDENT');
    if (users.length === 0)
      throw new UsageError(
        "--shared-sign-ins needs students in Homeroom's directory (importUsers, or createUser with role STUDENT)",
        usage,
      );
    sharedSignIns = { perDevice: sharedSignInsPerDevice, users };
  }

  const bar = progressBar(io);
  const report = await runScenario({
    homeroomUrl,
    apiKey,
    appleUrl,
    tokenId,
    ...(count === undefined ? {} : { count }),
    concurrency,
    seed,
    ...(credentials ? { credentials } : {}),
    faults: { wrongPassword, networkFailures },
    ...(sharedSignIns ? { sharedSignIns } : {}),
    onProgress: bar.update,
  });
  bar.end();

  if (values.json) out.json(report);
  else printReport(report, out, homeroomUrl, tokenId);
  // Fewer faults than asked: the token had fewer iPads that could take them (wrong passwords need a profile that asks for a user).
  if (report.faults.wrongPassword.length < wrongPassword) {
    io.err(
      `note: ${report.faults.wrongPassword.length} of the ${wrongPassword} wrong passwords asked for: only that many iPads ask for a user.\n`,
    );
  }
  if (report.faults.networkFailures.length < networkFailures) {
    io.err(
      `note: ${report.faults.networkFailures.length} of the ${networkFailures} network failures asked for: there were no more iPads.\n`,
    );
  }
  if (sharedSignInsPerDevice > 0 && report.sharedSignIns.devices === 0 && report.sharedSignIns.failed === 0) {
    io.err('note: no iPad enrolled as a Shared iPad, so nobody signed in (--shared-sign-ins needs a profile with sharedIPad).\n');
  }
  let code = 0;
  if (report.unexpectedFailures > 0) {
    io.err(
      `homeroom: ${report.unexpectedFailures} of ${report.count} iPads failed in a way the rehearsal did not ask for (see the report).\n`,
    );
    code = 1;
  }
  if (report.sharedSignIns.failed > 0) {
    io.err(`homeroom: a Shared iPad sign-in failed on ${report.sharedSignIns.failed} iPads (see the report).\n`);
    code = 1;
  }
  return code;
}

/** Homeroom on this machine, as the server's own configuration says it listens. */
export function defaultHomeroomUrl(env: NodeJS.ProcessEnv): string {
  const config = loadConfig(env);
  if (config.publicUrl) return config.publicUrl;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
}

/** The first start's ADMIN key (`<HOMEROOM_DATA_DIR>/admin-api-key.txt`), when it is there. */
function savedAdminKey(env: NodeJS.ProcessEnv): string | undefined {
  try {
    return fs.readFileSync(path.join(loadConfig(env).dataDir, 'admin-api-key.txt'), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** `username` and `password` columns of a CSV (the user import's file works as is), one sign-in per row, handed out in turn. */
export function readUsersCsv(file: string): Credentials[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new UsageError(`--users-csv: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const [header, ...rows] = csvRecords(text).filter((record) => record.some((cell) => cell.trim() !== ''));
  const columns = (header ?? []).map((name) => name.trim().toLowerCase());
  const user = columns.indexOf('username');
  const password = columns.indexOf('password');
  if (user < 0 || password < 0) throw new UsageError(`--users-csv: ${file} needs a header with "username" and "password" columns`);
  const credentials = rows.map((row) => ({ username: (row[user] ?? '').trim(), password: row[password] ?? '' })).filter((c) => c.username);
  if (credentials.length === 0) throw new UsageError(`--users-csv: ${file} has no users`);
  return credentials;
}

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      endField();
      records.push(record);
      record = [];
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    endField();
    records.push(record);
  }
  return records;
}

function progressBar(io: DevicesCommandIo): { update: (progress: ScenarioProgress) => void; end: () => void } {
  const started = Date.now();
  const interval = io.progressIntervalMs ?? 3000;
  let lastLine = 0;
  let last: ScenarioProgress | null = null;
  const describe = (p: ScenarioProgress) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    return `${p.done}/${p.total} iPads: ${p.enrolled} enrolled, ${p.unmanaged} unmanaged, ${p.failed} failed (${seconds} s)`;
  };
  const draw = (p: ScenarioProgress) => {
    const width = 30;
    const filled = p.total === 0 ? width : Math.round((p.done / p.total) * width);
    io.err(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${describe(p)}\x1b[K`);
  };
  return {
    update(progress) {
      last = progress;
      if (io.stderrIsTty) return draw(progress);
      const now = Date.now();
      // A log or a CI job gets a line every few seconds, not one per iPad.
      if (progress.done === progress.total || now - lastLine >= interval) {
        lastLine = now;
        io.err(`rehearsal: ${describe(progress)}\n`);
      }
    },
    end() {
      if (io.stderrIsTty && last) io.err('\n');
    },
  };
}

function printReport(report: ScenarioReport, out: CommandOutput, homeroomUrl: string, tokenId: string): void {
  const seconds = report.durationMs / 1000;
  out.line(
    `Rehearsal of ${report.count} iPads against ${homeroomUrl} (token ${tokenId}): ${seconds.toFixed(1)} s, ${(report.count / Math.max(seconds, 0.001)).toFixed(1)} iPads/s`,
  );
  out.line('');
  const injected = { WRONG_CREDENTIALS: report.faults.wrongPassword.length, NETWORK_FAILURE: report.faults.networkFailures.length };
  const rows: string[][] = [
    ['enrolled', String(report.enrolled), ''],
    ['unmanaged', String(report.unmanaged), 'not assigned a profile at Apple: consumer Setup Assistant (expected)'],
  ];
  for (const [reason, n] of Object.entries(report.failed)) {
    const asked = injected[reason as keyof typeof injected] ?? 0;
    rows.push([`failed: ${reason}`, String(n), asked > 0 ? `${asked} injected` : 'unexpected']);
  }
  out.table(['OUTCOME', 'IPADS', 'NOTE'], rows);
  const shared = report.sharedSignIns;
  if (shared.devices > 0 || shared.failed > 0) {
    out.line('');
    out.table(
      ['SHARED IPAD SIGN-INS', 'COUNT'],
      [
        ['iPads signed in on', String(shared.devices)],
        ['users signed in', String(shared.signedIn)],
        ['users evicted', String(shared.evicted)],
        ['iPads where a sign-in failed', String(shared.failed)],
      ],
    );
    const failed = report.devices.filter((device) => device.sharedSignIns?.error !== undefined);
    for (const device of failed.slice(0, 20)) out.line(`  ${device.serialNumber}: ${device.sharedSignIns!.error!}`);
  }
  out.line('');
  out.table(
    ['STAGE', 'IPADS', 'P50', 'P95'],
    STAGES.map((stage) => {
      const s = report.stages[stage];
      return [stage, String(s.count), `${s.p50Ms} ms`, `${s.p95Ms} ms`];
    }),
  );
  const unexpected = report.devices.filter((device) => device.result === 'FAILED' && !device.expected);
  if (unexpected.length > 0) {
    out.line('');
    out.table(
      ['SERIAL', 'REASON', 'WHAT HAPPENED'],
      unexpected.slice(0, 20).map((device) => [device.serialNumber, device.reason ?? '', device.message ?? '']),
    );
    if (unexpected.length > 20) out.line(`(and ${unexpected.length - 20} more; --json lists every device)`);
  }
}
