/**
 * graphql-ws's server core on `ws` sockets: what `graphql-ws/use/ws` does, with two differences
 * fan-out needs.
 *
 * - A payload already serialised ({@link SerialisedPayload}, a result shared by many subscribers)
 *   is written as is: the frame is built around it (`{"id":…,"type":"next","payload":<json>}`),
 *   never stringified again per socket. graphql-ws stringifies each message with our replacer and
 *   hands the text to `send` in the same synchronous step, so the replacer puts a `0` where the
 *   payload goes and leaves the payload's text for `send` to splice in.
 * - A slow client cannot hold others up, nor the server's memory: a message is queued on the
 *   socket and the subscription goes on at once (graphql-ws's own adapter waits until each frame
 *   is flushed, so a slow client's events piled up in its stream instead). A socket with more than
 *   {@link MAX_BUFFERED_BYTES} waiting to be written is closed with {@link SLOW_CLIENT_CLOSE_CODE}:
 *   the client reconnects and starts again from a snapshot.
 *
 * Keep-alive pings (every 12 s, a socket that does not answer within the next 12 s is dropped) and
 * the close codes of internal errors are graphql-ws's.
 */
import type { IncomingMessage } from 'node:http';
import { CloseCode, handleProtocols, makeServer, type Disposable, type ServerOptions } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../logger.js';
import { SerialisedPayload } from './shared-executions.js';

/** What every operation's hooks see besides graphql-ws's context. */
export interface SocketExtra {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
}

/** Bytes waiting to be written past which a socket is closed: about 2,500 sync events. */
export const MAX_BUFFERED_BYTES = 1024 * 1024;

/** Closes a socket that fell too far behind (a client reading slower than events come). */
export const SLOW_CLIENT_CLOSE_CODE = 4413;
export const SLOW_CLIENT_REASON = 'The client fell too far behind; reconnect to start from a snapshot.';

const KEEP_ALIVE_MS = 12_000;
/** What graphql-ws puts where a serialised payload goes (see the module's note). */
const PLACEHOLDER_TAIL = '"payload":0}';

export function serveGraphqlWs<E extends object>(
  options: ServerOptions<Record<string, unknown>, SocketExtra & E>,
  wss: WebSocketServer,
  logger: Logger,
  maxBufferedBytes = MAX_BUFFERED_BYTES,
): Disposable {
  /** The payload the replacer just left out, taken by the `send` that follows. */
  let pending: string | null = null;
  const server = makeServer<Record<string, unknown>, SocketExtra & E>({
    ...options,
    jsonMessageReplacer(key, value: unknown) {
      if (value instanceof SerialisedPayload && key === 'payload') {
        pending = value.json;
        return 0;
      }
      return value;
    },
  });
  wss.options.handleProtocols = handleProtocols;
  // ws re-emits the HTTP server's errors on the websocket server, and an 'error' nobody listens to
  // ends the process. A failure to listen is reported where the server listens (naming PORT).
  wss.on('error', (error) => logger.warn({ err: error }, 'websocket server error'));

  wss.on('connection', (socket, request) => {
    socket.once('error', (error) => {
      logger.warn({ err: error }, 'websocket error');
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    });
    let pongWait: NodeJS.Timeout | null = null;
    const ping = setInterval(() => {
      if (socket.readyState !== socket.OPEN) return;
      pongWait = setTimeout(() => socket.terminate(), KEEP_ALIVE_MS);
      socket.once('pong', () => {
        if (pongWait) clearTimeout(pongWait);
        pongWait = null;
      });
      socket.ping();
    }, KEEP_ALIVE_MS);

    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) => {
          const payload = pending;
          pending = null;
          if (socket.readyState !== socket.OPEN) return;
          if (socket.bufferedAmount > maxBufferedBytes) {
            logger.warn({ bufferedBytes: socket.bufferedAmount }, 'websocket closed: the client fell too far behind');
            socket.close(SLOW_CLIENT_CLOSE_CODE, SLOW_CLIENT_REASON);
            return;
          }
          if (payload !== null && data.endsWith(PLACEHOLDER_TAIL)) {
            socket.send(data.slice(0, -2) + payload + '}');
          } else {
            socket.send(data);
          }
        },
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (message) => {
            handle(String(message)).catch((error: unknown) => {
              logger.error({ err: error }, 'websocket message failed');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      { socket, request } as SocketExtra & E,
    );

    socket.once('close', (code, reason) => {
      if (pongWait) clearTimeout(pongWait);
      clearInterval(ping);
      void closed(code, String(reason));
    });
  });

  return {
    dispose: async () => {
      for (const client of wss.clients) client.close(1001, 'Going away');
      wss.removeAllListeners();
      await new Promise<void>((resolve, reject) => wss.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
