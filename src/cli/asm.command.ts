/**
 * `homeroom asm ...`: play the school's Apple School Manager administrator against the Apple
 * simulator's portal (`/portal`), over HTTP like a browser on school.apple.com would. Real ASM
 * has no such API; these commands only ever talk to the simulator (the embedded one of
 * `npm start`, or `homeroom simulate apple`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError, wholeNumber, type CommandOutput } from './output.js';

export const ASM_USAGE = `homeroom asm org [--url <simulator>]
homeroom asm servers [--json]
homeroom asm create-server --name <name> --pem <certificate.pem> --out <token.p7m>
homeroom asm download-token --server <name> --out <token.p7m> [--pem <certificate.pem>]
homeroom asm assign --server <name> (--serial <s>... | --order <o>... | --csv <file>)
homeroom asm move --to <server> --serial <s>...
homeroom asm release --serial <s>...
homeroom asm add-order --count <n> [--model <model>] [--order <number>]
homeroom asm devices [--server <name>] [--order <number>] [--limit 1000] [--json]
homeroom asm terms require|accept
  --url defaults to APPLE_DEP_URL when it is an http(s) URL, else http://127.0.0.1:<APPLE_SIMULATOR_PORT or 8081>.`;

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
  const { values, positionals } = parseArgs({
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
    },
  });
  const portal = portalClient(values.url ?? defaultSimulatorUrl(env));
  const need = (value: string | undefined, flag: string): string => {
    if (!value) throw new UsageError(`asm ${action} needs ${flag}`);
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
      const chosen = [values.serial, values.order, values.csv].filter((v) => v !== undefined).length;
      if (chosen !== 1) throw new UsageError('asm assign needs exactly one of --serial, --order or --csv');
      const body = values.serial
        ? { serials: values.serial }
        : values.order
          ? { orderNumbers: values.order }
          : { csv: readFile(values.csv!, '--csv') };
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
      const serials = values.serial ?? [];
      if (serials.length === 0) throw new UsageError('asm move needs --serial');
      const result = await portal.post<Record<string, unknown>>('/portal/devices/move', { serials, toServer: to });
      if (values.json) return out.json(result);
      out.line(`Moved ${serials.length} devices to "${to}".`);
      return;
    }
    case 'release': {
      const serials = values.serial ?? [];
      if (serials.length === 0) throw new UsageError('asm release needs --serial');
      const result = await portal.post<Record<string, unknown>>('/portal/devices/release', { serials });
      if (values.json) return out.json(result);
      out.line(`Released ${serials.length} devices from the organisation.`);
      return;
    }
    case 'add-order': {
      const count = Number(need(values.count, '--count'));
      if (!Number.isInteger(count) || count < 1 || count > 100_000) throw new UsageError('--count must be a whole number from 1 to 100000');
      const created = await portal.post<{ orderNumber: string; serials: string[] }>('/portal/orders', {
        count,
        ...(values.model ? { model: values.model } : {}),
        ...(values.order?.[0] ? { orderNumber: values.order[0] } : {}),
      });
      if (values.json) return out.json(created);
      out.line(`Order ${created.orderNumber}: ${created.serials.length} new devices in the organisation (not assigned to a server yet).`);
      return;
    }
    case 'devices': {
      const query = new URLSearchParams();
      if (values.server) query.set('server', values.server);
      if (values.order?.[0]) query.set('order', values.order[0]);
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
      if (which !== 'require' && which !== 'accept') throw new UsageError('asm terms needs "require" or "accept"');
      await portal.post(`/portal/terms/${which}`, {});
      out.line(
        which === 'require'
          ? 'New terms published: Apple refuses the Device Assignment API (T_C_NOT_SIGNED) until they are accepted.'
          : 'Terms accepted.',
      );
      return;
    }
    default:
      throw new UsageError(action ? `unknown asm command "${action}"` : 'asm needs a command');
  }
}

/** The simulator a shell on this machine most likely means: Homeroom's own setting first. */
export function defaultSimulatorUrl(env: NodeJS.ProcessEnv): string {
  const dep = env.APPLE_DEP_URL?.trim();
  if (dep && /^https?:\/\//.test(dep) && !dep.startsWith('https://mdmenrollment.apple.com')) return dep.replace(/\/+$/, '');
  return `http://127.0.0.1:${env.APPLE_SIMULATOR_PORT?.trim() || '8081'}`;
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
