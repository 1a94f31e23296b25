/**
 * Every setting Homeroom reads from its environment, validated once at start.
 *
 * `loadConfig` is pure (environment in, object out) so it can be tested without a process; it
 * throws {@link ConfigError} naming the first bad variable, and `main` prints that and exits.
 * Nothing else in Homeroom reads `process.env`. Defaults give the embedded setup: a SQLite
 * file and generated secrets under `./data`, listening on 127.0.0.1:4000.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export type RuntimeEnvironment = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export type DatabaseConfig =
  { readonly type: 'sqlite'; readonly path: string } | { readonly type: 'postgres'; readonly url: string; readonly schema?: string };

export interface GraphQLLimits {
  /** Deepest field nesting an operation may have (introspection fields are not counted). */
  readonly maxDepth: number;
  /** Largest estimated cost of an operation; see `src/schema/operation-limits.ts`. */
  readonly maxComplexity: number;
  /** Most selections (fields, aliases, fragment spreads) one document may write. */
  readonly maxFields: number;
  /** Longest a query may run before its next database call is refused (`OPERATION_TIMED_OUT`). */
  readonly operationTimeoutMs: number;
}

/** The per-key leaky bucket of query cost (`src/platform/cost-budget.ts`). */
export interface GraphQLCostConfig {
  /** Points a key's bucket holds when full; 0: no budget (costs are still reported). */
  readonly budget: number;
  /** Points a second the bucket refills. */
  readonly restoreRate: number;
}

/** `GRAPHQL_MAX_BODY_BYTES`, `MDM_MAX_BODY_BYTES`. */
export interface BodyLimits {
  /** `/graphql` (JSON). */
  readonly graphqlBytes: number;
  /** `/mdm/enroll/<key>`, `/mdm/checkin`, `/mdm/connect` (signed plists, command results). */
  readonly mdmBytes: number;
}

/** `GRAPHQL_TRUSTED_DOCUMENTS`: which documents Homeroom runs (`src/http/trusted-documents.ts`). */
export type TrustedDocumentsMode = 'off' | 'allow' | 'only';

export interface TrustedDocumentsConfig {
  readonly mode: TrustedDocumentsMode;
  /** The manifest's path; read at start unless the mode is `off`. */
  readonly file: string;
  /** sha256 hex of each document -> the document; empty when the mode is `off`. */
  readonly documents: ReadonlyMap<string, string>;
}

export interface Config {
  readonly environment: RuntimeEnvironment;
  readonly host: string;
  readonly port: number;
  /** Base URL devices and Apple are told to use, without a trailing slash; null: the address Homeroom listens on. */
  readonly publicUrl: string | null;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  /** True when the database is the default SQLite file: enables first-start conveniences. */
  readonly embedded: boolean;
  /** 32-byte key for secrets at rest; null means "use or create `<dataDir>/secret.key`". */
  readonly secretKey: Buffer | null;
  readonly logLevel: LogLevel;
  /** CORS `Access-Control-Allow-Origin`: `*` or an explicit list of origins. */
  readonly corsOrigins: '*' | readonly string[];
  readonly graphql: GraphQLLimits;
  readonly graphqlCost: GraphQLCostConfig;
  readonly trustedDocuments: TrustedDocumentsConfig;
  /** Largest request bodies read, in bytes; larger ones answer 413 `REQUEST_TOO_LARGE`. */
  readonly bodyLimits: BodyLimits;
  readonly apple: AppleConfig;
  /**
   * Longest a request someone waits on (a GraphQL operation) lets one Apple call wait between
   * its attempts, in total; past it, `APPLE_UNAVAILABLE` with `retryAfter`. Background work waits longer.
   */
  readonly appleInteractiveMaxWaitMs: number;
  /** How often every token gets an automatic sync of new and removed devices. */
  readonly automaticSyncIntervalMs: number;
  /** `redis://...` to carry subscription events between instances; null keeps them in memory. */
  readonly redisUrl: string | null;
  readonly mdm: MdmConfig;
  /** scrypt cost of new directory-user password hashes, as log2(N) (`USER_PASSWORD_SCRYPT_LOG_N`). */
  readonly userPasswordScryptLogN: number;
}

/**
 * Which device CAs a MachineInfo signer may come from, besides Apple's iPhone Device CA (always
 * trusted): the built-in simulator's, and any in a PEM file (an Apple simulator running elsewhere).
 */
export interface MdmConfig {
  /** Trust the in-process Apple simulator's device CA (on by default when that simulator runs). */
  readonly trustSimulatorDeviceCa: boolean;
  /** PEM certificates read from `MDM_DEVICE_CA_FILE` at start; empty when unset. */
  readonly extraDeviceCaPems: readonly string[];
  /** PEM certificates read from `MDM_ATTESTATION_CA_FILE` at start: attestation roots besides Apple's; empty when unset. */
  readonly extraAttestationRootPems: readonly string[];
  /** The key of the identities Homeroom issues to enrolling devices (PKCS#12 identities, made on the server). */
  readonly identityKey: 'rsa-2048' | 'ec-p256';
  /** How an enrolling device gets its identity unless its profile says otherwise (`MDM_IDENTITY`). */
  readonly identity: IdentityKindSetting;
  /** How long a SCEP challenge handed out with an enrollment profile stays usable (`MDM_SCEP_CHALLENGE_MINUTES`). */
  readonly scepChallengeTtlMs: number;
}

/**
 * The ways a device can get its MDM identity: `scep` (the device makes its key and asks Homeroom's
 * SCEP endpoint to certify it), `acme` (the device makes a hardware-bound key, Apple attests it, and
 * Homeroom's ACME server certifies it; iOS 16+) or `pkcs12` (Homeroom makes key and certificate and
 * puts both in the profile). A list, so another kind is one more entry.
 */
export const IDENTITY_KINDS = ['scep', 'acme', 'pkcs12'] as const;
export type IdentityKindSetting = (typeof IDENTITY_KINDS)[number];

/** Apple's production Device Assignment API. */
export const APPLE_DEP_PRODUCTION_URL = 'https://mdmenrollment.apple.com';

/**
 * Where Homeroom's DEP client sends its requests. `simulator`: Homeroom starts the Apple
 * simulator in-process (a demo school) and talks to it over real HTTP on its own port, exactly
 * as it would talk to Apple; the client never knows the difference.
 */
export type AppleConfig =
  | { readonly mode: 'apple'; readonly depUrl: string; readonly userAgent: string }
  | {
      readonly mode: 'simulator';
      readonly userAgent: string;
      /** Port of the in-process simulator (0 picks a free one); it listens on `HOST`. */
      readonly simulatorPort: number;
      /** iPads in the demo school created on the first start (the state file keeps them after). */
      readonly simulatorDevices: number;
    };

/** A setting that cannot be used; `variable` is the environment variable to fix. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

/** The variables, their defaults and meaning; the README's table is written from this list. */
// One row per line, so the table reads as a table (hence prettier-ignore).
// prettier-ignore
export const CONFIG_VARIABLES = [
  ['PORT', '4000', 'HTTP port for everything Homeroom serves (GraphQL, subscriptions, health). 0 picks a free port.'],
  ['HOST', '127.0.0.1', 'Interface to listen on. Use 0.0.0.0 to accept devices from the network.'],
  ['PUBLIC_URL', 'the address Homeroom listens on', 'Base URL devices and Apple are told to use (enrollment URLs are built from it).'],
  ['HOMEROOM_DATA_DIR', './data', 'Directory for the SQLite file, generated keys and simulator state.'],
  ['DATABASE_URL', 'sqlite:<HOMEROOM_DATA_DIR>/homeroom.sqlite', '`sqlite:<path>` or `postgres://user:pass@host:port/db[?schema=name]`.'],
  ['HOMEROOM_SECRET_KEY', 'generated into <HOMEROOM_DATA_DIR>/secret.key (SQLite only)', '32 random bytes, base64 or hex, that encrypt secrets at rest. Required with PostgreSQL. Keep it: without it stored secrets cannot be read.'],
  ['LOG_LEVEL', 'info', 'fatal, error, warn, info, debug, trace or silent.'],
  ['NODE_ENV', 'development', '`production` hides the explorer and runs ~28% faster; `development` serves the GraphiQL explorer at /graphql.'],
  ['CORS_ORIGINS', '*', 'Comma-separated origins allowed to call the API from a browser, or `*`.'],
  ['GRAPHQL_MAX_DEPTH', '12', 'Deepest field nesting an operation may have.'],
  ['GRAPHQL_MAX_COMPLEXITY', '20000', 'Largest estimated cost of an operation (page sizes multiply down the tree; a count costs 50).'],
  ['GRAPHQL_MAX_FIELDS', '500', 'Most fields, aliases and fragment spreads one GraphQL document may write (checked before validation).'],
  ['GRAPHQL_OPERATION_TIMEOUT_MS', '10000', 'A query still running after this many milliseconds is stopped at its next database call (`OPERATION_TIMED_OUT`). Mutations are not stopped.'],
  ['GRAPHQL_COST_BUDGET', '10 × GRAPHQL_MAX_COMPLEXITY (200000)', "Query cost each API key may spend before it waits (a leaky bucket, Shopify's model): every response reports its cost in `extensions.cost`; past the budget, `RATE_LIMITED` with `extensions.retryAfter` and HTTP 429. 0 switches it off; else at least GRAPHQL_MAX_COMPLEXITY. Shared through Redis when REDIS_URL is set, else per instance."],
  ['GRAPHQL_COST_RESTORE_RATE', 'GRAPHQL_COST_BUDGET / 20 (10000)', 'Points a second a key’s budget refills (1 or more).'],
  ['GRAPHQL_MAX_BODY_BYTES', '5242880 (5 MiB)', 'Largest `/graphql` request body read; a larger one answers HTTP 413 with `REQUEST_TOO_LARGE` (1024 to 104857600).'],
  ['MDM_MAX_BODY_BYTES', '1048576 (1 MiB)', 'Largest body `/mdm/enroll/<key>`, `/mdm/checkin` and `/mdm/connect` read; a larger one answers HTTP 413 `{code: REQUEST_TOO_LARGE}` (1024 to 104857600).'],
  ['GRAPHQL_TRUSTED_DOCUMENTS', 'off', '`off`: run any document. `allow`: documents of the manifest may also be sent by hash alone (`extensions.persistedQuery.sha256Hash`). `only`: run nothing else (`UNTRUSTED_DOCUMENT`, `PERSISTED_QUERY_NOT_FOUND`), over HTTP and websockets.'],
  ['GRAPHQL_TRUSTED_DOCUMENTS_FILE', 'web/trusted-documents.json', 'The manifest: a JSON object mapping the sha256 hex of each operation document to the document (the console writes it). Read at start.'],
  ['APPLE_DEP_URL', '`simulator` (development), https://mdmenrollment.apple.com (production)', "Apple's Device Assignment API. `simulator` starts the built-in Apple simulator with a demo school in the same process."],
  ['APPLE_DEP_USER_AGENT', 'homeroom/<version>', 'User-Agent sent to Apple on every call (Apple refuses requests without one).'],
  ['APPLE_SIMULATOR_PORT', '8081', 'Port of the built-in Apple simulator (portal, Device Assignment API, activation); 0 picks a free port.'],
  ['APPLE_INTERACTIVE_MAX_WAIT_MS', '5000', 'Longest a GraphQL operation (someone waiting) lets one Apple call wait for retries in total; Apple asking for longer (`Retry-After`) answers `APPLE_UNAVAILABLE` with `extensions.retryAfter` in seconds. Syncs and jobs wait up to 10 minutes. 0 to 600000.'],
  ['AUTOMATIC_SYNC_INTERVAL_HOURS', '24', 'Every token gets an automatic sync of new and removed devices this often (1 to 168).'],
  ['REDIS_URL', 'unset (in memory)', '`redis://host:6379` carries subscription events between Homeroom instances; needed once there are several.'],
  ['APPLE_SIMULATOR_DEVICES', '300', 'iPads in the demo school the simulator creates on its first start (10 to 500000).'],
  ['MDM_TRUST_SIMULATOR_DEVICE_CA', '`true` when `APPLE_DEP_URL=simulator`, else `false`', "Accept MachineInfo signed by the built-in simulator's device CA (virtual iPads). Apple's iPhone Device CA is always trusted."],
  ['MDM_IDENTITY_KEY', '`rsa-2048`', 'Key of the identity each enrolling device gets: `rsa-2048` (every iOS and iPadOS imports it; ~100 ms of CPU each) or `ec-p256` (microseconds; the kind ACME identities use).'],
  ['MDM_IDENTITY', '`scep`', 'How enrolling devices get their identity unless their profile says: `scep` (the key is made on the device, every iPadOS supports it), `acme` (a hardware-bound key Apple attests, iPadOS 16+) or `pkcs12` (Homeroom makes the key and sends it inside the profile).'],
  ['MDM_SCEP_CHALLENGE_MINUTES', '15', 'How long the one-time SCEP challenge in an enrollment profile stays usable (1 to 1440).'],
  ['MDM_DEVICE_CA_FILE', 'unset', 'PEM file of further device CAs to trust for enrollment, e.g. an Apple simulator run with `homeroom simulate apple` (`GET /simulator/device-ca`).'],
  ['MDM_ATTESTATION_CA_FILE', 'unset', "PEM file of further attestation roots ACME's `device-attest-01` may end at, besides Apple's, e.g. an Apple simulator elsewhere (`GET /simulator/attestation-ca`)."],
  ['USER_PASSWORD_SCRYPT_LOG_N', '15', 'Cost of new user password hashes: scrypt N = 2^value, r = 8 (10 to 20; each step doubles time and memory). Existing hashes keep the cost they were made with.'],
] as const;

/** Sent as `User-Agent` unless `APPLE_DEP_USER_AGENT` says otherwise; bumped with the package version. */
export const DEFAULT_APPLE_USER_AGENT = 'homeroom/0.1.0';

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const environment = parseEnvironment(env.NODE_ENV);
  const port = parseInteger(env, 'PORT', 4000, 0, 65535);
  const host = nonEmpty(env.HOST) ?? '127.0.0.1';
  const dataDir = path.resolve(cwd, nonEmpty(env.HOMEROOM_DATA_DIR) ?? 'data');
  const database = parseDatabaseUrl(env.DATABASE_URL, dataDir, cwd);
  const embedded = database.type === 'sqlite' && nonEmpty(env.DATABASE_URL) === undefined;
  const secretKey = parseSecretKey(env.HOMEROOM_SECRET_KEY);
  if (secretKey === null && database.type === 'postgres') {
    throw new ConfigError(
      'HOMEROOM_SECRET_KEY',
      'is required with PostgreSQL (several instances must share it). Generate one with `openssl rand -base64 32`.',
    );
  }
  return {
    environment,
    host,
    port,
    publicUrl: parsePublicUrl(env.PUBLIC_URL),
    dataDir,
    database,
    embedded,
    secretKey,
    logLevel: parseLogLevel(env.LOG_LEVEL),
    corsOrigins: parseCorsOrigins(env.CORS_ORIGINS),
    graphql: {
      maxDepth: parseInteger(env, 'GRAPHQL_MAX_DEPTH', 12, 2, 100),
      maxComplexity: parseInteger(env, 'GRAPHQL_MAX_COMPLEXITY', 20_000, 10, 10_000_000),
      maxFields: parseInteger(env, 'GRAPHQL_MAX_FIELDS', 500, 10, 100_000),
      operationTimeoutMs: parseInteger(env, 'GRAPHQL_OPERATION_TIMEOUT_MS', 10_000, 100, 3_600_000),
    },
    graphqlCost: parseCostConfig(env),
    trustedDocuments: parseTrustedDocuments(env, cwd),
    bodyLimits: {
      graphqlBytes: parseInteger(env, 'GRAPHQL_MAX_BODY_BYTES', 5 * 1024 * 1024, 1024, 100 * 1024 * 1024),
      mdmBytes: parseInteger(env, 'MDM_MAX_BODY_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    },
    apple: parseAppleConfig(env, environment),
    appleInteractiveMaxWaitMs: parseInteger(env, 'APPLE_INTERACTIVE_MAX_WAIT_MS', 5000, 0, 600_000),
    automaticSyncIntervalMs: parseInteger(env, 'AUTOMATIC_SYNC_INTERVAL_HOURS', 24, 1, 168) * 60 * 60 * 1000,
    redisUrl: parseRedisUrl(env.REDIS_URL),
    mdm: parseMdmConfig(env, environment, cwd),
    // 2^15 (32 MiB, ~150 ms) by default; 2^20 needs 1 GiB per hash, so that is the ceiling.
    userPasswordScryptLogN: parseInteger(env, 'USER_PASSWORD_SCRYPT_LOG_N', 15, 10, 20),
  };
}

function parseMdmConfig(env: Env, environment: RuntimeEnvironment, cwd: string): MdmConfig {
  const simulated = parseAppleConfig(env, environment).mode === 'simulator';
  const trust = nonEmpty(env.MDM_TRUST_SIMULATOR_DEVICE_CA);
  if (trust !== undefined && trust !== 'true' && trust !== 'false')
    throw new ConfigError('MDM_TRUST_SIMULATOR_DEVICE_CA', `must be true or false, not "${trust}".`);
  if (trust === 'true' && !simulated)
    throw new ConfigError(
      'MDM_TRUST_SIMULATOR_DEVICE_CA',
      'is only meaningful with APPLE_DEP_URL=simulator; use MDM_DEVICE_CA_FILE for a simulator elsewhere.',
    );
  const identityKey = nonEmpty(env.MDM_IDENTITY_KEY) ?? 'rsa-2048';
  if (identityKey !== 'rsa-2048' && identityKey !== 'ec-p256')
    throw new ConfigError('MDM_IDENTITY_KEY', `must be rsa-2048 or ec-p256, not "${identityKey}".`);
  const identity = nonEmpty(env.MDM_IDENTITY) ?? 'scep';
  if (!(IDENTITY_KINDS as readonly string[]).includes(identity))
    throw new ConfigError('MDM_IDENTITY', `must be one of ${IDENTITY_KINDS.join(', ')}, not "${identity}".`);
  return {
    trustSimulatorDeviceCa: trust === undefined ? simulated : trust === 'true',
    extraDeviceCaPems: readCertificateFile(env, cwd, 'MDM_DEVICE_CA_FILE'),
    extraAttestationRootPems: readCertificateFile(env, cwd, 'MDM_ATTESTATION_CA_FILE'),
    identityKey,
    identity: identity as IdentityKindSetting,
    scepChallengeTtlMs: parseInteger(env, 'MDM_SCEP_CHALLENGE_MINUTES', 15, 1, 1440) * 60_000,
  };
}

function readCertificateFile(env: Env, cwd: string, variable: 'MDM_DEVICE_CA_FILE' | 'MDM_ATTESTATION_CA_FILE'): string[] {
  const raw = nonEmpty(env[variable]);
  if (raw === undefined) return [];
  const file = path.resolve(cwd, raw);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(variable, `cannot read ${file}: ${(error as Error).message}`);
  }
  const pems = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (pems.length === 0) throw new ConfigError(variable, `${file} holds no PEM certificate.`);
  for (const pem of pems) {
    try {
      new crypto.X509Certificate(pem);
    } catch (error) {
      throw new ConfigError(variable, `${file} holds a certificate that cannot be read: ${(error as Error).message}`);
    }
  }
  return pems;
}

function parseCostConfig(env: Env): GraphQLCostConfig {
  const maxComplexity = parseInteger(env, 'GRAPHQL_MAX_COMPLEXITY', 20_000, 10, 10_000_000);
  const budget = parseInteger(env, 'GRAPHQL_COST_BUDGET', maxComplexity * 10, 0, 1_000_000_000);
  // A budget below the largest operation allowed would refuse that operation for ever, with a retryAfter that lies.
  if (budget !== 0 && budget < maxComplexity) {
    throw new ConfigError('GRAPHQL_COST_BUDGET', `must be 0 (off) or at least GRAPHQL_MAX_COMPLEXITY (${maxComplexity}), not ${budget}.`);
  }
  const restoreRate = parseInteger(env, 'GRAPHQL_COST_RESTORE_RATE', Math.max(1, Math.floor(budget / 20)), 1, 1_000_000_000);
  return { budget, restoreRate };
}

/**
 * The trusted-documents mode and, unless it is `off`, its manifest: read and checked now, so a
 * missing or stale manifest stops the start instead of refusing the console's every request.
 */
function parseTrustedDocuments(env: Env, cwd: string): TrustedDocumentsConfig {
  const mode = nonEmpty(env.GRAPHQL_TRUSTED_DOCUMENTS) ?? 'off';
  if (mode !== 'off' && mode !== 'allow' && mode !== 'only') {
    throw new ConfigError('GRAPHQL_TRUSTED_DOCUMENTS', `must be off, allow or only, not "${mode}".`);
  }
  const file = path.resolve(cwd, nonEmpty(env.GRAPHQL_TRUSTED_DOCUMENTS_FILE) ?? path.join('web', 'trusted-documents.json'));
  if (mode === 'off') return { mode, file, documents: new Map() };
  const variable = 'GRAPHQL_TRUSTED_DOCUMENTS_FILE';
  let manifest: unknown;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      variable,
      `cannot read the manifest ${file} (needed with GRAPHQL_TRUSTED_DOCUMENTS=${mode}): ${(error as Error).message}`,
    );
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    throw new ConfigError(variable, `${file} must hold a JSON object of sha256 hex -> document.`);
  }
  const documents = new Map<string, string>();
  for (const [hash, document] of Object.entries(manifest)) {
    if (!/^[0-9a-f]{64}$/.test(hash) || typeof document !== 'string') {
      throw new ConfigError(variable, `${file}: "${hash.slice(0, 80)}" is not a lower-case sha256 hex mapped to a document string.`);
    }
    if (crypto.createHash('sha256').update(document, 'utf8').digest('hex') !== hash) {
      throw new ConfigError(variable, `${file}: the document under ${hash} has another sha256; regenerate the manifest.`);
    }
    documents.set(hash, document);
  }
  return { mode, file, documents };
}

function parseRedisUrl(value: string | undefined): string | null {
  const raw = nonEmpty(value);
  if (raw === undefined) return null;
  if (!/^rediss?:\/\/[^/\s]+/.test(raw))
    throw new ConfigError('REDIS_URL', `must look like redis://host:6379 (or rediss:// for TLS), not "${redactUrl(raw)}".`);
  return raw;
}

/**
 * Unset `APPLE_DEP_URL` means the simulator everywhere but production, so `npm start` works on
 * a laptop with no Apple account, and a production deployment can never talk to the simulator
 * by accident. `APPLE_DEP_URL=simulator` asks for it explicitly (benchmarks run in production mode).
 */
function parseAppleConfig(env: Env, environment: RuntimeEnvironment): AppleConfig {
  const userAgent = nonEmpty(env.APPLE_DEP_USER_AGENT) ?? DEFAULT_APPLE_USER_AGENT;
  if (/[^\x20-\x7e]/.test(userAgent)) throw new ConfigError('APPLE_DEP_USER_AGENT', 'must be printable ASCII (it is an HTTP header).');
  const raw = nonEmpty(env.APPLE_DEP_URL) ?? (environment === 'production' ? APPLE_DEP_PRODUCTION_URL : 'simulator');
  if (raw === 'simulator') {
    return {
      mode: 'simulator',
      userAgent,
      simulatorPort: parseInteger(env, 'APPLE_SIMULATOR_PORT', 8081, 0, 65535),
      simulatorDevices: parseInteger(env, 'APPLE_SIMULATOR_DEVICES', 300, 10, 500_000),
    };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      'APPLE_DEP_URL',
      `is not a URL ("${raw}"); use ${APPLE_DEP_PRODUCTION_URL}, another http(s) URL, or \`simulator\`.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('APPLE_DEP_URL', `must be http or https, not "${url.protocol}".`);
  }
  if (url.search || url.hash) throw new ConfigError('APPLE_DEP_URL', 'must not have a query or fragment.');
  return { mode: 'apple', depUrl: url.toString().replace(/\/+$/, ''), userAgent };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function parseEnvironment(value: string | undefined): RuntimeEnvironment {
  const v = nonEmpty(value) ?? 'development';
  if (v === 'development' || v === 'production' || v === 'test') return v;
  throw new ConfigError('NODE_ENV', `must be development, production or test, not "${v}".`);
}

function parseInteger(env: Env, variable: string, fallback: number, min: number, max: number): number {
  const raw = nonEmpty(env[variable]);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(variable, `must be a whole number from ${min} to ${max}, not "${raw}".`);
  }
  return Number(raw);
}

/**
 * `sqlite:<path>` (relative paths from the working directory), `sqlite::memory:` is refused
 * because every instance and the CLI must see the same data; `postgres://` or
 * `postgresql://` with an optional `?schema=` that Homeroom applies itself (node-postgres would
 * otherwise pass it to the server as an unknown startup parameter).
 */
export function parseDatabaseUrl(value: string | undefined, dataDir: string, cwd: string): DatabaseConfig {
  const raw = nonEmpty(value);
  if (raw === undefined) return { type: 'sqlite', path: path.join(dataDir, 'homeroom.sqlite') };
  const hint = 'Use sqlite:<path> or postgres://user:password@host:port/database.';
  if (raw.startsWith('sqlite:')) {
    const file = raw.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file || file === ':memory:') {
      throw new ConfigError('DATABASE_URL', `needs a file path after "sqlite:" (in-memory databases are not shared with the CLI). ${hint}`);
    }
    return { type: 'sqlite', path: path.resolve(cwd, file) };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', `is not a URL ("${redactUrl(raw)}"). ${hint}`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `has unsupported scheme "${url.protocol}". ${hint}`);
  }
  if (!url.hostname || url.pathname.length <= 1) {
    throw new ConfigError('DATABASE_URL', `must name a host and a database ("${redactUrl(raw)}"). ${hint}`);
  }
  const schema = url.searchParams.get('schema') ?? undefined;
  if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new ConfigError('DATABASE_URL', `schema "${schema}" must be a plain identifier.`);
  }
  url.searchParams.delete('schema');
  return schema === undefined ? { type: 'postgres', url: url.toString() } : { type: 'postgres', url: url.toString(), schema };
}

/** Hides a password in a URL before it goes into a message or a log, even in a malformed one. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    // Unparseable: everything between the scheme and the last '@' may be a password.
    return raw.replace(/:\/\/.*@/, '://***@');
  }
}

export function parseSecretKey(value: string | undefined): Buffer | null {
  const raw = nonEmpty(value);
  if (raw === undefined) return null;
  // Exactly 32 bytes: 64 hex digits, or 43 base64 characters plus one '=' of padding.
  if (/^[0-9a-fA-F]{64}$/.test(raw)) return Buffer.from(raw, 'hex');
  if (/^[A-Za-z0-9+/]{43}=$/.test(raw)) return Buffer.from(raw, 'base64');
  throw new ConfigError(
    'HOMEROOM_SECRET_KEY',
    'must be 32 bytes written as base64 (44 characters) or hex (64 characters). Generate one with `openssl rand -base64 32`.',
  );
}

function parsePublicUrl(value: string | undefined): string | null {
  const raw = nonEmpty(value);
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('PUBLIC_URL', `is not a URL ("${raw}"); for example https://homeroom.school.example.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('PUBLIC_URL', `must be http or https, not "${url.protocol}".`);
  }
  // `url.search` is empty for a bare "?", so look at the text itself.
  if (raw.includes('?') || raw.includes('#')) throw new ConfigError('PUBLIC_URL', 'must not have a query or fragment.');
  return url.toString().replace(/\/+$/, '');
}

function parseLogLevel(value: string | undefined): LogLevel {
  const v = (nonEmpty(value) ?? 'info').toLowerCase();
  if ((LOG_LEVELS as readonly string[]).includes(v)) return v as LogLevel;
  throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, not "${value}".`);
}

function parseCorsOrigins(value: string | undefined): '*' | readonly string[] {
  const raw = nonEmpty(value);
  if (raw === undefined || raw === '*') return '*';
  const origins = raw
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (origins.length === 0) throw new ConfigError('CORS_ORIGINS', 'lists no origin; use `*` or origins separated by commas.');
  for (const origin of origins) {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    if (!url || url.origin !== origin) {
      throw new ConfigError('CORS_ORIGINS', `"${origin}" is not an origin like https://admin.school.example (no path, no trailing slash).`);
    }
  }
  return origins;
}
