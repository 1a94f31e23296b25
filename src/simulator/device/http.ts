/**
 * The virtual iPad's only way out: HTTP with the global `fetch` (undici keeps connections alive
 * per origin, so a thousand devices against one Homeroom reuse sockets), a timeout on every
 * request, and answers read whole. A device never throws on an HTTP status: the flow decides what
 * a status means; only a failed exchange (refused, reset, timed out) throws {@link DeviceHttpError}.
 */

/** A whole HTTP answer. */
export interface HttpAnswer {
  readonly status: number;
  /** Lower case, parameters included (`application/json; charset=utf-8`), '' when absent. */
  readonly contentType: string;
  readonly headers: Headers;
  readonly body: Buffer;
}

/** An exchange that produced no HTTP answer. */
export class DeviceHttpError extends Error {
  /** The socket error's code (`ECONNRESET`, `ECONNREFUSED`, ...), when the failure had one. */
  readonly code: string | undefined;

  constructor(
    readonly url: string,
    message: string,
    options?: { cause?: unknown; code?: string | undefined },
  ) {
    super(message, options);
    this.name = 'DeviceHttpError';
    this.code = options?.code;
  }
}

/** Default time allowed for one exchange. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** The global `fetch`'s shape: a device takes another one to have its network fail on cue (fault injection). */
export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** How a device reaches the network: the time allowed per exchange and the `fetch` it uses. */
export interface Transport {
  readonly timeoutMs?: number;
  readonly fetch?: Fetch;
}

/**
 * Socket errors that mean a kept-alive connection was closed under the request: the server closed
 * it as idle just as the request went out. Nothing was answered, so an idempotent request is sent
 * again once on a new connection, as Apple's network stack does; any other request fails.
 */
const STALE_CONNECTION_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD']);

/** One request; resolves with the answer whatever its status. */
export async function send(
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: Buffer | string },
  transport: Transport = {},
): Promise<HttpAnswer> {
  try {
    return await exchange(url, init, transport);
  } catch (error) {
    const code = (error as DeviceHttpError).code;
    if (!IDEMPOTENT_METHODS.has(init.method) || code === undefined || !STALE_CONNECTION_CODES.has(code)) throw error;
    return exchange(url, init, transport);
  }
}

async function exchange(
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: Buffer | string },
  transport: Transport,
): Promise<HttpAnswer> {
  const request = transport.fetch ?? fetch;
  let response: Response;
  let body: Buffer;
  try {
    response = await request(url, {
      method: init.method,
      headers: init.headers,
      body: init.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(transport.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
    });
    body = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new DeviceHttpError(url, `${init.method} ${url} failed: ${why}`, { cause: error, code: cause?.code });
  }
  return {
    status: response.status,
    contentType: (response.headers.get('content-type') ?? '').toLowerCase(),
    headers: response.headers,
    body,
  };
}

/** A body for a trace or a failure: text, cut to 500 characters. */
export function bodyExcerpt(body: Buffer): string {
  const text = body.toString('utf8');
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

/** The transport a device's options ask for: a timeout and a `fetch` of their own, when given. */
export function transportOf(options: { readonly requestTimeoutMs?: number | undefined; readonly fetch?: Fetch | undefined }): Transport {
  return {
    ...(options.requestTimeoutMs === undefined ? {} : { timeoutMs: options.requestTimeoutMs }),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
}
