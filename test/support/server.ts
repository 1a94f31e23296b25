/**
 * An in-process Homeroom on a free loopback port over a fresh database, with one API key per
 * role, and typed GraphQL calls over real HTTP and real websockets.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { startServer, type HomeroomServer, type StartOptions } from '../../src/server.js';
import type { Clock } from '../../src/platform/clock.js';
import { Role } from '../../src/permissions.js';
import { systemContext } from '../../src/platform/request-context.js';
import { createTestDatabase, testEnvironment, within } from './database.js';

export interface GraphQLResponse<TData> {
  readonly status: number;
  readonly data?: TData | null;
  readonly errors?: GraphQLFormattedError[];
  readonly headers: Headers;
}

export interface TestServer {
  /** The running server; a new one after {@link restart}. */
  readonly server: HomeroomServer;
  readonly config: Config;
  readonly keys: Record<Role, string>;
  request<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
    key?: string | null,
  ): Promise<GraphQLResponse<TData>>;
  /** A graphql-ws client authenticated with `key` (ADMIN by default). */
  wsClient(key?: string | null): Client;
  /** Resolves when the next websocket operation is running on the server. */
  nextOperationStarted(): Promise<string | null>;
  /**
   * Shuts the server down as `SIGTERM` does and starts a new one with the same configuration:
   * the same database, data directory and secret key, so the API keys still work. The built-in
   * Apple simulator restarts too (what it keeps only in memory is gone); pass `APPLE_DEP_URL` of
   * a simulator the test started to keep Apple running across the restart.
   */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestServer(
  options: {
    clock?: Clock;
    env?: Record<string, string>;
    start?: Pick<StartOptions, 'ticker' | 'redisChannelPrefix' | 'webDirectory' | 'onSubscriptionEventExecuted'>;
    /** The server's logger, for tests that read what it logs; one at the configured level otherwise. */
    logger?: Logger;
  } = {},
): Promise<TestServer> {
  const db = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', ...testEnvironment(db), ...options.env });
  const logger = options.logger ?? createLogger(config.logLevel);
  const started: Array<(name: string | null) => void> = [];
  const start = () =>
    startServer(config, {
      logger,
      ...(options.clock ? { clock: options.clock } : {}),
      ...options.start,
      onOperationStarted: (name) => started.shift()?.(name),
    });
  let server = await start();
  const keys = {} as Record<Role, string>;
  for (const role of Object.values(Role)) {
    const created = await server.services.apiKeys.create(systemContext(logger), { name: `test-${role.toLowerCase()}`, role });
    keys[role] = created.secret;
  }
  const clients: Client[] = [];
  return {
    get server() {
      return server;
    },
    config,
    keys,
    async request(document, variables, key = keys[Role.ADMIN]) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
      });
      const body = (await response.json()) as { data?: never; errors?: GraphQLFormattedError[] };
      return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
    },
    wsClient(key = keys[Role.ADMIN]) {
      const client = createClient({
        url: server.url.replace(/^http/, 'ws') + '/graphql',
        webSocketImpl: WebSocket,
        connectionParams: key ? { authorization: `Bearer ${key}` } : {},
        retryAttempts: 0,
        lazy: true,
      });
      clients.push(client);
      return client;
    },
    nextOperationStarted() {
      return within(new Promise((resolve) => started.push(resolve)), 10_000, 'a websocket operation to start');
    },
    async restart() {
      await Promise.all(clients.splice(0).map((c) => c.dispose()));
      await server.close();
      server = await start();
    },
    async close() {
      await Promise.all(clients.map((c) => c.dispose()));
      await server.close();
      await db.cleanup();
    },
  };
}

/** Collects what a subscription sends, to await events one by one with a timeout. */
export class Subscription<T, V extends Record<string, unknown> = Record<string, unknown>> {
  private readonly received: T[] = [];
  private readonly waiting: Array<(value: T) => void> = [];
  private failure: unknown;
  readonly done: Promise<void>;
  private readonly unsubscribe: () => void;

  constructor(client: Client, document: TypedDocumentNode<T, V>, variables: V = {} as V) {
    let finish!: () => void;
    let fail!: (error: unknown) => void;
    this.done = new Promise((resolve, reject) => ((finish = resolve), (fail = reject)));
    this.done.catch(() => undefined);
    this.unsubscribe = client.subscribe<T>(
      { query: print(document), variables },
      {
        next: (result) => {
          if (result.errors) return fail(Object.assign(new Error('subscription error'), { errors: result.errors }));
          const value = result.data as T;
          const waiter = this.waiting.shift();
          if (waiter) waiter(value);
          else this.received.push(value);
        },
        error: (error) => ((this.failure = error), fail(error)),
        complete: () => finish(),
      },
    );
  }

  next(ms = 10_000): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const ready = this.received.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    return within(
      Promise.race([
        new Promise<T>((resolve) => this.waiting.push(resolve)),
        this.done.then(() => Promise.reject(new Error('subscription ended'))),
      ]),
      ms,
      'a subscription event',
    );
  }

  close(): void {
    this.unsubscribe();
  }
}
