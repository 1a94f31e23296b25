/**
 * The console's GraphQL client: urql over HTTP for queries and mutations, graphql-ws on the same
 * `/graphql` URL for subscriptions, both authenticated with the pasted API key.
 *
 * No document cache (urql's `cacheExchange` would add `__typename` to every selection set): the
 * console sends its operations exactly as `web/src/operations/*.graphql` write them, which is what
 * `web/trusted-documents.json` lists, and refetches after its mutations instead.
 */
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { Client, fetchExchange, subscriptionExchange } from 'urql';
import { bearer } from './api-key';

export interface HomeroomClient {
  readonly client: Client;
  readonly ws: WsClient;
  dispose(): void;
}

/** The websocket URL of this page's Homeroom (`ws://host/graphql`, `wss://` behind TLS). */
export function websocketUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
}

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
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
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
