/**
 * What a request gets when its body cannot be read, or when something fails outside a route's
 * own error handling: JSON in the route's format, never Express's default HTML page (which shows
 * the stack and absolute file paths outside production).
 *
 * - `/graphql`: the GraphQL error shape, `{errors: [{message, extensions: {code}}]}`;
 * - `/mdm/*`: the MDM routes' `{code, message}`;
 * - anything else: `{code, message}` too.
 *
 * body-parser marks its errors with `type` and `status`: `entity.too.large` (413,
 * `REQUEST_TOO_LARGE`), `entity.parse.failed` (400), `charset.unsupported` and
 * `encoding.unsupported` (415), `request.aborted` and `request.size.invalid` (400); all but the
 * first answer `REQUEST_MALFORMED`.
 */
import type { ErrorRequestHandler } from 'express';
import { ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';
import { requestIdOf } from './request-id.js';

/** A refusal: the HTTP status, the code and the message for the client. */
export interface RequestFailure {
  readonly status: number;
  readonly code: ErrorCode;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** body-parser's refusal of a body, as a Homeroom failure; null when `error` is not one. */
export function bodyFailure(error: unknown, limitBytes: number): RequestFailure | null {
  if (typeof error !== 'object' || error === null) return null;
  const { type, status } = error as { type?: unknown; status?: unknown };
  if (typeof type !== 'string') {
    // Express's own refusals (a path that does not decode, say) carry a 4xx status and no type.
    if (typeof status === 'number' && status >= 400 && status < 500 && status !== 404) {
      return {
        status,
        code: ErrorCode.REQUEST_MALFORMED,
        message: 'The request cannot be read (its path or headers are malformed).',
        details: {},
      };
    }
    return null;
  }
  if (type === 'entity.too.large') {
    return {
      status: 413,
      code: ErrorCode.REQUEST_TOO_LARGE,
      message: `The request body is larger than the ${limitBytes} bytes this endpoint accepts.`,
      details: { limitBytes },
    };
  }
  const clientStatus = typeof status === 'number' && status >= 400 && status < 500 ? status : 400;
  const message =
    type === 'entity.parse.failed'
      ? 'The request body is not valid JSON.'
      : type === 'charset.unsupported' || type === 'encoding.unsupported'
        ? 'The request body has a charset or Content-Encoding the server does not read; send UTF-8 JSON without compression.'
        : 'The request body could not be read (cut off, or not the length it announced).';
  return { status: clientStatus, code: ErrorCode.REQUEST_MALFORMED, message, details: {} };
}

/** Anything else: the cause is logged under the request id, the client learns only that. */
function unexpected(error: unknown, requestId: string, logger: Logger): RequestFailure {
  logger.error({ err: error, requestId }, 'request failed outside a route');
  return {
    status: 500,
    code: ErrorCode.INTERNAL_SERVER_ERROR,
    message: 'Homeroom failed to handle the request; the server log has the cause under this request id.',
    details: { requestId },
  };
}

function failureOf(error: unknown, limitBytes: number, requestId: string, logger: Logger): RequestFailure {
  return bodyFailure(error, limitBytes) ?? unexpected(error, requestId, logger);
}

/** For the `/graphql` chain: failures as GraphQL errors. */
export function graphqlRequestErrors(limitBytes: number, logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const failure = failureOf(error, limitBytes, requestIdOf(req), logger);
    res.status(failure.status).json({ errors: [{ message: failure.message, extensions: { ...failure.details, code: failure.code } }] });
  };
}

/** For the MDM routes and the last resort of the app: failures as `{code, message}`. */
export function jsonRequestErrors(limitBytes: number, logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const failure = failureOf(error, limitBytes, requestIdOf(req), logger);
    if (failure.status < 500) logger.warn({ code: failure.code, path: req.path, requestId: requestIdOf(req) }, failure.message);
    res.status(failure.status).json({ code: failure.code, message: failure.message, ...failure.details });
  };
}
