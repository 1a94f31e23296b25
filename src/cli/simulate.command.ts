/**
 * `homeroom simulate apple`: Apple's side on its own, for demos, for a Homeroom started with
 * `APPLE_DEP_URL=http://127.0.0.1:8081`, and for poking the Device Assignment API by hand. It
 * runs until interrupted; the organisation it serves is printed at start.
 * `homeroom simulate devices` (the rehearsal) is in devices.command.ts.
 */
import { parseArgs } from 'node:util';
import { startAppleSimulator } from '../simulator/apple/index.js';
import { simulateDevicesCommand, SIMULATE_DEVICES_USAGE, type DevicesCommandIo } from './devices.command.js';
import { UsageError, wholeNumber, type CommandOutput } from './output.js';

export const SIMULATE_USAGE = `homeroom simulate apple [--port 8081] [--host 127.0.0.1] [--devices 300] [--orders 3] [--seed 1] [--state <file.json>]
${SIMULATE_DEVICES_USAGE}`;

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
  if (what === 'devices') return simulateDevicesCommand(rest, out, io);
  if (what !== 'apple')
    throw new UsageError(what ? `unknown simulator "${what}" ("apple" or "devices")` : 'simulate needs "apple" or "devices"');
  const { values } = parseArgs({
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
  });
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
