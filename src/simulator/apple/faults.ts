/**
 * Failures on demand, so a client's retry, throttling and paging code can be tested against
 * the misbehaviour Apple is known for (reference sections 3, 4, 7, 8): HTTP errors (429, 500,
 * 503 with `Retry-After`, ...), per-device `THROTTLED` or `FAILED` on assign, slow responses, and the
 * echoed-cursor bug (the cursor sent comes back unchanged with `more_to_follow: true`).
 * Faults are consumed as they fire; `times` says how often, `onCall` delays the first firing to
 * the Nth matching call (counted from when the fault was added).
 */

/** An HTTP failure instead of the endpoint's answer. */
export interface HttpFault {
  kind: 'http';
  status: number;
  /** `'POST /server/devices'`; default: any Device Assignment API call (including `/session`). */
  endpoint?: string;
  /** Seconds, or `'http-date'` for an HTTP-date `httpDateSeconds` (default 120) after the simulator clock. */
  retryAfter?: number | 'http-date';
  httpDateSeconds?: number;
  /** Response body; default: the code Apple would send for that status (empty for 500 and 503). */
  body?: string;
  times?: number;
  onCall?: number;
}

/** `THROTTLED` results on the next assign calls (`POST|PUT /profile/devices`; define-profile's `devices` are not throttled). */
export interface ThrottleFault {
  kind: 'throttle';
  /** Throttle exactly these serials when they appear. */
  serials?: string[];
  /** Throttle the first N serials of each affected call. Without `serials` or `count`: all of them. */
  count?: number;
  retryAfterSeconds: number;
  /** How many assign calls are affected; default 1. */
  times?: number;
}

/**
 * `FAILED` results on the next assign calls (`POST|PUT /profile/devices`): Apple's "unexpected
 * error, retry; contact Apple after 3 failures". Selection as for `ThrottleFault`.
 */
export interface FailAssignFault {
  kind: 'fail-assign';
  /** Fail exactly these serials when they appear. */
  serials?: string[];
  /** Fail the first N serials of each affected call. Without `serials` or `count`: all of them. */
  count?: number;
  /** How many assign calls are affected; default 1. */
  times?: number;
}

/** A pause before the answer. */
export interface DelayFault {
  kind: 'delay';
  ms: number;
  endpoint?: string;
  times?: number;
}

/** Apple's echoed-cursor bug on the next fetch or sync calls that send a cursor. */
export interface EchoCursorFault {
  kind: 'echo-cursor';
  times?: number;
}

/** Any fault. */
export type Fault = HttpFault | ThrottleFault | FailAssignFault | DelayFault | EchoCursorFault;

/** A fault as stored: with its id and counters. */
export interface ActiveFault {
  readonly id: string;
  readonly fault: Fault;
  /** Matching calls seen so far. */
  seen: number;
  /** Times fired so far. */
  fired: number;
}

/** The failure an HTTP fault produces. */
export interface HttpFailure {
  status: number;
  body: string | null;
  retryAfter: number | 'http-date' | null;
  httpDateSeconds: number;
}

const DEFAULT_BODIES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'ACCESS_DENIED',
  404: 'NOT_FOUND',
  429: 'TOO_MANY_REQUESTS',
};

/** The headers an HTTP failure adds: `Retry-After` (seconds or HTTP-date on the simulator clock), and Apple's 401 challenge. */
export function failureHeaders(failure: HttpFailure, now: number): Record<string, string> {
  const headers: Record<string, string> = {};
  if (failure.retryAfter !== null) {
    headers['Retry-After'] =
      failure.retryAfter === 'http-date' ? new Date(now + failure.httpDateSeconds * 1000).toUTCString() : String(failure.retryAfter);
  }
  if (failure.status === 401) headers['WWW-Authenticate'] = 'ADM-Auth-Token';
  return headers;
}

/** Thrown for a fault that does not make sense; the HTTP layer turns it into 400. */
export class FaultError extends Error {}

const positive = (value: unknown) => value === undefined || (Number.isInteger(value) && (value as number) >= 1);

function validateSelection(fault: ThrottleFault | FailAssignFault): void {
  if (fault.serials !== undefined && !(Array.isArray(fault.serials) && fault.serials.every((serial) => typeof serial === 'string'))) {
    throw new FaultError('serials must be a list of strings');
  }
  if (fault.count !== undefined && !positive(fault.count)) throw new FaultError('count must be a positive integer');
}

function validate(fault: Fault): Fault {
  if (!fault || typeof fault !== 'object') throw new FaultError('a fault is an object with a kind');
  if (!positive(fault.times)) throw new FaultError('times must be a positive integer');
  switch (fault.kind) {
    case 'http':
      if (!Number.isInteger(fault.status) || fault.status < 400 || fault.status > 599) throw new FaultError('status must be 400..599');
      if (!positive(fault.onCall)) throw new FaultError('onCall must be a positive integer');
      if (
        fault.retryAfter !== undefined &&
        fault.retryAfter !== 'http-date' &&
        !(Number.isInteger(fault.retryAfter) && fault.retryAfter >= 0)
      ) {
        throw new FaultError("retryAfter must be whole seconds or 'http-date'");
      }
      return fault;
    case 'throttle':
      if (!Number.isInteger(fault.retryAfterSeconds) || fault.retryAfterSeconds < 0)
        throw new FaultError('retryAfterSeconds must be whole seconds');
      validateSelection(fault);
      return fault;
    case 'fail-assign':
      validateSelection(fault);
      return fault;
    case 'delay':
      if (!Number.isInteger(fault.ms) || fault.ms < 0) throw new FaultError('ms must be whole milliseconds');
      return fault;
    case 'echo-cursor':
      return fault;
    default:
      throw new FaultError(`unknown fault kind ${JSON.stringify((fault as { kind?: unknown }).kind)}`);
  }
}

/** The serials of one assign call a throttle or fail-assign fault picks. */
function select(fault: ThrottleFault | FailAssignFault, serials: readonly string[]): string[] {
  if (fault.serials) {
    const wanted = new Set(fault.serials);
    return serials.filter((serial) => wanted.has(serial));
  }
  return fault.count === undefined ? [...serials] : serials.slice(0, fault.count);
}

/** The fault list, programmatic side of `POST|GET|DELETE /simulator/faults`. */
export class Faults {
  private active: ActiveFault[] = [];
  private nextId = 1;

  /** Adds a fault; returns its id. */
  add(fault: Fault): string {
    const id = `fault-${this.nextId++}`;
    this.active.push({ id, fault: validate(fault), seen: 0, fired: 0 });
    return id;
  }

  /** Removes one fault by id; false when there was none. */
  remove(id: string): boolean {
    const before = this.active.length;
    this.active = this.active.filter((entry) => entry.id !== id);
    return this.active.length !== before;
  }

  /** Removes every fault. */
  clear(): void {
    this.active = [];
  }

  /** The faults still armed. */
  list(): ActiveFault[] {
    return [...this.active];
  }

  /** Called once per API call: the total delay to apply, and the HTTP failure to answer with, if any. */
  onCall(endpoint: string, isDepApi: boolean): { delayMs: number; failure: HttpFailure | null } {
    let delayMs = 0;
    let failure: HttpFailure | null = null;
    for (const entry of [...this.active]) {
      const fault = entry.fault;
      if (fault.kind !== 'http' && fault.kind !== 'delay') continue;
      if (fault.endpoint !== undefined ? fault.endpoint !== endpoint : !isDepApi) continue;
      if (fault.kind === 'delay') {
        delayMs += fault.ms;
        this.fire(entry);
        continue;
      }
      if (failure) continue;
      entry.seen += 1;
      if (entry.seen < (fault.onCall ?? 1)) continue;
      failure = {
        status: fault.status,
        body: fault.body ?? DEFAULT_BODIES[fault.status] ?? (fault.status >= 500 ? null : 'BAD_REQUEST'),
        retryAfter: fault.retryAfter ?? null,
        httpDateSeconds: fault.httpDateSeconds ?? 120,
      };
      this.fire(entry);
    }
    return { delayMs, failure };
  }

  /** For one assign call: which serials to throttle and the `retry_after_seconds` to report. */
  throttle(serials: readonly string[]): { throttled: Set<string>; retryAfterSeconds: number } | null {
    const entry = this.active.find((candidate) => candidate.fault.kind === 'throttle');
    if (!entry || entry.fault.kind !== 'throttle') return null;
    const throttled = select(entry.fault, serials);
    if (throttled.length === 0) return null;
    this.fire(entry);
    return { throttled: new Set(throttled), retryAfterSeconds: entry.fault.retryAfterSeconds };
  }

  /**
   * For one assign call: which serials answer `FAILED`. Serials in `throttled` are left out (a
   * throttle wins), and a call where nothing is left does not use up the fault, so a fault aimed
   * at a throttled serial still fails it on the retry.
   */
  failAssign(serials: readonly string[], throttled: ReadonlySet<string> = new Set()): Set<string> | null {
    const entry = this.active.find((candidate) => candidate.fault.kind === 'fail-assign');
    if (!entry || entry.fault.kind !== 'fail-assign') return null;
    const failed = select(entry.fault, serials).filter((serial) => !throttled.has(serial));
    if (failed.length === 0) return null;
    this.fire(entry);
    return new Set(failed);
  }

  /** True when this fetch or sync call (which sent a cursor) should echo it. */
  echoCursor(): boolean {
    const entry = this.active.find((candidate) => candidate.fault.kind === 'echo-cursor');
    if (!entry) return false;
    this.fire(entry);
    return true;
  }

  private fire(entry: ActiveFault): void {
    entry.fired += 1;
    if (entry.fired >= (entry.fault.times ?? 1)) this.active = this.active.filter((candidate) => candidate !== entry);
  }
}
