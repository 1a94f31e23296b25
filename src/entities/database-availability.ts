/**
 * Whether the database answers, as requests find out.
 *
 * While PostgreSQL is down (restarting, failed over, unreachable) every request fails in its
 * first query. Those failures are not bugs: clients get `SERVICE_UNAVAILABLE` with their request
 * id instead of a masked 500, and the log gets one line when the outage starts (with its cause)
 * and one when a query succeeds again, not one per request. Recovery needs nothing from us: the
 * pool opens new connections once the server is back, as `/readyz` shows.
 */
import type { Logger } from '../logger.js';

/** Node's socket errors and PostgreSQL's "cannot serve now" states (SQLSTATE class 08, 57P01-57P03, 53300). */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);
/** node-postgres reports a dropped or refused connection by message only. */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established/i;

/** True when `error` (or what it wraps: TypeORM's `driverError`, a `cause`, GraphQL's `originalError`) says the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const { code, message, driverError, cause, originalError } = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    originalError?: unknown;
  };
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  return [driverError, cause, originalError].some((inner) => inner !== error && isDatabaseUnavailable(inner, depth + 1));
}

/** One log line per outage and one per recovery, however many requests notice. */
export class DatabaseAvailability {
  private down = false;

  constructor(private readonly logger: Logger) {}

  get isDown(): boolean {
    return this.down;
  }

  /** A request found the database unreachable. */
  failed(cause: unknown, requestId: string): void {
    if (this.down) return;
    this.down = true;
    this.logger.error({ err: cause, requestId }, 'database unreachable: requests answer SERVICE_UNAVAILABLE until it answers again');
  }

  /** A request reached the database. */
  succeeded(): void {
    if (!this.down) return;
    this.down = false;
    this.logger.info('database reachable again: serving requests');
  }
}
