/**
 * The rehearsal: "what happens on the first day of term, when hundreds of iPads come out of their
 * boxes?" `runScenario` reads the token's devices from Homeroom's GraphQL API (as any client would),
 * picks `count` of them in an order the seed decides, and powers on a virtual iPad for each, at most
 * `concurrency` at once, each with its own seeded randomness. Faults are injected on devices the
 * seed chooses: a wrong password typed at the sign-in (only where the profile asks for a user), or
 * the network lost at activation. The report counts the outcomes, the failures by reason (failure.ts)
 * and the time per stage (stages.ts). A device Apple has no configuration for ends unmanaged: that
 * is what it should do, not a failure. With `sharedSignIns`, each iPad that enrolled as a Shared
 * iPad then has users sign in (the first lesson), and the report counts them.
 */
import type { KeySource } from './scep-client.js';
import { FAILURE_REASONS, type FailureReason } from './failure.js';
import { tokenDevices, type HomeroomApi, type TokenDevice } from './homeroom-api.js';
import type { Fetch } from './http.js';
import { seededRandom, type RandomSource } from './identifiers.js';
import { percentile, STAGES, stageDurations, type Stage } from './stages.js';
import type { Credentials } from './users.js';
import { VirtualIPad } from './virtual-ipad.js';

/** The faults a rehearsal injects, on devices the seed chooses. */
export interface ScenarioFaults {
  /** This many devices whose profile asks for a user type a wrong password at every attempt. */
  readonly wrongPassword?: number;
  /** This many devices lose the network at activation (the lookup at Apple gets no answer). */
  readonly networkFailures?: number;
}

/** Users signing in on Shared iPads once they are enrolled (user-channel TokenUpdates: users.ts). */
export interface ScenarioSharedSignIns {
  /** Users signing in, one after the other, on each iPad that enrolled as a Shared iPad. */
  readonly perDevice: number;
  /**
   * Their usernames (Managed Apple Accounts, e.g. the directory's students): the device at place
   * `index` in the order gets `users[(index * perDevice + k) % users.length]` for k < perDevice.
   */
  readonly users: readonly string[];
}

/**
 * Which devices a rehearsal may power on: the token's, read from Homeroom's GraphQL API as any
 * client would (the shell's `homeroom simulate devices`), or a list the caller already holds
 * (Homeroom's own rehearsal service, which reads its database and has no API key to spend).
 */
export type ScenarioDevices =
  | {
      /** Homeroom's base URL (GraphQL at `/graphql`; the devices learn the MDM URLs from Apple). */
      readonly homeroomUrl: string;
      /** An API key that may read the token's devices (any role). */
      readonly apiKey: string;
      /** Global ID of the enrollment program token. */
      readonly tokenId: string;
      readonly devices?: undefined;
    }
  | {
      /** The devices to choose from, as the token's listing would give them. */
      readonly devices: readonly TokenDevice[];
    };

export type ScenarioOptions = ScenarioSettings & ScenarioDevices;

/** How a rehearsal runs, wherever its devices come from. */
export interface ScenarioSettings {
  /** The Apple simulator (factory identities, activation lookups). */
  readonly appleUrl: string;
  /** How many of the token's devices to power on; default all of them. */
  readonly count?: number;
  /** At most this many devices running at once; default 50. */
  readonly concurrency?: number;
  /** Decides which devices, in what order, which get faults, and each device's UDID and tokens; default 1. */
  readonly seed?: number;
  /** Who signs in on a device whose profile asks for a user: per device, or a list handed out in turn. */
  readonly credentials?: ((serialNumber: string, index: number) => Credentials | null) | readonly Credentials[];
  readonly faults?: ScenarioFaults;
  /** Shared iPad sign-ins after enrollment; none by default. */
  readonly sharedSignIns?: ScenarioSharedSignIns;
  /** Called as each device comes to rest. */
  readonly onProgress?: (progress: ScenarioProgress) => void;
  /** Between connect polls while a device awaits DeviceConfigured; default 500 ms. */
  readonly pollIntervalMs?: number;
  /** Polls before a device gives up on DeviceConfigured; default 600. */
  readonly maxConnectPolls?: number;
  /** Time allowed per HTTP exchange; default 30 s. */
  readonly requestTimeoutMs?: number;
  /** Where SCEP enrollments' device keys come from; default each device makes a new RSA key. */
  readonly scepKeys?: KeySource;
  /**
   * Once aborted, no further device is powered on; those already on finish their run. The report
   * then covers the devices that ran (a stopping server ends its rehearsals this way).
   */
  readonly signal?: AbortSignal;
}

/** Where a rehearsal stands. */
export interface ScenarioProgress {
  readonly done: number;
  readonly total: number;
  readonly enrolled: number;
  readonly unmanaged: number;
  readonly failed: number;
}

/** Failure reasons of a rehearsal: the devices' own, and `SIMULATOR_ERROR` when a virtual iPad could not be made or crashed. */
export type ScenarioFailureReason = FailureReason | 'SIMULATOR_ERROR';

/** A fault the rehearsal put on a device. */
export type InjectedFault = 'WRONG_PASSWORD' | 'NETWORK_FAILURE';

/** What happened to one device. */
export interface DeviceOutcome {
  readonly serialNumber: string;
  readonly result: 'ENROLLED' | 'UNMANAGED' | 'FAILED';
  readonly reason?: ScenarioFailureReason;
  readonly message?: string;
  readonly fault?: InjectedFault;
  /**
   * False only for a failure no injected fault explains; a wrong password ending WRONG_CREDENTIALS
   * and a lost network ending NETWORK_FAILURE are expected, as are enrolled and unmanaged devices.
   */
  readonly expected: boolean;
  /** Who signed in at enrollment, when the profile asked. */
  readonly user?: string | null;
  /** The Shared iPad sign-ins after enrollment, when asked for and the device is a Shared iPad. */
  readonly sharedSignIns?: SharedSignInOutcome;
  readonly stages: Partial<Record<Stage, number>>;
}

/** Users who signed in on one Shared iPad, those it evicted beyond MaximumResidentUsers, and the error that stopped the rest. */
export interface SharedSignInOutcome {
  readonly signedIn: readonly string[];
  readonly evicted: readonly string[];
  /** Why a sign-in failed (the MDM refused the user channel, ...); the later ones were not tried. */
  readonly error?: string;
}

/** The rehearsal's report. */
export interface ScenarioReport {
  readonly count: number;
  readonly enrolled: number;
  readonly unmanaged: number;
  /** Failed devices by reason (only reasons that occurred). */
  readonly failed: Partial<Record<ScenarioFailureReason, number>>;
  /** Failures no injected fault explains. */
  readonly unexpectedFailures: number;
  readonly durationMs: number;
  /** p50 and p95 of each stage over the devices that went through it. */
  readonly stages: Record<Stage, { readonly count: number; readonly p50Ms: number; readonly p95Ms: number }>;
  /** The serials each fault was put on. */
  readonly faults: { readonly wrongPassword: readonly string[]; readonly networkFailures: readonly string[] };
  /**
   * Shared iPad sign-ins: on how many iPads users signed in, how many sign-ins succeeded, how many
   * resident users they evicted, and how many failed (each failure is unexpected). Zeros when not asked for.
   */
  readonly sharedSignIns: { readonly devices: number; readonly signedIn: number; readonly evicted: number; readonly failed: number };
  /** One outcome per device, in the order they were powered on. */
  readonly devices: readonly DeviceOutcome[];
}

/** Fisher-Yates with `random`: the seeded order. */
function shuffled<T>(items: readonly T[], random: RandomSource): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** A network that is down for the activation lookup, as when the Wi-Fi drops right after it joined. */
const offlineAtActivation: Fetch = (url, init) =>
  url.endsWith('/activation/profile')
    ? Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('network is unreachable'), { code: 'ENETUNREACH' }) }))
    : fetch(url, init);

/** What the person at a faulty device types: the right username with a wrong password, every time. */
function wrongPasswordFor(serialNumber: string, right: Credentials | null): Credentials {
  return { username: right?.username ?? `nobody-${serialNumber.toLowerCase()}`, password: `${right?.password ?? ''}-not-my-password` };
}

/** Chooses the devices and their faults; exported for tests of the choice itself. */
export function planScenario(devices: readonly TokenDevice[], options: Pick<ScenarioSettings, 'count' | 'seed' | 'faults'>) {
  const random = seededRandom(options.seed ?? 1);
  const count = Math.min(options.count ?? devices.length, devices.length);
  const picked = shuffled(devices, random).slice(0, count);
  const askedForUser = shuffled(
    picked.filter((device) => device.userAffinity),
    random,
  );
  const wrongPassword = new Set(askedForUser.slice(0, options.faults?.wrongPassword ?? 0).map((device) => device.serialNumber));
  const others = shuffled(
    picked.filter((device) => !wrongPassword.has(device.serialNumber)),
    random,
  );
  const networkFailures = new Set(others.slice(0, options.faults?.networkFailures ?? 0).map((device) => device.serialNumber));
  return { picked, wrongPassword, networkFailures };
}

/**
 * Runs a rehearsal to the end and reports it.
 *
 * @throws HomeroomApiError when Homeroom cannot list the token's devices
 */
export async function runScenario(options: ScenarioOptions): Promise<ScenarioReport> {
  const started = performance.now();
  const devices =
    options.devices === undefined
      ? await tokenDevices({ url: options.homeroomUrl, apiKey: options.apiKey } satisfies HomeroomApi, options.tokenId)
      : options.devices;
  const { picked, wrongPassword, networkFailures } = planScenario(devices, options);
  const seed = options.seed ?? 1;
  const credentialsOf = (serialNumber: string, index: number): Credentials | null => {
    const source = options.credentials;
    if (!source) return null;
    if (typeof source === 'function') return source(serialNumber, index);
    return source.length === 0 ? null : source[index % source.length]!;
  };

  const outcomes: DeviceOutcome[] = new Array<DeviceOutcome>(picked.length);
  const tally = { done: 0, enrolled: 0, unmanaged: 0, failed: 0 };
  const powerOn = async (device: TokenDevice, index: number): Promise<DeviceOutcome> => {
    const { serialNumber } = device;
    const fault: InjectedFault | undefined = wrongPassword.has(serialNumber)
      ? 'WRONG_PASSWORD'
      : networkFailures.has(serialNumber)
        ? 'NETWORK_FAILURE'
        : undefined;
    const right = credentialsOf(serialNumber, index);
    const credentials = fault === 'WRONG_PASSWORD' ? wrongPasswordFor(serialNumber, right) : right;
    let ipad: VirtualIPad;
    try {
      ipad = await VirtualIPad.create({
        appleUrl: options.appleUrl,
        serialNumber,
        // Each device its own stream, so its UDID and tokens do not depend on the order devices finish in.
        random: seededRandom((Math.imul(seed, 0x9e3779b1) + index + 1) >>> 0),
        connectPollIntervalMs: options.pollIntervalMs ?? 500,
        maxConnectPolls: options.maxConnectPolls ?? 600,
        ...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
        ...(options.scepKeys ? { scepKeys: options.scepKeys } : {}),
        ...(credentials ? { credentials } : {}),
        ...(fault === 'NETWORK_FAILURE' ? { fetch: offlineAtActivation } : {}),
      });
      await ipad.powerOn();
    } catch (error) {
      return {
        serialNumber,
        result: 'FAILED',
        reason: 'SIMULATOR_ERROR',
        message: (error as Error).message,
        expected: false,
        stages: {},
        ...(fault ? { fault } : {}),
      };
    }
    const run = ipad.trace.slice(ipad.trace.map((entry) => entry.step).lastIndexOf('POWER_ON'));
    const stages = stageDurations(run);
    const faulted = fault ? { fault } : {};
    if (ipad.state === 'HOME') {
      if (!ipad.managed) return { serialNumber, result: 'UNMANAGED', expected: true, stages, ...faulted };
      const signIns = ipad.sharedIPad && options.sharedSignIns ? await signInUsers(ipad, options.sharedSignIns, index) : undefined;
      return {
        serialNumber,
        result: 'ENROLLED',
        expected: true,
        user: ipad.enrollment!.user,
        ...(signIns ? { sharedSignIns: signIns } : {}),
        stages,
        ...faulted,
      };
    }
    const failure = ipad.failure!;
    const expected =
      (fault === 'WRONG_PASSWORD' && failure.reason === 'WRONG_CREDENTIALS') ||
      (fault === 'NETWORK_FAILURE' && failure.reason === 'NETWORK_FAILURE');
    return { serialNumber, result: 'FAILED', reason: failure.reason, message: failure.message, expected, stages, ...faulted };
  };

  let next = 0;
  const worker = async () => {
    while (next < picked.length && !options.signal?.aborted) {
      const index = next;
      next += 1;
      const outcome = await powerOn(picked[index]!, index);
      outcomes[index] = outcome;
      tally.done += 1;
      if (outcome.result === 'ENROLLED') tally.enrolled += 1;
      else if (outcome.result === 'UNMANAGED') tally.unmanaged += 1;
      else tally.failed += 1;
      options.onProgress?.({ ...tally, total: picked.length });
    }
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 50, picked.length || 1));
  await Promise.all(Array.from({ length: concurrency }, worker));
  // Stopped early: the devices never powered on have no outcome and are left out of the report.
  const ran = outcomes.filter((outcome) => outcome !== undefined);
  return report(ran, performance.now() - started, {
    wrongPassword: picked.filter((device) => wrongPassword.has(device.serialNumber)).map((device) => device.serialNumber),
    networkFailures: picked.filter((device) => networkFailures.has(device.serialNumber)).map((device) => device.serialNumber),
  });
}

/** The users of `plan` for the device at `index` sign in one after the other; the first failure stops the rest. */
async function signInUsers(ipad: VirtualIPad, plan: ScenarioSharedSignIns, index: number): Promise<SharedSignInOutcome> {
  const signedIn: string[] = [];
  const evicted: string[] = [];
  if (plan.users.length === 0) return { signedIn, evicted };
  for (let k = 0; k < plan.perDevice; k += 1) {
    const shortName = plan.users[(index * plan.perDevice + k) % plan.users.length]!;
    try {
      evicted.push(...(await ipad.signIn({ shortName })).evicted);
    } catch (error) {
      return { signedIn, evicted, error: (error as Error).message };
    }
    signedIn.push(shortName);
  }
  return { signedIn, evicted };
}

function report(outcomes: readonly DeviceOutcome[], durationMs: number, faults: ScenarioReport['faults']): ScenarioReport {
  const failed: Partial<Record<ScenarioFailureReason, number>> = {};
  // Reasons in the documented order, so reports read the same run to run.
  for (const reason of [...FAILURE_REASONS, 'SIMULATOR_ERROR'] as const) {
    const n = outcomes.filter((outcome) => outcome.reason === reason).length;
    if (n > 0) failed[reason] = n;
  }
  const stages = {} as Record<Stage, { count: number; p50Ms: number; p95Ms: number }>;
  for (const stage of STAGES) {
    const values = outcomes.flatMap((outcome) => (outcome.stages[stage] === undefined ? [] : [outcome.stages[stage]]));
    stages[stage] = { count: values.length, p50Ms: percentile(values, 0.5), p95Ms: percentile(values, 0.95) };
  }
  const signIns = outcomes.flatMap((outcome) => (outcome.sharedSignIns ? [outcome.sharedSignIns] : []));
  return {
    count: outcomes.length,
    enrolled: outcomes.filter((outcome) => outcome.result === 'ENROLLED').length,
    unmanaged: outcomes.filter((outcome) => outcome.result === 'UNMANAGED').length,
    failed,
    unexpectedFailures: outcomes.filter((outcome) => outcome.result === 'FAILED' && !outcome.expected).length,
    durationMs: Math.round(durationMs),
    stages,
    faults,
    sharedSignIns: {
      devices: signIns.filter((signIn) => signIn.signedIn.length > 0).length,
      signedIn: signIns.reduce((sum, signIn) => sum + signIn.signedIn.length, 0),
      evicted: signIns.reduce((sum, signIn) => sum + signIn.evicted.length, 0),
      failed: signIns.filter((signIn) => signIn.error !== undefined).length,
    },
    devices: outcomes,
  };
}
