/**
 * The console's GraphQL client: urql over HTTP for queries and mutations, graphql-ws on the same
 * `/graphql` URL for subscriptions, both authenticated with the pasted API key.
 *
 * Trusted documents only: the console never sends a document's text. Each typed document carries
 * the sha256 the client preset embedded in it (`__meta__.hash`, the key of
 * `web/trusted-documents.json`), and `persistedDocumentExchange` sends just that:
 * `{ operationName, variables, extensions: { persistedQuery: { version: 1, sha256Hash } } }`,
 * over HTTP and graphql-ws alike, so it runs on a Homeroom with `GRAPHQL_TRUSTED_DOCUMENTS=only`.
 *
 * No document cache (urql's `cacheExchange` would add `__typename` to every selection set, and
 * the manifest lists the documents as written): the console refetches after its mutations.
 *
 * `costExchange` keeps the last response's `extensions.cost` for the footer (`useLastCost`).
 */
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { useSyncExternalStore } from 'react';
import {
  Client,
  fetchExchange,
  makeOperation,
  mapExchange,
  subscriptionExchange,
  type Exchange,
  type Operation,
  type OperationResult,
} from 'urql';
import { filter, makeSubject, map, merge, pipe } from 'wonka';
import { bearer } from './api-key';

export interface HomeroomClient {
  readonly client: Client;
  readonly ws: WsClient;
  dispose(): void;
}

/** `extensions.cost` of a Homeroom response (Shopify's shape). */
export interface OperationCost {
  readonly operationName: string | null;
  readonly requestedQueryCost: number;
  readonly throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } | null;
}

/** The websocket URL of this page's Homeroom (`ws://host/graphql`, `wss://` behind TLS). */
export function websocketUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}

/** The sha256 the client preset embedded in a typed document, if any. */
export function documentHash(document: unknown): string | null {
  const hash = (document as { __meta__?: { hash?: unknown } } | null)?.__meta__?.hash;
  return typeof hash === 'string' ? hash : null;
}

/** True while Homeroom is known to run documents by hash; false after one it did not know. */
let byHashOnly = true;

function hashMissed(result: OperationResult): boolean {
  return (result.error?.graphQLErrors ?? []).some((e) => {
    const code = e.extensions?.['code'];
    // PERSISTED_QUERY_NOT_FOUND: Homeroom (with `GRAPHQL_TRUSTED_DOCUMENTS=off`) or Apollo did not
    // know the hash; over graphql-ws with `off`, the empty document is a parse failure.
    return code === 'PERSISTED_QUERY_NOT_FOUND' || code === 'GRAPHQL_PARSE_FAILED' || e.message === 'PersistedQueryNotFound';
  });
}

/** The operation by its hash alone, or (`byHash` false) as a plain document without one. */
function withPersistedQuery(operation: Operation, byHash: boolean): Operation {
  const sha256Hash = documentHash(operation.query);
  if (sha256Hash === null || operation.kind === 'teardown') return operation;
  const { persistedQuery: _previous, ...others } = operation.extensions ?? {};
  const extensions = byHash ? { ...others, persistedQuery: { version: 1 as const, sha256Hash } } : others;
  return makeOperation(operation.kind, { ...operation, extensions }, operation.context);
}

/**
 * Puts `extensions.persistedQuery` on each operation whose document has an embedded hash; urql's
 * fetch body then leaves `query` out (and so does the subscription forwarder below). A Homeroom
 * that runs any document (`GRAPHQL_TRUSTED_DOCUMENTS=off`, `npm start`'s default) does not know
 * the hashes: the operation is sent once more as a plain document, and so is every later one.
 */
export const persistedDocumentExchange: Exchange = ({ forward }) => {
  return (operations$) => {
    const retries = makeSubject<Operation>();
    const sent$ = pipe(
      operations$,
      map((operation) => withPersistedQuery(operation, byHashOnly)),
    );
    return pipe(
      forward(merge([sent$, retries.source])),
      filter((result) => {
        if (result.operation.extensions?.persistedQuery && hashMissed(result)) {
          byHashOnly = false;
          retries.next(withPersistedQuery(result.operation, false));
          return false;
        }
        return true;
      }),
    );
  };
};

let lastCost: OperationCost | null = null;
const costListeners = new Set<() => void>();

function recordCost(operationName: string | null, cost: unknown): void {
  const report = cost as Partial<OperationCost> | null | undefined;
  if (typeof report?.requestedQueryCost !== 'number') return;
  lastCost = { operationName, requestedQueryCost: report.requestedQueryCost, throttleStatus: report.throttleStatus ?? null };
  for (const listener of costListeners) listener();
}

/** The cost of the last operation Homeroom answered (null before the first). */
export function useLastCost(): OperationCost | null {
  return useSyncExternalStore(
    (listener) => {
      costListeners.add(listener);
      return () => costListeners.delete(listener);
    },
    () => lastCost,
  );
}

function operationNameOf(document: { definitions: readonly unknown[] }): string | null {
  for (const definition of document.definitions as { kind: string; name?: { value: string } }[]) {
    if (definition.kind === 'OperationDefinition') return definition.name?.value ?? null;
  }
  return null;
}

const costExchange: Exchange = mapExchange({
  onResult(result) {
    const cost = (result.extensions as { cost?: unknown } | undefined)?.cost;
    if (cost !== undefined) recordCost(operationNameOf(result.operation.query), cost);
    return result;
  },
});

export function createHomeroomClient(apiKey: string): HomeroomClient {
  const ws = createWsClient({
    url: websocketUrl(),
    connectionParams: { authorization: bearer(apiKey) },
    lazy: true,
    // A restarted Homeroom: reconnect, and every live page resubscribes (each starts with a snapshot).
    retryAttempts: 20,
    shouldRetry: () => true,
  });
  const client = new Client({
    url: '/graphql',
    requestPolicy: 'network-only',
    fetchOptions: () => ({ headers: { authorization: bearer(apiKey) } }),
    exchanges: [
      persistedDocumentExchange,
      costExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          // A persisted operation's body has no `query`; graphql-ws wants a string, and Homeroom
          // reads an empty one as "none sent" and runs the document the hash names.
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return { client, ws, dispose: () => void ws.dispose() };
}
