/**
 * A Homeroom (services only) over a fresh database and an Apple simulator sharing one ManualClock.
 * Every wait (the DEP client's retries, throttled assignments) moves that clock instead of
 * sleeping, and records how long it would have waited.
 */
import { randomBytes } from 'node:crypto';
import { appleConnection } from '../../../src/apple/apple-connection.js';
import type { DepRetryOptions } from '../../../src/apple/dep-client.js';
import { Device } from '../../../src/entities/device.entity.js';
import { EnrollmentProgramToken } from '../../../src/entities/enrollment-program-token.entity.js';
import type { SyncRun } from '../../../src/entities/sync-run.entity.js';
import { createLogger } from '../../../src/logger.js';
import { ManualClock } from '../../../src/platform/clock.js';
import { createEventBus, type EventBus, type SyncProgressed } from '../../../src/platform/events/event-bus.js';
import { Role } from '../../../src/permissions.js';
import type { RequestContext } from '../../../src/platform/request-context.js';
import { SecretBox } from '../../../src/platform/secret-box.js';
import { Services } from '../../../src/services/services.js';
import { startAppleSimulator, type RunningAppleSimulator } from '../../../src/simulator/apple/index.js';
import { openTestDatabase, type OpenTestDatabase } from '../../support/database.js';

export const HOUR = 3600 * 1000;
export const DAY = 24 * HOUR;
export const MINUTE = 60 * 1000;

export interface SyncHarness {
  readonly opened: OpenTestDatabase;
  readonly simulator: RunningAppleSimulator;
  readonly clock: ManualClock;
  readonly events: EventBus;
  readonly services: Services;
  readonly ctx: RequestContext;
  /** Every wait the DEP client and the sync engine asked for, in ms. */
  readonly waits: number[];
  /** Every SYNC_PROGRESSED event, in order. */
  readonly progress: SyncProgressed[];
  /** A token for a new MDM server with `devices` new serials assigned to it before the upload; its first sync has ended. */
  newToken(name: string, devices?: number): Promise<{ token: EnrollmentProgramToken; firstRun: SyncRun }>;
  /** Requests a sync and waits for its end. */
  sync(tokenId: number): Promise<SyncRun>;
  /** Serials Apple assigns to the server now. */
  appleSerials(serverName: string): string[];
  /** Serials Homeroom lists for the token (not removed), sorted. */
  listedSerials(tokenId: number): Promise<string[]>;
  token(tokenId: number): Promise<EnrollmentProgramToken>;
  device(serial: string): Promise<Device>;
  /** Calls the simulator answered for `endpoint` so far. */
  calls(endpoint: string): number;
  close(): Promise<void>;
}

export async function startSyncHarness(
  options: { seed?: number; automaticSyncIntervalMs?: number; appleRetry?: DepRetryOptions } = {},
): Promise<SyncHarness> {
  const opened = await openTestDatabase();
  const clock = new ManualClock('2026-09-01T08:00:00.000Z');
  const simulator = await startAppleSimulator({ clock, seed: options.seed ?? 5, devices: 0 });
  const waits: number[] = [];
  const wait = async (ms: number) => {
    waits.push(ms);
    clock.advance(ms);
  };
  const events = createEventBus();
  const services = new Services({
    database: opened.database,
    clock,
    events,
    secretBox: new SecretBox(randomBytes(32)),
    // No jitter: backoff waits are their ceilings, so a test knows what the client waited.
    apple: appleConnection(simulator.url, 'homeroom-test/1', {
      clock,
      sleep: wait,
      random: () => 0,
      ...(options.appleRetry ? { retry: options.appleRetry } : {}),
    }),
    publicUrl: () => 'https://homeroom.school.example',
    ...(options.automaticSyncIntervalMs ? { automaticSyncIntervalMs: options.automaticSyncIntervalMs } : {}),
  });
  services.sync.hooks.sleep = wait;
  const progress: SyncProgressed[] = [];
  const iterator = events.subscribe('SYNC_PROGRESSED')[Symbol.asyncIterator]();
  void (async () => {
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      progress.push(next.value);
    }
  })();
  const ctx: RequestContext = {
    requestId: 'req-sync',
    actor: { kind: 'apiKey', apiKeyId: 1, name: 'root-admin', role: Role.ADMIN },
    logger: createLogger('silent'),
  };
  const manager = opened.dataSource.manager;
  return {
    opened,
    simulator,
    clock,
    events,
    services,
    ctx,
    waits,
    progress,
    async newToken(name, devices = 0) {
      await services.pushCertificates.ensureSimulated(ctx);
      const { key } = await services.tokens.generateEncryptionPublicKey(ctx);
      const { token: file } = simulator.portal.createServer({ name, publicKeyPem: key.certificatePem });
      if (devices > 0) simulator.portal.assignDevices(name, { serials: simulator.portal.addOrder({ count: devices }).serials });
      const token = await services.tokens.upload(ctx, { name, appleId: 'it-admin@school.example', tokenFile: file.content });
      await services.sync.idle();
      const [firstRun] = (await services.sync.listRuns(token.id, { first: 1 })).edges.map((e) => e.node);
      return { token: await manager.findOneByOrFail(EnrollmentProgramToken, { id: token.id }), firstRun: firstRun! };
    },
    async sync(tokenId) {
      const { done } = await services.sync.requestSync(ctx, tokenId);
      return done;
    },
    appleSerials(serverName) {
      return simulator.portal
        .listDevices({ server: serverName, limit: 1_000_000 })
        .map((d) => d.serial_number)
        .sort();
    },
    async listedSerials(tokenId) {
      const rows = await manager.find(Device, { where: { tokenId }, select: { serialNumber: true, removedAt: true } });
      return rows
        .filter((d) => d.removedAt === null)
        .map((d) => d.serialNumber)
        .sort();
    },
    token: (tokenId) => manager.findOneByOrFail(EnrollmentProgramToken, { id: tokenId }),
    device: (serial) => manager.findOneByOrFail(Device, { serialNumber: serial }),
    calls: (endpoint) => simulator.stats()[endpoint] ?? 0,
    async close() {
      await services.sync.stopScheduler();
      await iterator.return?.();
      await simulator.close();
      await opened.close();
    },
  };
}

export { cartProfile } from '../../support/tokens.js';
export { gate } from '../../support/gate.js';
