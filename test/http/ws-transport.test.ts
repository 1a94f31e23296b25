import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { SLOW_CLIENT_CLOSE_CODE, SLOW_CLIENT_REASON, serveGraphqlWs } from '../../src/http/ws-transport.js';
import { createLogger } from '../../src/logger.js';
import { within } from '../support/database.js';

/** A subscription that sends 64 KiB values as fast as the server takes them, until the client leaves. */
const big = 'x'.repeat(64 * 1024);
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString, resolve: () => 'ok' } } }),
  subscription: new GraphQLObjectType({
    name: 'Subscription',
    fields: {
      flood: {
        type: GraphQLString,
        subscribe: async function* () {
          for (let i = 0; i < 2_000; i += 1) {
            yield { flood: big };
            await new Promise((resolve) => setImmediate(resolve));
          }
        },
      },
    },
  }),
});

describe('the websocket transport', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it(`closes a client that stops reading with ${SLOW_CLIENT_CLOSE_CODE} once too much waits to be written, instead of buffering without end`, async () => {
    const server = http.createServer();
    const wss = new WebSocketServer({ server, path: '/graphql' });
    const transport = serveGraphqlWs({ schema }, wss, createLogger('silent'), 256 * 1024);
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    cleanups.push(() => transport.dispose());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;

    const client = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      client.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
    );
    await within(new Promise((resolve) => client.on('open', resolve)), 10_000, 'the socket to open');
    client.send(JSON.stringify({ type: 'connection_init' }));
    await within(new Promise((resolve) => client.once('message', resolve)), 10_000, 'connection_ack');
    // The client stops reading: the server's writes pile up behind the kernel's buffers.
    client.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { flood }' } }));
    (client as unknown as { _socket: { pause(): void } })._socket.pause();
    const serverSide = [...wss.clients][0]!;
    await within(
      new Promise<void>((resolve) => {
        const poll = setInterval(() => {
          if (serverSide.readyState === serverSide.CLOSING || serverSide.readyState === serverSide.CLOSED) {
            clearInterval(poll);
            resolve();
          }
        }, 20);
      }),
      20_000,
      'the server to close the slow socket',
    );
    (client as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await within(closed, 20_000, 'the close frame')).toEqual({ code: SLOW_CLIENT_CLOSE_CODE, reason: SLOW_CLIENT_REASON });
  });
});
