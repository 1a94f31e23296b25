/**
 * `homeroom asm ...`: play the school's Apple School Manager administrator against the Apple
 * simulator's portal (`/portal`), over HTTP like a browser on school.apple.com would. Real ASM
 * has no such API; these commands only ever talk to the simulator (the embedded one of
 * `npm start`, or `homeroom simulate apple`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { readRunningSimulatorUrl, RUNNING_SIMULATOR_FILE } from '../simulator/apple/running-file.js';
import {
  familyHelp,
  listValues,
  parseCommandLine,
  subcommandHelp,
  UsageError,
  wantsHelp,
  wholeNumber,
  type CommandHelp,
  type CommandOutput,
} from './output.js';

const SERIALS = '--serial <s> [--serial <s>...]';

/** Every `asm` subcommand: its synopsis and what it does (`homeroom asm <command> --help`). */
export const ASM_COMMANDS: Readonly<Record<string, CommandHelp>> = {
  org: {
    usage: 'homeroom asm org [--json]',
    about: 'Prints the organisation the simulator serves (name, ID, address, e-mail, phone).',
  },
  servers: {
    usage: 'homeroom asm servers [--json]',
    about: 'Lists the MDM servers: name, UUID, how many devices are assigned to each, when its token expires.',
  },
  'create-server': {
    usage: 'homeroom asm create-server --name <name> --pem <certificate.pem> --out <token.p7m> [--json]',
    about:
      "Creates an MDM server for Homeroom's public key (--pem: the certificate generateEncryptionPublicKey returns) and saves its server token to --out, readable by you only, for uploadToken.",
  },
  'download-token': {
    usage: 'homeroom asm download-token --server <name> --out <token.p7m> [--pem <certificate.pem>]',
    about:
      "Downloads a new server token for the MDM server (the previous one stops working), for renewToken. --pem encrypts it for another key; without it, for the server's current key.",
  },
  assign: {
    usage: `homeroom asm assign --server <name> (${SERIALS} | --order <o> [--order <o>...] | --csv <file>) [--json]`,
    about:
      'Assigns devices to the MDM server, moving them from any other: by serial number, every device of whole orders, or the serial numbers in the first column of a CSV file. Exactly one of --serial, --order and --csv.',
  },
  move: {
    usage: `homeroom asm move --to <server> ${SERIALS} [--json]`,
    about: 'Moves devices to another MDM server (as assign does by serial number).',
  },
  release: {
    usage: `homeroom asm release ${SERIALS} [--no-dep-event] [--json]`,
    about:
      'Releases devices from the organisation: they leave Apple School Manager for good. --no-dep-event: their MDM server’s DEP sync sees no deleted change (only the School Manager API tells).',
  },
  'api-account': {
    usage: 'homeroom asm api-account --name <label> [--out <file.pem>] [--json]',
    about:
      'Creates an API account for the School Manager API (Settings, API in ASM): prints its client ID and key ID, and the P-256 private key (to --out, else to the output), shown only this once.',
  },
  'add-order': {
    usage: 'homeroom asm add-order --count <n> [--model <model>] [--order <number>] [--json]',
    about:
      'Adds an order of n new iPads (1 to 100000) to the organisation, assigned to no MDM server yet. --order names it (one number); else the next free one.',
  },
  devices: {
    usage: 'homeroom asm devices [--server <name>] [--order <number>] [--limit 1000] [--json]',
    about:
      "Lists the organisation's devices (serial, model, order, MDM server, profile status), all or those on one MDM server or in one order, at most --limit (1 to 500000, default 1000).",
  },
  terms: {
    usage: 'homeroom asm terms require|accept',
    about:
      'require publishes new terms and conditions: Apple then refuses the Device Assignment API with T_C_NOT_SIGNED. accept accepts them, and Apple answers again.',
  },
};

/** What every asm subcommand shares: where the simulator is, and how lists are given. */
export const ASM_NOTES = `Every asm command also takes --url <simulator>. Without it: APPLE_DEP_URL when it is an http(s) URL
other than Apple's; else the simulator a running \`npm start\` embeds (the URL its banner prints, which
it records in <HOMEROOM_DATA_DIR>/${RUNNING_SIMULATOR_FILE}); else http://<HOST>:<APPLE_SIMULATOR_PORT>
(127.0.0.1:8081 by default).
Several serial or order numbers: repeat the flag (--serial A --serial B), or separate them with commas or
spaces in one value (--serial A,B or --serial "$(cat serials.txt)"). --order of add-order and devices takes one.`;

export const ASM_USAGE = `${Object.values(ASM_COMMANDS)
  .map((command) => command.usage)
  .join('\n')}
  Every asm command takes --url <simulator> (default: the running \`npm start\`'s); \`homeroom asm <command> --help\` says more.`;

/** `homeroom asm --help`, or one subcommand's. */
export function asmHelp(action: string | undefined): string {
  const command = action === undefined ? undefined : ASM_COMMANDS[action];
  if (command) return subcommandHelp(command, ASM_NOTES);
  return familyHelp(
    'homeroom asm <command> [options]',
    "Play the school's Apple School Manager administrator against the Apple simulator's portal.",
    ASM_COMMANDS,
    ASM_NOTES,
  );
}

/** The portal refused (its `{ error: { code, message } }` body), or was not there at all. */
export class PortalError extends Error {
  override name = 'PortalError';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface PortalDevice {
  serial_number: string;
  model?: string;
  description?: string;
  order_number?: string;
  server_name?: string | null;
  profile_status?: string;
}

export async function asmCommand(args: string[], out: CommandOutput, env: NodeJS.ProcessEnv): Promise<void> {
  const [action, ...rest] = args;
  if (wantsHelp(args)) {
    if (action !== undefined && !action.startsWith('-') && !ASM_COMMANDS[action])
      throw new UsageError(`unknown asm command "${action}"`, asmHelp(undefined));
    return out.line(asmHelp(action));
  }
  const usage = asmHelp(action);
  const { values, positionals } = parseCommandLine(
    {
      args: rest,
      strict: true,
      // Only `asm terms require|accept` takes a word after the command.
      allowPositionals: action === 'terms',
      options: {
        url: { type: 'string' },
        name: { type: 'string' },
        pem: { type: 'string' },
        out: { type: 'string' },
        server: { type: 'string' },
        to: { type: 'string' },
        serial: { type: 'string', multiple: true },
        order: { type: 'string', multiple: true },
        csv: { type: 'string' },
        count: { type: 'string' },
        model: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean', default: false },
        'no-dep-event': { type: 'boolean', default: false },
      },
    },
    usage,
    'Several values: --serial A --serial B, or --serial A,B, or --serial "A B".',
  );
  const serials = listValues(values.serial);
  const orders = listValues(values.order);
  /** `--order` of add-order and devices: one order number, not a list. */
  const oneOrder = (): string | undefined => {
    if ((values.order?.length ?? 0) > 1 || (orders?.length ?? 0) > 1) throw new UsageError(`asm ${action} takes one --order`, usage);
    return orders?.[0];
  };
  const portal = portalClient(values.url ?? defaultSimulatorUrl(env));
  const need = (value: string | undefined, flag: string): string => {
    if (!value) throw new UsageError(`asm ${action} needs ${flag}`, usage);
    return value;
  };
  switch (action) {
    case 'org': {
      const org = await portal.get<Record<string, unknown>>('/portal/organization');
      if (values.json) return out.json(org);
      for (const [key, value] of Object.entries(org)) out.line(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
      return;
    }
    case 'servers': {
      const { servers } = await portal.get<{ servers: Array<Record<string, unknown>> }>('/portal/servers');
      if (values.json) return out.json(servers);
      out.table(
        ['NAME', 'SERVER UUID', 'DEVICES', 'TOKEN EXPIRES'],
        servers.map((s) => [String(s.server_name), String(s.server_uuid), String(s.device_count ?? ''), String(s.token_expiry ?? '')]),
      );
      return;
    }
    case 'create-server': {
      const name = need(values.name, '--name');
      const publicKeyPem = readFile(need(values.pem, '--pem'), '--pem');
      const target = need(values.out, '--out');
      const created = await portal.post<{ server: Record<string, unknown>; token: { fileName: string; content: string } }>(
        '/portal/servers',
        { name, publicKeyPem },
      );
      writeToken(target, created.token.content);
      if (values.json) return out.json({ server: created.server, tokenFile: path.resolve(target) });
      out.line(`Created MDM server "${name}" (${String(created.server.server_uuid)}).`);
      out.line(`Saved its server token to ${path.resolve(target)} (Apple would name it ${created.token.fileName}).`);
      return;
    }
    case 'download-token': {
      const server = need(values.server, '--server');
      const target = need(values.out, '--out');
      const token = await portal.post<{ fileName: string; content: string }>(`/portal/servers/${encodeURIComponent(server)}/token`, {
        ...(values.pem ? { publicKeyPem: readFile(values.pem, '--pem') } : {}),
      });
      writeToken(target, token.content);
      out.line(`Downloaded a new token for "${server}" to ${path.resolve(target)}; the previous token no longer works.`);
      return;
    }
    case 'assign': {
      const server = need(values.server, '--server');
      const chosen = [serials, orders, values.csv].filter((v) => v !== undefined).length;
      if (chosen !== 1) throw new UsageError('asm assign needs exactly one of --serial, --order or --csv', usage);
      const body = serials ? { serials } : orders ? { orderNumbers: orders } : { csv: readFile(values.csv!, '--csv') };
      const result = await portal.post<{ assigned: string[]; moved: string[]; unknown: string[] }>(
        `/portal/servers/${encodeURIComponent(server)}/devices`,
        body,
      );
      if (values.json) return out.json(result);
      out.line(`Assigned ${result.assigned.length} devices to "${server}" (${result.moved.length} of them moved from another server).`);
      if (result.unknown.length) out.line(`Not in the organisation: ${result.unknown.join(', ')}`);
      return;
    }
    case 'move': {
      const to = need(values.to, '--to');
      if (!serials?.length) throw new UsageError('asm move needs --serial', usage);
      const result = await portal.post<Record<string, unknown>>('/portal/devices/move', { serials, toServer: to });
      if (values.json) return out.json(result);
      out.line(`Moved ${serials.length} devices to "${to}".`);
      return;
    }
    case 'release': {
      if (!serials?.length) throw new UsageError('asm release needs --serial', usage);
      const depEvent = !values['no-dep-event'];
      const result = await portal.post<Record<string, unknown>>('/portal/devices/release', { serials, depEvent });
      if (values.json) return out.json(result);
      out.line(`Released ${serials.length} devices from the organisation${depEvent ? '' : ' (no DEP event)'}.`);
      return;
    }
    case 'api-account': {
      const name = need(values.name, '--name');
      const account = await portal.post<{ clientId: string; keyId: string; privateKeyPem: string }>('/portal/api-accounts', { name });
      if (values.out) writeToken(values.out, account.privateKeyPem);
      if (values.json) return out.json(values.out ? { ...account, privateKeyPem: undefined, privateKeyFile: values.out } : account);
      out.line(`Client ID: ${account.clientId}`);
      out.line(`Key ID:    ${account.keyId}`);
      if (values.out) out.line(`Private key written to ${values.out} (shown only this once).`);
      else out.line(account.privateKeyPem.trimEnd());
      return;
    }
    case 'add-order': {
      const count = wholeNumber('--count', need(values.count, '--count'), 1, 100_000);
      const orderNumber = oneOrder();
      const created = await portal.post<{ orderNumber: string; serials: string[] }>('/portal/orders', {
        count,
        ...(values.model ? { model: values.model } : {}),
        ...(orderNumber ? { orderNumber } : {}),
      });
      if (values.json) return out.json(created);
      out.line(`Order ${created.orderNumber}: ${created.serials.length} new devices in the organisation (not assigned to a server yet).`);
      return;
    }
    case 'devices': {
      const query = new URLSearchParams();
      const orderNumber = oneOrder();
      if (values.server) query.set('server', values.server);
      if (orderNumber) query.set('order', orderNumber);
      if (values.limit) query.set('limit', String(wholeNumber('--limit', values.limit, 1, 500_000)));
      const { total, devices } = await portal.get<{ total: number; devices: PortalDevice[] }>(`/portal/devices?${query.toString()}`);
      if (values.json) return out.json(devices);
      out.table(
        ['SERIAL', 'MODEL', 'ORDER', 'SERVER', 'PROFILE'],
        devices.map((d) => [d.serial_number, d.model ?? '', d.order_number ?? '', d.server_name ?? '-', d.profile_status ?? '']),
      );
      if (total > devices.length) out.line(`(${devices.length} of ${total}; --limit shows more)`);
      return;
    }
    case 'terms': {
      const [which] = positionals;
      if (which !== 'require' && which !== 'accept') throw new UsageError('asm terms needs "require" or "accept"', usage);
      await portal.post(`/portal/terms/${which}`, {});
      out.line(
        which === 'require'
          ? 'New terms published: Apple refuses the Device Assignment API (T_C_NOT_SIGNED) until they are accepted.'
          : 'Terms accepted.',
      );
      return;
    }
    default:
      throw new UsageError(action ? `unknown asm command "${action}"` : 'asm needs a command', usage);
  }
}

/**
 * The simulator a shell on this machine most likely means: APPLE_DEP_URL when it names one (not
 * Apple), else the one a running `npm start` embeds with this data directory (the URL its banner
 * prints: running-file.ts), else where that one would listen by the same settings.
 */
export function defaultSimulatorUrl(env: NodeJS.ProcessEnv): string {
  const dep = env.APPLE_DEP_URL?.trim();
  if (dep && /^https?:\/\//.test(dep) && !dep.startsWith('https://mdmenrollment.apple.com')) return dep.replace(/\/+$/, '');
  let dataDir: string;
  try {
    dataDir = loadConfig(env).dataDir;
  } catch {
    // A setting asm never uses is wrong (a PostgreSQL URL without its secret key): the data directory is still where it says.
    dataDir = path.resolve(env.HOMEROOM_DATA_DIR?.trim() || 'data');
  }
  const running = readRunningSimulatorUrl(dataDir);
  if (running) return running;
  const host = env.HOST?.trim() || '127.0.0.1';
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${env.APPLE_SIMULATOR_PORT?.trim() || '8081'}`;
}

/** Calls to the simulator portal at `base`; refusals become {@link PortalError}. */
export function portalClient(base: string) {
  const call = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(`${base.replace(/\/+$/, '')}${route}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new PortalError(
        'SIMULATOR_UNREACHABLE',
        `no Apple simulator answers at ${base} (${(error as Error).cause ? String((error as Error & { cause: Error }).cause.message) : (error as Error).message}). Start one with \`npm start\` or \`homeroom simulate apple\`, or pass --url.`,
      );
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      throw new PortalError(
        'NOT_A_SIMULATOR',
        `${base}${route} answered ${response.status} with something that is not the simulator's portal.`,
      );
    }
    if (!response.ok) {
      const error = (parsed as { error?: { code?: string; message?: string } }).error;
      throw new PortalError(
        error?.code ?? `HTTP_${response.status}`,
        error?.message ?? `${method} ${route} failed with ${response.status}.`,
      );
    }
    return parsed as T;
  };
  return {
    get: <T>(route: string) => call<T>('GET', route),
    post: <T>(route: string, body: unknown) => call<T>('POST', route, body),
  };
}

function readFile(file: string, flag: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${flag}: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function writeToken(file: string, content: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // The token holds OAuth secrets: readable by its owner only, like Homeroom's own key files.
  fs.writeFileSync(file, content, { mode: 0o600 });
}
