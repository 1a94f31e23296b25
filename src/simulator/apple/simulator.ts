/**
 * Assembles the simulated Apple: the organisation's state (generated from the seed, or loaded
 * from `statePath`), the Device Assignment API, the ASM portal, the activation service, faults
 * and persistence, behind one `node:http` request handler. `createAppleSimulator` builds it
 * without listening (embed `handle` anywhere); `startAppleSimulator` also listens.
 *
 * HTTP surface: the DEP API at the root (`/session`, `/account`, ...), the portal under
 * `/portal`, the device lookup at `POST /activation/profile`, and test controls under
 * `/simulator` (faults, session expiry, stats, save, and the device CA that burns identities into
 * virtual iPads). See README.md beside this file.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ActivationService } from './activation.js';
import { CursorCodec } from './cursors.js';
import { DepApi } from './dep-api.js';
import { AttestationCaError, AttestationCertificateAuthority, type AttestationRequest, type DeviceAttestation } from './attestation-ca.js';
import { DeviceCaError, DeviceCertificateAuthority, type DeviceIdentityBundle, type DeviceIdentityRequest } from './device-ca.js';
import { FaultError, Faults, failureHeaders, type Fault } from './faults.js';
import { BodyTooLargeError, isObject, parseJsonBody, readBody, sendEmpty, sendError, sendJson, type ErrorBodyStyle } from './http.js';
import { NonceCache } from './oauth.js';
import { generateOrganization, type SimulatedOrganization } from './organization.js';
import { deserializeState, SaveScheduler, serializeState } from './persistence.js';
import { Portal, PortalError } from './portal.js';
import { SeededRandom } from './random.js';
import { SchoolManagerApi, routeOf, sendAnswer, type CreatedApiAccount } from './school-manager-api.js';
import { SessionStore } from './sessions.js';
import { AppleState } from './state.js';

/** Options of a simulated Apple. */
export interface AppleSimulatorOptions {
  /** Every time Apple reads: token expiry, OAuth timestamps, sessions, cursors, log dates. */
  clock?: { now(): Date };
  /** Same seed and same calls give the same organisation, serials, UUIDs, tokens and cursors. Default 1. */
  seed?: number;
  /** Initial organisation size, 0 to 500,000; default 300. Devices start unassigned. */
  devices?: number;
  /** How many orders the initial devices are split into; default 3. */
  orders?: number;
  /** Overrides of the generated organisation. */
  organization?: Partial<SimulatedOrganization>;
  /** JSON state file: loaded if present (then `seed`, `devices`, `orders` are ignored), saved after changes. */
  statePath?: string | null;
  /** Session lifetime; default 1800 s. */
  sessionLifetimeSeconds?: number;
  /** A new `X-ADM-Auth-Session` every N data calls; default 50, 0 = never. */
  sessionRotateEvery?: number;
  /** `apple` (default): bare `INVALID_CURSOR`; `depsim`: JSON-quoted `"INVALID_CURSOR"`. */
  errorBodyStyle?: ErrorBodyStyle;
  /** One line per request (`POST /server/devices 200 3ms`) and save errors. */
  log?: (line: string) => void;
  /** Debounce of state saves; default 250 ms. */
  saveDebounceMs?: number;
  /** School Manager API requests each API account may make per clock minute before 429; default 1000. */
  schoolManagerRequestsPerMinute?: number;
  /** Real milliseconds before a School Manager API activity is carried out; default 0 (the next tick). */
  schoolManagerActivityDelayMs?: number;
}

/** A simulated Apple, not listening. */
export interface AppleSimulator {
  /** The whole HTTP surface. */
  handle(req: http.IncomingMessage, res: http.ServerResponse): void;
  readonly portal: Portal;
  readonly faults: Faults;
  readonly activation: ActivationService;
  /** The Apple School Manager API (REST) over the same organisation: API accounts, activities. */
  readonly schoolManager: SchoolManagerApi;
  /** The seed in use (from the options, or from the loaded state file). */
  readonly seed: number;
  /** Expires every session: the next data call answers 401 `UNAUTHORIZED`. */
  expireSessions(): void;
  /** Writes the state file now (no-op without `statePath`). */
  save(): Promise<void>;
  /** Request counts by endpoint (`GET /session`, `POST /server/devices`, `portal`, ...), for tests and the bench. */
  stats(): Record<string, number>;
  /**
   * The simulated "Apple iPhone Device CA" certificate (PEM) that every identity from
   * {@link issueDeviceIdentity} chains to: what an MDM trusts to accept simulated MachineInfo.
   * Made on first use and kept in the state file.
   */
  deviceCertificateAuthorityPem(): string;
  /**
   * The factory's part: a new P-256 identity for a device (any serial, in the organisation or not).
   * Not remembered: each call issues another one.
   *
   * @throws DeviceCaError (`INVALID_SERIAL`, `INVALID_UDID`) for values that are not a serial or a UDID.
   */
  issueDeviceIdentity(request: DeviceIdentityRequest): DeviceIdentityBundle;
  /**
   * The simulated "Apple Enterprise Attestation Root CA" (PEM) that every {@link attestDevice} chain
   * ends at: what an MDM trusts to accept simulated `device-attest-01` attestations. Also served at
   * `GET /simulator/attestation-ca`. Made on first use and kept in the state file.
   */
  attestationRootPem(): string;
  /**
   * Apple's attestation servers' part: a chain (leaf first) vouching for a device's key, serial and
   * UDID, with the freshness code bound in. Also served at `POST /simulator/device-attestations`.
   *
   * @throws AttestationCaError for a bad serial, UDID, key or freshness code.
   */
  attestDevice(request: AttestationRequest): DeviceAttestation;
}

/** A simulated Apple listening on a port. */
export interface RunningAppleSimulator extends AppleSimulator {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  /** Saves, then stops listening and drops open connections. */
  close(): Promise<void>;
}

const systemClock = { now: () => new Date() };
const REFUSED = Symbol('refused');
const DAY_MS = 24 * 3600 * 1000;

function portalErrorBody(code: string, message: string) {
  return { error: { code, message } };
}

/** Builds a simulated Apple (not listening). */
export function createAppleSimulator(options: AppleSimulatorOptions = {}): AppleSimulator {
  const clock = options.clock ?? systemClock;
  const now = () => clock.now().getTime();
  const log = options.log ?? (() => undefined);
  const style: ErrorBodyStyle = options.errorBodyStyle ?? 'apple';
  const statePath = options.statePath ?? null;
  let scheduler: SaveScheduler | null = null;
  const onChange = () => scheduler?.schedule();

  let state: AppleState;
  let seed: number;
  let random: { orders: SeededRandom; ids: SeededRandom; sessions: SeededRandom };
  let generated = false;
  if (statePath !== null && fs.existsSync(statePath)) {
    let loaded: ReturnType<typeof deserializeState>;
    try {
      loaded = deserializeState(fs.readFileSync(statePath, 'utf8'), now, onChange);
    } catch (error) {
      // A half-written or hand-edited file must not leave the admin guessing which file or what to do.
      throw new Error(
        `the Apple simulator cannot load its state file ${statePath}: ${(error as Error).message}. Move it away to start a new organisation.`,
        { cause: error },
      );
    }
    state = loaded.state;
    seed = loaded.seed;
    random = {
      orders: new SeededRandom(loaded.random.orders),
      ids: new SeededRandom(loaded.random.ids),
      sessions: new SeededRandom(loaded.random.sessions),
    };
  } else {
    seed = options.seed ?? 1;
    if (!Number.isInteger(seed)) throw new RangeError('seed must be an integer');
    const organization = generateOrganization(SeededRandom.fromSeed(seed, 'organization'), options.organization);
    state = new AppleState(organization, now, onChange);
    random = {
      orders: SeededRandom.fromSeed(seed, 'orders'),
      ids: SeededRandom.fromSeed(seed, 'ids'),
      sessions: SeededRandom.fromSeed(seed, 'sessions'),
    };
    generated = true;
  }

  const portal = new Portal({ state, ids: random.ids, orders: random.orders, now });
  if (generated) {
    const total = options.devices ?? 300;
    if (!Number.isInteger(total) || total < 0 || total > 500_000) throw new RangeError('devices must be an integer from 0 to 500000');
    const orderCount = Math.min(total, Math.max(1, options.orders ?? 3));
    for (let i = 0; i < orderCount; i += 1) {
      const count = Math.floor((total * (i + 1)) / orderCount) - Math.floor((total * i) / orderCount);
      // Older orders first, about six weeks apart, so order dates read like a purchase history.
      if (count > 0) portal.addOrder({ count, date: new Date(now() - (orderCount - i) * 42 * DAY_MS) });
    }
  }

  const faults = new Faults();
  const sessions = new SessionStore(random.sessions, {
    lifetimeMs: (options.sessionLifetimeSeconds ?? 1800) * 1000,
    rotateEvery: options.sessionRotateEvery ?? 50,
  });
  const nonces = new NonceCache();
  const dep = new DepApi({ state, sessions, nonces, cursors: new CursorCodec(seed), faults, ids: random.ids, now, errorBodyStyle: style });
  const activation = new ActivationService(state);
  const schoolManager = new SchoolManagerApi({
    state,
    faults,
    now,
    ...(options.schoolManagerRequestsPerMinute !== undefined ? { requestsPerMinute: options.schoolManagerRequestsPerMinute } : {}),
    ...(options.schoolManagerActivityDelayMs !== undefined ? { activityDelayMs: options.schoolManagerActivityDelayMs } : {}),
  });
  let deviceCa: DeviceCertificateAuthority | null = state.deviceCa ? DeviceCertificateAuthority.load(state.deviceCa) : null;
  /** The device CA, made (and saved) the first time anything needs it. */
  function deviceAuthority(): DeviceCertificateAuthority {
    if (!deviceCa) {
      deviceCa = DeviceCertificateAuthority.create(clock.now());
      state.deviceCa = deviceCa.record;
      state.changed();
    }
    return deviceCa;
  }
  const issueDeviceIdentity = (request: DeviceIdentityRequest) => deviceAuthority().issue(request, clock.now());
  let attestationCa: AttestationCertificateAuthority | null = state.attestationCa
    ? AttestationCertificateAuthority.load(state.attestationCa)
    : null;
  /** The attestation CA, made (and saved) the first time anything needs it. */
  function attestationAuthority(): AttestationCertificateAuthority {
    if (!attestationCa) {
      attestationCa = AttestationCertificateAuthority.create(clock.now());
      state.attestationCa = attestationCa.record;
      state.changed();
    }
    return attestationCa;
  }
  const attestDevice = (request: AttestationRequest) => attestationAuthority().attest(request, clock.now());
  const counts: Record<string, number> = {};
  const count = (key: string) => (counts[key] = (counts[key] ?? 0) + 1);

  if (statePath !== null) {
    scheduler = new SaveScheduler(
      statePath,
      () => serializeState(state, seed, { orders: random.orders.state(), ids: random.ids.state(), sessions: random.sessions.state() }),
      options.saveDebounceMs ?? 250,
      (error) => log(`apple simulator: saving ${statePath} failed: ${(error as Error).message}`),
    );
    if (generated) scheduler.schedule();
  }

  /** The JSON body, or {@link REFUSED} after answering 400 the way the portal and controls answer errors. */
  function jsonBodyOrRefuse(res: http.ServerResponse, raw: Buffer): unknown {
    try {
      return parseJsonBody(raw);
    } catch {
      sendJson(res, 400, portalErrorBody('MALFORMED_REQUEST_BODY', 'The body is not valid JSON.'));
      return REFUSED;
    }
  }

  async function handlePortal(res: http.ServerResponse, method: string, path: string, query: URLSearchParams, raw: Buffer) {
    const body = jsonBodyOrRefuse(res, raw);
    if (body === REFUSED) return;
    if (method === 'POST' && path === '/portal/api-accounts') {
      const name = isObject(body) && typeof body.name === 'string' ? body.name.trim() : '';
      if (name === '' || name.length > 100) sendJson(res, 400, portalErrorBody('INVALID_REQUEST', 'name must be 1 to 100 characters.'));
      else sendJson(res, 201, schoolManager.createApiAccount(name) satisfies CreatedApiAccount);
      return;
    }
    if (method === 'GET' && path === '/portal/api-accounts') {
      const accounts = [...state.apiAccounts.values()].map(({ name, clientId, keyId, createdAt }) => ({
        name,
        clientId,
        keyId,
        createdAt: new Date(createdAt).toISOString(),
      }));
      sendJson(res, 200, { accounts });
      return;
    }
    try {
      const result = portal.handleHttp(method, path, query, body);
      if (result) sendJson(res, result.status, result.body);
      else sendJson(res, 404, portalErrorBody('NOT_FOUND', `No portal route ${method} ${path}.`));
    } catch (error) {
      if (error instanceof PortalError) sendJson(res, error.status, portalErrorBody(error.code, error.message));
      else if (error instanceof URIError) sendJson(res, 400, portalErrorBody('INVALID_REQUEST', 'The path is not valid.'));
      else throw error;
    }
  }

  async function handleActivation(req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer) {
    if (req.method !== 'POST') {
      sendError(res, 405, 'METHOD_NOT_ALLOWED', style, { Allow: 'POST' });
      return;
    }
    const { delayMs, failure } = faults.onCall('POST /activation/profile', false);
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (failure) {
      sendError(res, failure.status, failure.body, style, failureHeaders(failure, now()));
      return;
    }
    let body: unknown;
    try {
      body = parseJsonBody(raw);
    } catch {
      sendError(res, 400, 'MALFORMED_REQUEST_BODY', style);
      return;
    }
    const result = activation.handleHttp(body);
    if ('code' in result) sendError(res, result.status, result.code, style);
    else sendJson(res, result.status, result.json);
  }

  async function handleControl(res: http.ServerResponse, method: string, path: string, raw: Buffer) {
    const body = jsonBodyOrRefuse(res, raw);
    if (body === REFUSED) return;
    const route = `${method} ${path}`;
    if (route === 'POST /simulator/faults') {
      const list = Array.isArray(body) ? body : [body];
      try {
        const valid = list.map((fault) => {
          if (!isObject(fault)) throw new FaultError('a fault is an object with a kind');
          return fault as unknown as Fault;
        });
        const ids = valid.map((fault) => faults.add(fault));
        sendJson(res, 201, { ids });
      } catch (error) {
        if (!(error instanceof FaultError)) throw error;
        sendJson(res, 400, portalErrorBody('INVALID_FAULT', error.message));
      }
    } else if (route === 'GET /simulator/faults') {
      sendJson(res, 200, { faults: faults.list() });
    } else if (route === 'DELETE /simulator/faults') {
      faults.clear();
      sendEmpty(res, 204);
    } else if (method === 'DELETE' && path.startsWith('/simulator/faults/')) {
      if (faults.remove(decodeURIComponent(path.slice('/simulator/faults/'.length)))) sendEmpty(res, 204);
      else sendJson(res, 404, portalErrorBody('NOT_FOUND', 'No such fault.'));
    } else if (route === 'POST /simulator/sessions/expire') {
      sessions.expireAll();
      sendEmpty(res, 204);
    } else if (route === 'GET /simulator/stats') {
      sendJson(res, 200, { ...counts });
    } else if (route === 'POST /simulator/save') {
      await save();
      sendEmpty(res, 204);
    } else if (method === 'GET' && /^\/simulator\/school-manager\/activities\/[^/]+\/log\.csv$/.test(path)) {
      const csv = schoolManager.activityLog(decodeURIComponent(path.split('/')[4]!));
      if (csv === null) sendJson(res, 404, portalErrorBody('NOT_FOUND', 'No such activity.'));
      else {
        res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Length': Buffer.byteLength(csv) });
        res.end(csv);
      }
    } else if (route === 'GET /simulator/device-ca') {
      const pem = deviceAuthority().certificatePem;
      res.writeHead(200, { 'Content-Type': 'application/x-pem-file', 'Content-Length': Buffer.byteLength(pem) });
      res.end(pem);
    } else if (route === 'GET /simulator/attestation-ca') {
      const pem = attestationAuthority().rootCertificatePem;
      res.writeHead(200, { 'Content-Type': 'application/x-pem-file', 'Content-Length': Buffer.byteLength(pem) });
      res.end(pem);
    } else if (route === 'POST /simulator/device-attestations') {
      try {
        sendJson(res, 200, attestDevice(body as AttestationRequest));
      } catch (error) {
        if (!(error instanceof AttestationCaError)) throw error;
        sendJson(res, 400, portalErrorBody(error.code, error.message));
      }
    } else if (route === 'POST /simulator/device-identities') {
      try {
        sendJson(res, 200, issueDeviceIdentity(body as DeviceIdentityRequest));
      } catch (error) {
        if (!(error instanceof DeviceCaError)) throw error;
        sendJson(res, 400, portalErrorBody(error.code, error.message));
      }
    } else {
      sendJson(res, 404, portalErrorBody('NOT_FOUND', `No simulator route ${route}.`));
    }
  }

  async function dispatch(req: http.IncomingMessage, res: http.ServerResponse) {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://apple.invalid');
    const path = url.pathname;
    const raw = await readBody(req);
    if (path === '/portal' || path.startsWith('/portal/')) {
      count('portal');
      await handlePortal(res, method, path, url.searchParams, raw);
    } else if (path === '/activation/profile') {
      count('POST /activation/profile');
      await handleActivation(req, res, raw);
    } else if (path.startsWith('/simulator/')) {
      count('simulator');
      await handleControl(res, method, path, raw);
    } else if (SchoolManagerApi.knows(path)) {
      count(routeOf(method, path));
      const host = req.headers.host ?? 'apple.invalid';
      sendAnswer(res, await schoolManager.handle(req, method, url, raw, `http://${host}`));
    } else {
      count(DepApi.knows(path) ? `${method} ${path}` : 'unknown');
      await dep.handle(req, res, path, url.searchParams, raw);
    }
  }

  function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const started = Date.now();
    res.on('finish', () => log(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`));
    dispatch(req, res).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) {
        if (!res.headersSent) sendError(res, 413, 'REQUEST_TOO_LARGE', style);
        return;
      }
      log(`apple simulator: ${req.method} ${req.url} failed: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) sendError(res, 500, null, style);
      else res.destroy();
    });
  }

  function save(): Promise<void> {
    return scheduler ? scheduler.flush() : Promise.resolve();
  }

  return {
    handle,
    portal,
    faults,
    activation,
    schoolManager,
    seed,
    expireSessions: () => sessions.expireAll(),
    save,
    stats: () => ({ ...counts }),
    deviceCertificateAuthorityPem: () => deviceAuthority().certificatePem,
    issueDeviceIdentity,
    attestationRootPem: () => attestationAuthority().rootCertificatePem,
    attestDevice,
  };
}

/** Builds a simulated Apple and listens (default `127.0.0.1`, a free port). */
export async function startAppleSimulator(
  options: AppleSimulatorOptions & { port?: number; host?: string } = {},
): Promise<RunningAppleSimulator> {
  const simulator = createAppleSimulator(options);
  const host = options.host ?? '127.0.0.1';
  const server = http.createServer({ keepAliveTimeout: 5000 }, simulator.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | null = null;
  return {
    ...simulator,
    url: `http://${shownHost}:${port}`,
    close() {
      closing ??= (async () => {
        simulator.schoolManager.close();
        await simulator.save();
        await new Promise<void>((resolve, reject) => {
          server.close((error) => (error ? reject(error) : resolve()));
          server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}
