/**
 * One Homeroom server: configuration in, a listening HTTP server out.
 *
 * Start-up order: secret key -> database (migrations applied) -> services -> first-start admin
 * key (embedded setup only) -> schema -> HTTP. On one port: `/graphql` (Apollo for POST and
 * GET, graphql-ws for subscriptions, the offline GraphiQL explorer in development), `/healthz`,
 * `/readyz`, and the reference web console at `/` (built into `dist/web`, see `http/web-pages.ts`).
 * `close()` stops accepting, lets in-flight requests finish, closes websockets, then the
 * database. Tests start servers in-process on port 0; `main.ts` adds signals and the banner.
 */
import 'reflect-metadata';
import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import { appleConnection, type AppleConnection } from './apple/apple-connection.js';
import { ConfigError, redactUrl, type Config, type IdentityKindSetting } from './config.js';
import { Database } from './entities/database.js';
import { DatabaseAvailability } from './entities/database-availability.js';
import { openDatabase } from './entities/data-source.js';
import { ErrorCode } from './errors.js';
import { distinguishedName } from './mdm/cms.js';
import { homeroomPlugin } from './http/apollo-plugins.js';
import { authenticate } from './http/authorization.js';
import { graphqlRequestErrors, jsonRequestErrors } from './http/body-errors.js';
import { refuseOversizedDocuments } from './http/document-size.js';
import { trustedDocuments } from './http/trusted-documents.js';
import { healthRoutes } from './http/health.js';
import { assignRequestId, requestIdOf } from './http/request-id.js';
import { serveSubscriptions } from './http/subscriptions.js';
import { webPages } from './http/web-pages.js';
import { createLogger, type Logger } from './logger.js';
import { acmeRoutes } from './http/acme-routes.js';
import { mdmRoutes } from './http/mdm-routes.js';
import { scepRoutes } from './http/scep-routes.js';
import { DeviceIdentityKind } from './entities/enrollment-profile.entity.js';
import { RESOLVERS } from './resolvers/index.js';
import { createLoaders } from './resolvers/loaders.js';
import { buildHomeroomSchema } from './schema/build-schema.js';
import type { GraphQLContext } from './resolvers/context.js';
import { formatError } from './schema/format-error.js';
import { contextFailure } from './schema/operation-errors.js';
import { depthLimitRule, maxDocumentTokens } from './schema/operation-limits.js';
import { systemClock, type Clock } from './platform/clock.js';
import type { Ticker } from './platform/ticker.js';
import { interactiveWaitLimit, OperationBudget, runWithBudget } from './platform/operation-budget.js';
import { CostBudget, MemoryCostBuckets, RedisCostBuckets } from './platform/cost-budget.js';
import { Redis } from 'ioredis';
import { createEventBus, type ClosableEventBus } from './platform/events/event-bus.js';
import { connectRedisEventTransport } from './platform/events/pubsub-redis.js';
import { systemContext } from './platform/request-context.js';
import { checkDataDirectory, ensurePrivateDirectory, writePrivateFile } from './platform/private-files.js';
import { resolveSecretKey, SecretBox } from './platform/secret-box.js';
import { Services } from './services/services.js';
import { startAppleSimulator, type RunningAppleSimulator } from './simulator/apple/index.js';
import { writeRunningSimulatorFile } from './simulator/apple/running-file.js';

export interface StartOptions {
  readonly logger?: Logger;
  readonly clock?: Clock;
  /** Called when a websocket operation is running, i.e. a subscription now receives events. */
  readonly onOperationStarted?: (operationName: string | null) => void;
  /** Called each time a subscription event is executed (once per group of subscribers sharing it). */
  readonly onSubscriptionEventExecuted?: () => void;
  /** The once-a-second wake-up of `syncCooldown` countdowns; tests pass a ManualTicker. */
  readonly ticker?: Ticker;
  /** Prefix of the Redis channels (`REDIS_URL`); tests give each server pair its own. Default `homeroom:`. */
  readonly redisChannelPrefix?: string;
  /** The built web console and explorer; default `dist/web` of this checkout. */
  readonly webDirectory?: string;
}

export interface HomeroomServer {
  /** Where this server listens, e.g. `http://127.0.0.1:4000`. */
  readonly url: string;
  /** `PUBLIC_URL`, or `url` when it is not set. */
  readonly publicUrl: string;
  readonly services: Services;
  readonly dataSource: DataSource;
  /** The ADMIN key created on this start (first start of the embedded setup), else null. */
  readonly bootstrapKey: { readonly secret: string; readonly file: string | null } | null;
  /** Where the DEP client sends its requests, and the in-process Apple simulator when that is what answers. */
  readonly apple: { readonly connection: AppleConnection; readonly depUrl: string; readonly simulator: RunningAppleSimulator | null };
  close(): Promise<void>;
}

/** The demo school's state file: a restarted demo keeps its organisation, MDM servers and tokens. */
export const APPLE_SIMULATOR_STATE_FILE = 'apple-simulator.json';

/** `MDM_IDENTITY`'s values as the profiles' kinds. */
const IDENTITY_KIND_OF_SETTING: Readonly<Record<IdentityKindSetting, DeviceIdentityKind>> = {
  scep: DeviceIdentityKind.SCEP,
  acme: DeviceIdentityKind.ACME,
  pkcs12: DeviceIdentityKind.PKCS12,
};

export async function startServer(config: Config, options: StartOptions = {}): Promise<HomeroomServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  checkDataDirectory(config.dataDir, logger);
  const secretBox = new SecretBox(resolveSecretKey(config.secretKey, config.dataDir, logger));
  const dataSource = await openDatabaseOrExplain(config);
  let simulator: RunningAppleSimulator | null = null;
  let apollo: ApolloServer<GraphQLContext> | undefined;
  let events: ClosableEventBus | undefined;
  let costBudget: CostBudget | undefined;
  try {
    simulator = await startEmbeddedSimulator(config, clock, logger);
    const depUrl = simulator ? simulator.url : config.apple.mode === 'apple' ? config.apple.depUrl : '';
    const connection = appleConnection(depUrl, config.apple.userAgent, {
      clock,
      // Someone waiting on a GraphQL operation gets an answer within seconds; syncs and jobs wait longer.
      retry: { waitLimitMs: interactiveWaitLimit(config.appleInteractiveMaxWaitMs) },
    });
    // Known only once listening when PORT is 0 and PUBLIC_URL unset; nothing asks before then.
    let listeningAt = config.publicUrl ?? '';
    events = await openEventBus(config, options, logger);
    costBudget = await openCostBudget(config, options, clock, logger);
    const costs = costBudget;
    const trustedDeviceCas = await deviceCasToTrust(config, simulator, logger);
    const services = new Services({
      database: new Database(dataSource),
      clock,
      events,
      secretBox,
      apple: connection,
      publicUrl: () => config.publicUrl ?? listeningAt,
      automaticSyncIntervalMs: config.automaticSyncIntervalMs,
      identities: {
        keyType: config.mdm.identityKey,
        kind: IDENTITY_KIND_OF_SETTING[config.mdm.identity],
        scepChallengeTtlMs: config.mdm.scepChallengeTtlMs,
        trustedDeviceCas,
        // The simulated Apple's attestation root is trusted exactly when its device CA is.
        trustedAttestationRoots: [
          ...(simulator && config.mdm.trustSimulatorDeviceCa ? [simulator.attestationRootPem()] : []),
          ...config.mdm.extraAttestationRootPems,
        ],
      },
      userPasswordScryptLogN: config.userPasswordScryptLogN,
      ticker: options.ticker,
      embeddedSimulator: simulator ? { url: simulator.url, deviceCaTrusted: config.mdm.trustSimulatorDeviceCa } : null,
    });
    const bootstrapKey = config.embedded ? await createBootstrapKey(services, config, logger) : null;
    if (simulator) await ensureSimulatedPushCertificate(services, logger);
    const schema = await buildHomeroomSchema([...RESOLVERS], services, events);
    let shuttingDown = false;

    const app = express();
    app.disable('x-powered-by');
    // Every answer is computed for its request: an ETag would only cost a hash of each body.
    app.set('etag', false);
    const httpServer = http.createServer(app);
    // Idle keep-alive sockets are closed after 65 s, not Node's 5 s: a client reusing a socket the
    // server is closing at that very moment gets ECONNRESET, and a thousand iPads in Setup Assistant
    // pause between requests for seconds at a time. Node wants headersTimeout above it.
    httpServer.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
    httpServer.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
    const availability = new DatabaseAvailability(logger);
    const subscriptions = serveSubscriptions({
      httpServer,
      availability,
      schema,
      services,
      limits: config.graphql,
      logger,
      clock,
      costBudget: costs,
      trustedDocuments: config.trustedDocuments,
      events,
      ...(options.onOperationStarted ? { onOperationStarted: options.onOperationStarted } : {}),
      ...(options.onSubscriptionEventExecuted ? { onEventExecuted: options.onSubscriptionEventExecuted } : {}),
    });
    apollo = new ApolloServer<GraphQLContext>({
      schema,
      formatError,
      validationRules: [depthLimitRule(config.graphql)],
      parseOptions: { maxTokens: maxDocumentTokens(config.graphql) },
      includeStacktraceInErrorResponses: false,
      // Compact JSON: Apollo's default pretty-prints every answer, which clients never read by eye.
      stringifyResult: (value) => JSON.stringify(value),
      // Apollo refuses a GET (or a form-encoded POST) that a browser could send cross-site without
      // a preflight, unless one of these headers is set. Every Homeroom request carries
      // `Authorization`, which is not CORS-safelisted (a browser preflights it) and which a
      // cross-site form or <img> cannot send: it proves the same as Apollo's own headers, so a
      // GET with just the API key works. See README, "Endpoints".
      csrfPrevention: { requestHeaders: ['x-apollo-operation-name', 'apollo-require-preflight', 'authorization'] },
      // Introspection needs an API key like everything else; frontend codegen relies on it.
      introspection: true,
      // main.ts owns the signals, so shutdown order (HTTP, websockets, database) stays ours.
      stopOnTerminationSignals: false,
      logger: logger.child({ component: 'apollo' }),
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 10_000 }),
        // Homeroom sets no cache hints; left on, this plugin makes Apollo wrap every field resolver.
        ApolloServerPluginCacheControlDisabled(),
        { serverWillStart: async () => ({ drainServer: async () => subscriptions.dispose() }) },
        homeroomPlugin({ schema, limits: config.graphql, audit: services.audit, availability, costBudget: costs }),
        // Apollo's landing page loads from its CDN; browsers get our bundled explorer instead (web-pages.ts).
        ApolloServerPluginLandingPageDisabled(),
      ],
    });
    await apollo.start();
    const running = apollo;
    const bus = events;

    app.use(assignRequestId);
    app.use(healthRoutes(dataSource, () => shuttingDown));
    const web = webPages({ directory: options.webDirectory, explorer: config.environment !== 'production', logger });
    app.use('/graphql', web.explorer);
    app.use(
      '/graphql',
      cors({ origin: config.corsOrigins === '*' ? '*' : [...config.corsOrigins], exposedHeaders: ['x-request-id'] }),
      express.json({ limit: config.bodyLimits.graphqlBytes }),
      // Before the size check: a document sent by hash is filled in here.
      trustedDocuments(config.trustedDocuments),
      refuseOversizedDocuments(config.graphql),
      // Each request's operation runs under a budget that its database calls see (started as a query).
      (_req: express.Request, _res: express.Response, next: express.NextFunction) => runWithBudget(new OperationBudget(clock), next),
      expressMiddleware(apollo, {
        context: async ({ req }): Promise<GraphQLContext> => {
          const requestId = requestIdOf(req);
          const requestLogger = logger.child({ requestId });
          let checked: Awaited<ReturnType<typeof authenticate>>;
          try {
            checked = await authenticate(services.apiKeys, req.headers.authorization);
            // Only a key lookup reached the database; a request without a key says nothing of it.
            if ('actor' in checked || checked.refused === 'UNKNOWN_KEY' || checked.refused === 'REVOKED_KEY') availability.succeeded();
          } catch (error) {
            throw contextFailure(error, { requestId, actor: null, logger: requestLogger }, availability);
          }
          if (!('actor' in checked)) {
            throw new GraphQLError(checked.message, {
              extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) } },
            });
          }
          return { requestId, actor: checked.actor, logger: requestLogger, loaders: createLoaders(services), services };
        },
      }),
      // A body too large or not JSON (and anything else failing here) answers as GraphQL errors.
      graphqlRequestErrors(config.bodyLimits.graphqlBytes, logger),
    );
    // Devices, not API clients: they authenticate with their signatures, never with API keys.
    app.use(mdmRoutes(services.enrollment, logger, { maxBodyBytes: config.bodyLimits.mdmBytes }));
    app.use(scepRoutes(services.scep, logger));
    app.use('/acme', acmeRoutes(services.acmeIssuance, logger));
    app.use(web.console);
    app.use((req, res) => {
      res.status(404).json({
        code: ErrorCode.NOT_FOUND,
        message: 'Nothing is served at this path.',
        error: 'not found',
        path: req.path,
        endpoints: ['/graphql', '/healthz', '/readyz', '/mdm/enroll/<key>', '/mdm/checkin', '/mdm/connect', '/acme/directory'],
      });
    });
    // Never Express's HTML error page (a stack and file paths outside production).
    app.use(jsonRequestErrors(config.bodyLimits.graphqlBytes, logger));

    await listen(httpServer, config);
    const url = listeningUrl(httpServer.address() as AddressInfo);
    listeningAt = url;
    // The URL the banner prints, for `homeroom asm` and `simulate devices` in another shell (running-file.ts).
    const forgetSimulator = simulator ? writeRunningSimulatorFile(config.dataDir, simulator.url) : () => undefined;
    services.sync.startScheduler(logger);
    // Jobs an earlier run of Homeroom left unfinished continue now.
    services.assignments.start(logger);
    services.userImports.start(logger);
    services.migrations.start(logger);
    let closing: Promise<void> | undefined;
    return {
      url,
      publicUrl: config.publicUrl ?? url,
      services,
      dataSource,
      bootstrapKey,
      apple: { connection, depUrl, simulator },
      close: () =>
        (closing ??= (async () => {
          shuttingDown = true;
          // Runs and jobs end at their next page or batch (resumable) before the database closes.
          await Promise.all([services.assignments.stop(), services.userImports.stop(), services.rehearsals.stop()]);
          await services.sync.stopScheduler();
          await Promise.all([services.schoolManager.stop(), services.migrations.stop()]);
          await running.stop();
          // After the websockets: no subscriber is left to hear the bus.
          await bus.close();
          await costs.close();
          await simulator?.close();
          forgetSimulator();
          await dataSource.destroy();
          logger.info('Homeroom stopped');
        })()),
    };
  } catch (error) {
    // A start that fails half way (a port in use) must not leave a websocket server or the database open.
    await apollo?.stop().catch(() => undefined);
    await events?.close().catch(() => undefined);
    await costBudget?.close().catch(() => undefined);
    await simulator?.close().catch(() => undefined);
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
}

async function openDatabaseOrExplain(config: Config): Promise<DataSource> {
  try {
    return await openDatabase(config.database);
  } catch (error) {
    const where = config.database.type === 'sqlite' ? config.database.path : redactUrl(config.database.url);
    throw new ConfigError('DATABASE_URL', `could not open the ${config.database.type} database at ${where}: ${(error as Error).message}`);
  }
}

/** The event bus: in memory, or through Redis when `REDIS_URL` is set (failing the start when Redis does not answer). */
async function openEventBus(config: Config, options: StartOptions, logger: Logger): Promise<ClosableEventBus> {
  if (!config.redisUrl) return createEventBus();
  try {
    const redis = await connectRedisEventTransport({
      url: config.redisUrl,
      logger,
      ...(options.redisChannelPrefix ? { channelPrefix: options.redisChannelPrefix } : {}),
    });
    logger.info({ redis: redactUrl(config.redisUrl) }, 'subscription events go through Redis');
    return createEventBus({ redis });
  } catch (error) {
    throw new ConfigError('REDIS_URL', `could not connect to Redis at ${redactUrl(config.redisUrl)}: ${(error as Error).message}`);
  }
}

/**
 * The per-key cost budget: in Redis when `REDIS_URL` is set (shared by every instance; the start
 * fails when Redis does not answer, as for the event bus), else in this instance's memory.
 */
async function openCostBudget(config: Config, options: StartOptions, clock: Clock, logger: Logger): Promise<CostBudget> {
  const limits = { maximumAvailable: config.graphqlCost.budget, restoreRate: config.graphqlCost.restoreRate };
  if (!config.redisUrl || limits.maximumAvailable === 0) return new CostBudget(limits, new MemoryCostBuckets(), clock);
  const log = logger.child({ component: 'cost-budget' });
  const redis = new Redis(config.redisUrl, { lazyConnect: true, connectionName: 'homeroom-cost', maxRetriesPerRequest: 1 });
  // Without a listener ioredis prints every connection error to stderr itself.
  redis.on('error', (error: Error) => log.warn({ err: error }, 'Redis connection error; ioredis reconnects'));
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new ConfigError('REDIS_URL', `could not connect to Redis at ${redactUrl(config.redisUrl)}: ${(error as Error).message}`);
  }
  const prefix = `${options.redisChannelPrefix ?? 'homeroom:'}cost:`;
  return new CostBudget(limits, new RedisCostBuckets(redis, prefix, log), clock);
}

/**
 * `APPLE_DEP_URL=simulator` (the development default): Apple's side runs in this process, on its
 * own port, and Homeroom reaches it over real HTTP like it would reach Apple. Its state lives
 * beside the database, so the demo school survives restarts.
 */
async function startEmbeddedSimulator(config: Config, clock: Clock, logger: Logger): Promise<RunningAppleSimulator | null> {
  if (config.apple.mode !== 'simulator') return null;
  const log = logger.child({ component: 'apple-simulator' });
  try {
    return await startAppleSimulator({
      port: config.apple.simulatorPort,
      host: config.host,
      clock,
      devices: config.apple.simulatorDevices,
      statePath: path.join(config.dataDir, APPLE_SIMULATOR_STATE_FILE),
      log: (line) => log.debug(line),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new ConfigError(
        'APPLE_SIMULATOR_PORT',
        `port ${config.apple.simulatorPort} on ${config.host} is already in use (another Homeroom demo?). Pick another, or 0 for any free port.`,
      );
    }
    throw error;
  }
}

/**
 * The device CAs whose MachineInfo signers may enroll, besides Apple's (always trusted): the built-in
 * simulator's when `MDM_TRUST_SIMULATOR_DEVICE_CA` (its default with the simulator), and the
 * certificates of `MDM_DEVICE_CA_FILE` (roots and intermediates alike). Each one is logged with its
 * subject and SHA-256 fingerprint, so an admin can see what a refusal's untrusted issuer is missing.
 */
async function deviceCasToTrust(config: Config, simulator: RunningAppleSimulator | null, logger: Logger): Promise<string[]> {
  const fromFile = config.mdm.extraDeviceCaPems;
  for (const pem of fromFile) logTrustedDeviceCa(logger, pem, 'MDM_DEVICE_CA_FILE', fromFile);
  const cas = [...fromFile];
  if (simulator && config.mdm.trustSimulatorDeviceCa) {
    const pem = await simulator.deviceCertificateAuthorityPem();
    cas.push(pem);
    logTrustedDeviceCa(logger, pem, 'simulator', [pem]);
    logger.info(
      "MDM enrollment trusts the built-in simulator's device CA (virtual iPads); MDM_TRUST_SIMULATOR_DEVICE_CA=false turns it off",
    );
  }
  return cas;
}

/** One line per trusted device CA: its subject, fingerprint, and whether it is a root or an intermediate (and of whom). */
function logTrustedDeviceCa(logger: Logger, pem: string, source: string, siblings: readonly string[]): void {
  const certificate = new crypto.X509Certificate(pem);
  const selfSigned = certificate.checkIssued(certificate) && certificate.verify(certificate.publicKey);
  const issuerKnown = siblings.some((other) => other !== pem && certificate.checkIssued(new crypto.X509Certificate(other)));
  logger.info(
    {
      source,
      subject: distinguishedName(certificate.subject),
      fingerprint: certificate.fingerprint256,
      issuer: distinguishedName(certificate.issuer),
      kind: selfSigned ? 'root' : 'intermediate',
      validTo: new Date(certificate.validTo).toISOString(),
    },
    selfSigned
      ? `MDM enrollment trusts the device CA ${distinguishedName(certificate.subject)}`
      : `MDM enrollment trusts the intermediate device CA ${distinguishedName(certificate.subject)}` +
          (issuerKnown ? '' : ' (its issuer is not in the file: trusted as it is)'),
  );
}

/**
 * Tokens need an MDM push certificate (seed 002 lists it first), and the simulated world cannot
 * have one from Apple: generate a self-signed one, once, and say so, so the demo works end to end.
 */
async function ensureSimulatedPushCertificate(services: Services, logger: Logger): Promise<void> {
  const certificate = await services.pushCertificates.ensureSimulated(systemContext(logger));
  if (certificate.simulated) {
    logger.info(
      { topic: certificate.topic, expiresAt: certificate.notAfter.toISOString() },
      'MDM push certificate: using a simulated one for the simulated Apple (Apple would refuse it); upload a real one with uploadMdmPushCertificate',
    );
  }
}

async function createBootstrapKey(services: Services, config: Config, logger: Logger): Promise<HomeroomServer['bootstrapKey']> {
  const created = await services.apiKeys.createBootstrapKey(systemContext(logger));
  if (!created) return null;
  const file = path.join(config.dataDir, 'admin-api-key.txt');
  try {
    ensurePrivateDirectory(config.dataDir);
    writePrivateFile(file, `${created.secret}\n`);
    return { secret: created.secret, file };
  } catch (error) {
    logger.error({ err: error, file }, 'could not save the first ADMIN key; note it from the console now');
    return { secret: created.secret, file: null };
  }
}

const KEEP_ALIVE_TIMEOUT_MS = 65_000;

function listen(server: http.Server, config: Config): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new ConfigError('PORT', `port ${config.port} on ${config.host} is already in use.`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
        reject(new ConfigError('HOST', `cannot listen on "${config.host}": ${error.message}`));
      else reject(error);
    });
    server.listen(config.port, config.host, () => resolve());
  });
}

function listeningUrl(address: AddressInfo): string {
  const host =
    address.address === '0.0.0.0'
      ? '127.0.0.1'
      : address.address === '::'
        ? '[::1]'
        : address.family === 'IPv6'
          ? `[${address.address}]`
          : address.address;
  return `http://${host}:${address.port}`;
}
