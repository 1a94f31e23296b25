/**
 * The one place errors are shaped for clients, for HTTP (Apollo `formatError`) and websockets.
 *
 * Expected failures keep their message and carry their code (and details) in `extensions`;
 * Apollo's own request errors (parse, validation, bad variables) pass through with theirs. Any
 * other error is a bug or an outage: clients see only `INTERNAL_SERVER_ERROR`, never a stack,
 * SQL or file path, and the server logs the cause under the request id.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable } from '../entities/database-availability.js';
import { ErrorCode, HomeroomError, isHomeroomError } from '../errors.js';

const CLIENT_CODES = new Set<string>(Object.values(ErrorCode));
/** Extension keys Apollo or graphql-js add that clients must not see. */
const HIDDEN_EXTENSIONS = new Set(['http', 'stacktrace', 'exception']);

/** The HomeroomError behind an error, through the GraphQLError wrappers graphql-js and Apollo add. */
function homeroomErrorOf(error: unknown, depth = 0): HomeroomError | null {
  if (isHomeroomError(error)) return error;
  if (depth < 5 && error instanceof GraphQLError && error.originalError) return homeroomErrorOf(error.originalError, depth + 1);
  return null;
}

/** True when the error is not one Homeroom or Apollo raised on purpose: log it, mask it. */
export function isUnexpectedError(error: unknown): boolean {
  if (homeroomErrorOf(error) || isDatabaseUnavailable(error)) return false;
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  return !(typeof code === 'string' && CLIENT_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR);
}

/** The database cannot be reached: what clients get instead of a masked internal error. */
export function serviceUnavailable(details: Record<string, unknown> = {}): HomeroomError {
  return new HomeroomError(
    ErrorCode.SERVICE_UNAVAILABLE,
    'The database cannot be reached right now; nothing was changed. Try again shortly.',
    details,
  );
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const where = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  const expected = homeroomErrorOf(error) ?? (isDatabaseUnavailable(error) ? serviceUnavailable() : null);
  if (expected) return { message: expected.message, ...where, extensions: { ...expected.details, code: expected.code } };
  if (!isUnexpectedError(error)) {
    const extensions = Object.fromEntries(Object.entries(formatted.extensions ?? {}).filter(([key]) => !HIDDEN_EXTENSIONS.has(key)));
    return { message: formatted.message, ...where, extensions };
  }
  return {
    message: 'Internal server error. The server log has the cause under this request id.',
    ...where,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
