/**
 * The School Manager API's HTTP surface shared by its endpoints: the paths and limits Apple
 * documents, the answer shape (JSON:API or CSV text), JSON:API and OAuth errors, cursor paging
 * with `links.next`, the route names faults and stats use, and writing an answer out.
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';

/** The token endpoint's path (Apple: `https://account.apple.com/auth/oauth2/token`). */
export const ASM_TOKEN_PATH = '/auth/oauth2/token';
/** The `aud` a client assertion must carry. */
export const ASM_ASSERTION_AUDIENCE = 'https://account.apple.com/auth/oauth2/v2/token';
/** Scopes: Apple School Manager's and Apple Business Manager's. */
export const ASM_SCOPES = ['school.api', 'business.api'] as const;
/** Access tokens live an hour. */
export const ASM_ACCESS_TOKEN_SECONDS = 3600;
/** Apple caps a client assertion's lifetime at 180 days. */
export const ASM_MAX_ASSERTION_SECONDS = 180 * 24 * 3600;
/** `limit` of list endpoints: default and largest. */
export const ASM_DEFAULT_LIMIT = 100;
export const ASM_MAX_LIMIT = 1000;

export interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
  /** A non-JSON body (CSV logs). */
  readonly text?: { readonly contentType: string; readonly content: string };
}

const JSON_API_TYPE = 'application/json';

export function jsonApiError(status: number, code: string, detail: string, headers?: Record<string, string>): Answer {
  return {
    status,
    body: { errors: [{ id: randomUUID(), status: String(status), code, title: code.replace(/[._]/g, ' ').toLowerCase(), detail }] },
    ...(headers ? { headers } : {}),
  };
}

export function oauthError(error: string, description: string): Answer {
  return { status: 400, body: { error, error_description: description } };
}

export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function limitOf(url: URL): number | Answer {
  const raw = url.searchParams.get('limit');
  if (raw === null) return ASM_DEFAULT_LIMIT;
  const limit = Number(raw);
  if (!/^\d+$/.test(raw) || limit < 1 || limit > ASM_MAX_LIMIT)
    return jsonApiError(400, 'PARAMETER_ERROR.INVALID', `limit must be an integer from 1 to ${ASM_MAX_LIMIT}.`);
  return limit;
}

export function cursorOf(url: URL): number | Answer {
  const raw = url.searchParams.get('cursor');
  if (raw === null) return 0;
  const offset = Number(Buffer.from(raw, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0) return jsonApiError(400, 'PARAMETER_ERROR.INVALID', 'cursor is not valid.');
  return offset;
}

/** One page of `items` with JSON:API paging links. */
export function page<T>(items: readonly T[], url: URL, origin: string, render: (item: T) => unknown): Answer {
  const limit = limitOf(url);
  if (typeof limit !== 'number') return limit;
  const offset = cursorOf(url);
  if (typeof offset !== 'number') return offset;
  const slice = items.slice(offset, offset + limit);
  const self = new URL(url.pathname + url.search, origin).toString();
  const more = offset + limit < items.length;
  const links: Record<string, string> = { self };
  let nextCursor: string | undefined;
  if (more) {
    nextCursor = Buffer.from(String(offset + limit)).toString('base64url');
    const next = new URL(url.pathname, origin);
    next.searchParams.set('cursor', nextCursor);
    next.searchParams.set('limit', String(limit));
    links.next = next.toString();
  }
  return {
    status: 200,
    body: {
      data: slice.map(render),
      links,
      meta: { paging: { limit, total: items.length, ...(nextCursor ? { nextCursor } : {}) } },
    },
  };
}

/** The route pattern faults and stats name (`GET /v1/orgDevices/{id}`). */
export function routeOf(method: string, path: string): string {
  if (path === ASM_TOKEN_PATH) return `${method} ${path}`;
  const parts = path.split('/').filter(Boolean);
  const named = parts.map((part, index) => (index >= 2 && index % 2 === 0 && parts[index - 1] !== 'relationships' ? '{id}' : part));
  return `${method} /${named.join('/')}`;
}

/** Writes an answer (JSON:API's `application/json`, or the CSV text). */
export function sendAnswer(res: http.ServerResponse, answer: Answer): void {
  if (answer.text) {
    res.writeHead(answer.status, {
      ...answer.headers,
      'Content-Type': answer.text.contentType,
      'Content-Length': Buffer.byteLength(answer.text.content),
    });
    res.end(answer.text.content);
    return;
  }
  const body = answer.body === null ? '' : JSON.stringify(answer.body);
  res.writeHead(answer.status, { ...answer.headers, 'Content-Type': JSON_API_TYPE, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}
