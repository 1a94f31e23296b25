/**
 * Trusted documents (`GRAPHQL_TRUSTED_DOCUMENTS`): which GraphQL documents Homeroom runs, checked
 * before anything parses them, over HTTP (an express middleware before Apollo) and websockets
 * (`subscriptions.ts`, on `subscribe`).
 *
 * The manifest (`GRAPHQL_TRUSTED_DOCUMENTS_FILE`, read and checked at start by `config.ts`) maps
 * the sha256 hex of each document string to the document, as the console's build writes it.
 * - `off`: every document runs; Apollo's own automatic persisted queries work as always.
 * - `allow`: as `off`, and a manifest document may be sent by hash alone, Apollo-APQ style
 *   (`extensions.persistedQuery.sha256Hash`, no `query`): the server fills the document in.
 * - `only`: nothing else runs. A `query` whose sha256 is not in the manifest is
 *   UNTRUSTED_DOCUMENT; a hash alone that is not in it is PERSISTED_QUERY_NOT_FOUND (Apollo's
 *   APQ cache is never consulted, so nothing can be registered past the manifest). Explorers
 *   and introspection are refused too unless their documents are listed.
 * Both refusals answer HTTP 400 over HTTP, and an error message on the websocket operation.
 */
import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { TrustedDocumentsConfig } from '../config.js';
import { ErrorCode } from '../errors.js';

/** The document to run (null: none was sent; the transport reports that), or why none runs. */
export type TrustDecision =
  | { readonly trusted: true; readonly query: string | null }
  | {
      readonly trusted: false;
      readonly code: typeof ErrorCode.UNTRUSTED_DOCUMENT | typeof ErrorCode.PERSISTED_QUERY_NOT_FOUND;
      readonly message: string;
    };

function sha256Hex(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/** `extensions.persistedQuery.sha256Hash`, when a string. */
function persistedHashOf(extensions: unknown): string | null {
  const persisted = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined)?.persistedQuery;
  return typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : null;
}

/** The transport-free rule: what runs for this `query` and `extensions` under `config`. */
export function trustDocument(config: TrustedDocumentsConfig, query: unknown, extensions: unknown): TrustDecision {
  const sent = typeof query === 'string' && query.trim() !== '' ? query : null;
  if (config.mode === 'off') return { trusted: true, query: sent };
  if (sent !== null) {
    if (config.mode === 'only' && !config.documents.has(sha256Hex(sent))) {
      return {
        trusted: false,
        code: ErrorCode.UNTRUSTED_DOCUMENT,
        message:
          'This server runs only trusted documents, and this document is not in its manifest. Use the operations the manifest was built from.',
      };
    }
    return { trusted: true, query: sent };
  }
  const hash = persistedHashOf(extensions);
  const listed = hash === null ? undefined : config.documents.get(hash.toLowerCase());
  if (listed !== undefined) return { trusted: true, query: listed };
  if (config.mode === 'only' && hash !== null) {
    return {
      trusted: false,
      code: ErrorCode.PERSISTED_QUERY_NOT_FOUND,
      message: `No trusted document has the sha256 ${hash.slice(0, 64)}; this server runs only the documents of its manifest.`,
    };
  }
  return { trusted: true, query: null };
}

/**
 * The HTTP side: a POST's JSON body or a GET's search parameters. A document found by hash is
 * put where Apollo reads it (the body, or the URL Apollo parses), with the hash left beside it,
 * which Apollo checks against it.
 */
export function trustedDocuments(config: TrustedDocumentsConfig) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (config.mode === 'off') return next();
    const url = new URL(req.url, 'http://homeroom.invalid');
    const body = req.body as Record<string, unknown> | undefined;
    const isGet = req.method === 'GET';
    let extensions: unknown = isGet ? url.searchParams.get('extensions') : body?.['extensions'];
    if (typeof extensions === 'string') {
      try {
        extensions = JSON.parse(extensions);
      } catch {
        // Apollo reports malformed extensions itself.
        extensions = null;
      }
    }
    const decision = trustDocument(config, isGet ? url.searchParams.get('query') : body?.['query'], extensions);
    if (!decision.trusted) {
      res.status(400).json({ errors: [{ message: decision.message, extensions: { code: decision.code } }] });
      return;
    }
    if (decision.query !== null) {
      if (isGet) {
        url.searchParams.set('query', decision.query);
        req.url = url.pathname + url.search;
      } else if (body && typeof body === 'object') {
        body['query'] = decision.query;
      }
    }
    next();
  };
}
