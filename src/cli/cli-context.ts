/**
 * What a CLI command works with: the configuration, a logger on stderr, and the services over
 * the same database the server uses. The person at the shell acts as `cli:<user>` with the
 * ADMIN role: whoever can run commands on the server can read its database anyway.
 */
import os from 'node:os';
import { appleConnection } from '../apple/apple-connection.js';
import { loadConfig, type Config } from '../config.js';
import { Database } from '../entities/database.js';
import { openDatabase } from '../entities/data-source.js';
import { createLogger, type Logger } from '../logger.js';
import { systemClock } from '../platform/clock.js';
import { createEventBus, type ClosableEventBus } from '../platform/events/event-bus.js';
import { connectRedisEventTransport } from '../platform/events/pubsub-redis.js';
import { Role } from '../permissions.js';
import { newRequestId, type RequestContext } from '../platform/request-context.js';
import { resolveSecretKey, SecretBox } from '../platform/secret-box.js';
import { Services } from '../services/services.js';
import { pino } from 'pino';

export interface CliContext {
  readonly config: Config;
  readonly logger: Logger;
  readonly services: Services;
  readonly request: RequestContext;
  close(): Promise<void>;
}

export async function openCliContext(env: NodeJS.ProcessEnv = process.env): Promise<CliContext> {
  const config = loadConfig(env);
  // Warnings and worse only, on stderr, so stdout stays the command's answer.
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, pino.destination(2));
  const dataSource = await openDatabase(config.database);
  const events = await cliEventBus(config, logger);
  const services = new Services({
    database: new Database(dataSource),
    clock: systemClock,
    events,
    secretBox: new SecretBox(resolveSecretKey(config.secretKey, config.dataDir, logger)),
    // The CLI runs no simulator: in simulator mode it reaches the one the server runs on this machine.
    apple: appleConnection(
      config.apple.mode === 'apple' ? config.apple.depUrl : `http://127.0.0.1:${config.apple.simulatorPort}`,
      config.apple.userAgent,
    ),
    publicUrl: () => config.publicUrl ?? `http://${config.host}:${config.port}`,
    userPasswordScryptLogN: config.userPasswordScryptLogN,
  });
  const user = safeUserName();
  return {
    config,
    logger,
    services,
    request: { requestId: newRequestId(), actor: { kind: 'cli', apiKeyId: null, name: `cli:${user}`, role: Role.ADMIN }, logger },
    close: async () => {
      await events.close();
      await dataSource.destroy();
    },
  };
}

/**
 * Through Redis when `REDIS_URL` is set, so running servers hear what a command did (a key
 * revoked here closes its websockets there); in memory otherwise, or, with a warning, when
 * Redis does not answer: the command itself still runs.
 */
async function cliEventBus(config: Config, logger: Logger): Promise<ClosableEventBus> {
  if (!config.redisUrl) return createEventBus();
  try {
    return createEventBus({ redis: await connectRedisEventTransport({ url: config.redisUrl, logger }) });
  } catch (error) {
    logger.warn({ err: error }, 'Redis does not answer: running servers will not hear of this command until they next read the database');
    return createEventBus();
  }
}

function safeUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
