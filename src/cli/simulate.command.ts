/**
 * `homeroom simulate apple`: Apple's side on its own, for demos, for a Homeroom started with
 * `APPLE_DEP_URL=http://127.0.0.1:8081`, and for poking the Device Assignment API by hand. It
 * runs until interrupted; the organisation it serves is printed at start.
 * `homeroom simulate devices` (the rehearsal) is in devices.command.ts.
 */
import { startAppleSimulator } from '../simulator/apple/index.js';
import { SIMULATE_DEVICES_HELP, SIMULATE_DEVICES_NOTES, simulateDevicesCommand, type DevicesCommandIo } from './devices.command.js';
import { parseCommandLine, subcommandHelp, UsageError, wantsHelp, wholeNumber, type CommandHelp, type CommandOutput } from './output.js';

const SIMULATE_APPLE_HELP: CommandHelp = {
  usage: 'homeroom simulate apple [--port 8081] [--host 127.0.0.1] [--devices 300] [--orders 3] [--seed 1] [--state <file.json>]',
  about:
    "Runs Apple's side on its own until Ctrl-C: the Device Assignment API, the School Manager portal (homeroom asm --url <its URL>) and the activation service, serving a demo school of --devices iPads (10 to 500000) in --orders orders, made from --seed. --state keeps the school in a file across runs. --port 0 picks a free port.",
};
const SIMULATE_APPLE_NOTES = 'Point a Homeroom at it with APPLE_DEP_URL=<its URL>; `npm start` without APPLE_DEP_URL embeds one instead.';

export const SIMULATE_USAGE = `${SIMULATE_APPLE_HELP.usage}
${SIMULATE_DEVICES_HELP.usage}`;

/** `homeroom simulate --help`, or `simulate apple|devices --help`. */
export function simulateHelp(what: string | undefined): string {
  if (what === 'apple') return subcommandHelp(SIMULATE_APPLE_HELP, SIMULATE_APPLE_NOTES);
  if (what === 'devices') return subcommandHelp(SIMULATE_DEVICES_HELP, SIMULATE_DEVICES_NOTES);
  return `Usage: homeroom simulate apple|devices [options]\n\n${SIMULATE_USAGE.replace(/^/gm, '  ')}\n\n\`homeroom simulate apple --help\` and \`homeroom simulate devices --help\` say more.`;
}

/** Resolves when the simulator should stop; SIGINT/SIGTERM by default, a test's promise otherwise. */
export type StopSignal = Promise<void>;

export function processStopSignal(): StopSignal {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** Resolves with the exit code. */
export async function simulateCommand(args: string[], out: CommandOutput, stop: () => StopSignal, io: DevicesCommandIo): Promise<number> {
  const [what, ...rest] = args;
  if (wantsHelp(args)) {
    if (what !== undefined && !what.startsWith('-') && what !== 'apple' && what !== 'devices')
      throw new UsageError(`unknown simulator "${what}" ("apple" or "devices")`, simulateHelp(undefined));
    out.line(simulateHelp(what));
    return 0;
  }
  if (what === 'devices') return simulateDevicesCommand(rest, out, io);
  if (what !== 'apple')
    throw new UsageError(
      what ? `unknown simulator "${what}" ("apple" or "devices")` : 'simulate needs "apple" or "devices"',
      simulateHelp(undefined),
    );
  const usage = simulateHelp('apple');
  const { values } = parseCommandLine(
    {
      args: rest,
      strict: true,
      options: {
        port: { type: 'string', default: '8081' },
        host: { type: 'string', default: '127.0.0.1' },
        devices: { type: 'string', default: '300' },
        orders: { type: 'string', default: '3' },
        seed: { type: 'string', default: '1' },
        state: { type: 'string' },
      },
    },
    usage,
  );
  const simulator = await startAppleSimulator({
    port: wholeNumber('--port', values.port, 0, 65535),
    host: values.host,
    devices: wholeNumber('--devices', values.devices, 10, 500_000),
    orders: wholeNumber('--orders', values.orders, 1, 1000),
    seed: wholeNumber('--seed', values.seed, 0, 2 ** 31 - 1),
    statePath: values.state ?? null,
    log: (line) => out.line(line),
  });
  const org = simulator.portal.organization();
  const orders = simulator.portal.listOrders();
  const devices = orders.reduce((sum, order) => sum + order.device_count, 0);
  const numbers = orders.map((order) => order.order_number);
  out.line(`Apple simulator listening at ${simulator.url}`);
  out.line(
    `  organisation: ${org.org_name} (${devices} devices in ${numbers.length} orders: ${numbers.slice(0, 5).join(', ')}${numbers.length > 5 ? ', ...' : ''})`,
  );
  out.line(
    `  Device Assignment API: ${simulator.url}/session, /account, /server/devices, ... (set APPLE_DEP_URL=${simulator.url} in Homeroom)`,
  );
  out.line(`  portal: ${simulator.url}/portal (or: homeroom asm --url ${simulator.url} ...)`);
  out.line('Stop with Ctrl-C.');
  await stop();
  await simulator.close();
  out.line('Apple simulator stopped.');
  return 0;
}
