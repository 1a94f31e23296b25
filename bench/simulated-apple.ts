/**
 * The simulated Apple of the benchmarks, in a child process: like Apple, its work is not
 * Homeroom's, so Homeroom's time and RSS are its own, and the two use different cores.
 *
 * The child (this file run with `--simulator <devices> <orderSize>`) holds an organisation of
 * `devices` iPads in orders of `orderSize`; the parent asks it over IPC for MDM servers with
 * whole orders of them, and for fresh tokens.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { EnrollmentProfile } from '../src/entities/enrollment-profile.entity.js';
import type { EnrollmentProgramToken } from '../src/entities/enrollment-program-token.entity.js';
import { PairingMode, UserAffinity } from '../src/entities/enrollment-profile.entity.js';
import type { RequestContext } from '../src/platform/request-context.js';
import { Services } from '../src/services/services.js';
import type { DataSource } from 'typeorm';
import { appleConnection } from '../src/apple/apple-connection.js';
import { Database } from '../src/entities/database.js';
import { systemClock } from '../src/platform/clock.js';
import { createEventBus } from '../src/platform/events/event-bus.js';
import { SecretBox } from '../src/platform/secret-box.js';
import { startAppleSimulator } from '../src/simulator/apple/index.js';

type Ask =
  | { op: 'server'; name: string; publicKeyPem: string; devices: number }
  | { op: 'token'; name: string; publicKeyPem: string }
  | { op: 'assign'; name: string; devices: number };
type Request = Ask & { id: number };

async function simulatorProcess(devices: number, orderSize: number): Promise<void> {
  const orders = Math.ceil(devices / orderSize);
  const simulator = await startAppleSimulator({ port: 0, host: '127.0.0.1', devices: orders * orderSize, orders, seed: 7 });
  const available = simulator.portal.listOrders().map((order) => order.order_number);
  process.on('message', (message: Request) => {
    if (message.op === 'server') {
      const { token } = simulator.portal.createServer({ name: message.name, publicKeyPem: message.publicKeyPem });
      simulator.portal.assignDevices(message.name, { orderNumbers: available.splice(0, Math.ceil(message.devices / orderSize)) });
      process.send!({ id: message.id, token: token.content });
    } else if (message.op === 'assign') {
      simulator.portal.assignDevices(message.name, { orderNumbers: available.splice(0, Math.ceil(message.devices / orderSize)) });
      process.send!({ id: message.id, token: '' });
    } else {
      process.send!({
        id: message.id,
        token: simulator.portal.downloadToken(message.name, { publicKeyPem: message.publicKeyPem }).content,
      });
    }
  });
  process.send!({ ready: simulator.url });
}

/** The parent's handle on the child. */
export class SimulatedApple {
  private next = 0;
  private readonly waiting = new Map<number, (token: string) => void>();

  private constructor(
    private readonly child: ChildProcess,
    /** The DEP API's base URL. */
    readonly url: string,
    readonly orderSize: number,
  ) {
    child.on('message', (message: { id?: number; token?: string }) => {
      if (message.id !== undefined) this.waiting.get(message.id)?.(message.token!);
    });
  }

  /** A simulator with `devices` iPads in orders of `orderSize`, listening on a free port. */
  static async start(devices: number, orderSize: number): Promise<SimulatedApple> {
    const child = fork(fileURLToPath(import.meta.url), ['--simulator', String(devices), String(orderSize)], { stdio: 'inherit' });
    const url = await new Promise<string>((resolve, reject) => {
      child.once('message', (message: { ready: string }) => resolve(message.ready));
      child.once('exit', (code) => reject(new Error(`the simulator exited with ${code}`)));
    });
    return new SimulatedApple(child, url, orderSize);
  }

  private ask(request: Ask): Promise<string> {
    const id = (this.next += 1);
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.send({ ...request, id });
    });
  }

  /** A new MDM server with `devices` iPads (whole orders); its token file. */
  server(name: string, publicKeyPem: string, devices: number): Promise<string> {
    return this.ask({ op: 'server', name, publicKeyPem, devices });
  }

  /** Whole orders of `devices` more iPads for an existing server (its next sync lists them). */
  async assign(name: string, devices: number): Promise<void> {
    await this.ask({ op: 'assign', name, devices });
  }

  /** A fresh token of the server, encrypted to `publicKeyPem`. */
  token(name: string, publicKeyPem: string): Promise<string> {
    return this.ask({ op: 'token', name, publicKeyPem });
  }

  stop(): void {
    this.child.kill();
  }
}

if (process.argv[2] === '--simulator') await simulatorProcess(Number(process.argv[3]), Number(process.argv[4]));

/**
 * The untimed setup both Homeroom benches share: a simulated push certificate, Homeroom's key, an
 * MDM server `name` with `devices` iPads in the child, the token uploaded and its first sync ended,
 * and a supervised cart profile (no user affinity). Returns them with the devices the sync listed.
 */
/** Homeroom's services over `dataSource` as the benches run them: the system clock, events in memory, a fresh secret key, Apple at `appleUrl`. */
export function benchServices(dataSource: DataSource, appleUrl: string, userAgent: string): Services {
  return new Services({
    database: new Database(dataSource),
    clock: systemClock,
    events: createEventBus(),
    secretBox: new SecretBox(randomBytes(32)),
    apple: appleConnection(appleUrl, userAgent),
    publicUrl: () => 'http://127.0.0.1:4000',
  });
}

export async function benchSchool(
  apple: SimulatedApple,
  services: Services,
  ctx: RequestContext,
  options: { name: string; devices: number; awaitDeviceConfigured: boolean },
): Promise<{ token: EnrollmentProgramToken; profile: EnrollmentProfile; listed: number }> {
  await services.pushCertificates.ensureSimulated(ctx);
  const { key } = await services.tokens.generateEncryptionPublicKey(ctx);
  const tokenFile = await apple.server(options.name, key.certificatePem, options.devices);
  const token = await services.tokens.upload(ctx, { name: options.name, appleId: 'it-admin@school.example', tokenFile });
  await services.sync.idle();
  const listed = await services.devices.count(token.id);
  if (listed !== options.devices) throw new Error(`the sync listed ${listed} devices, expected ${options.devices}`);
  const profile = await services.profiles.create(ctx, token.id, {
    name: 'Cart iPads',
    userAffinity: UserAffinity.WITHOUT_USER_AFFINITY,
    supervised: true,
    lockedEnrollment: true,
    sharedIPad: false,
    pairing: PairingMode.DENY_ALL,
    awaitDeviceConfigured: options.awaitDeviceConfigured,
    skippedPanes: [],
  });
  return { token, profile, listed };
}
