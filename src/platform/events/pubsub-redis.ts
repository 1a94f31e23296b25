/**
 * The event bus over Redis (`REDIS_URL`): an event published by one Homeroom instance reaches
 * the subscribers of every instance connected to the same Redis.
 *
 * `@graphql-yoga/redis-event-target` does the pub/sub; this module owns the two ioredis
 * connections it needs (a connection that subscribes can do nothing else), and puts a thin
 * adapter between them and the event target that:
 * - prefixes every channel (`homeroom:` by default), so deployments or test runs sharing one
 *   Redis never hear each other;
 * - turns a failed PUBLISH or SUBSCRIBE (Redis down longer than ioredis retries) into a logged
 *   warning instead of an unhandled rejection that would stop the process; events are
 *   notifications, subscribers re-read rows, so one lost event costs a refresh, not data.
 *
 * ioredis reconnects by itself and subscribes again after a reconnect. A Redis that does not
 * answer at start fails the start, like an unreachable database.
 */
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { PubSubEvent, PubSubEventTarget } from '@graphql-yoga/subscription';
import { Redis } from 'ioredis';
import type { Logger } from '../../logger.js';
import type { EventTransport, HomeroomTopics } from './event-bus.js';

/** Channel prefix when none is given. */
export const DEFAULT_CHANNEL_PREFIX = 'homeroom:';

export interface RedisEventTransport extends EventTransport {
  readonly eventTarget: PubSubEventTarget<HomeroomTopics>;
  /** The full Redis channel name of a topic (tests ask Redis who listens on it). */
  channelOf(topic: string): string;
  /** Closes both connections; pending publishes are sent first. */
  close(): Promise<void>;
}

export interface RedisEventTransportOptions {
  readonly url: string;
  readonly channelPrefix?: string;
  readonly logger: Logger;
}

/** Connects the two Redis clients; rejects (and leaves nothing open) when Redis does not answer. */
export async function connectRedisEventTransport(options: RedisEventTransportOptions): Promise<RedisEventTransport> {
  const prefix = options.channelPrefix ?? DEFAULT_CHANNEL_PREFIX;
  const log = options.logger.child({ component: 'redis-events' });
  const report = (what: string) => (error: unknown) => log.warn({ err: error }, `Redis ${what} failed; the event may be lost`);
  const connect = (role: string) => {
    const client = new Redis(options.url, { lazyConnect: true, connectionName: `homeroom-${role}` });
    // Without a listener ioredis prints every connection error to stderr itself.
    client.on('error', (error: Error) => log.warn({ err: error, role }, 'Redis connection error; ioredis reconnects'));
    return client;
  };
  const publisher = connect('publish');
  const subscriber = connect('subscribe');
  try {
    await Promise.all([publisher.connect(), subscriber.connect()]);
  } catch (error) {
    publisher.disconnect();
    subscriber.disconnect();
    throw error;
  }

  // Only the calls createRedisEventTarget makes, each with the prefix and its errors handled.
  const publishClient = {
    publish: (channel: string, message: string) => publisher.publish(prefix + channel, message).catch(report('PUBLISH')),
  };
  const subscribeClient = {
    on(event: 'message', listener: (channel: string, message: string) => void) {
      subscriber.on(event, (channel: string, message: string) => {
        if (!channel.startsWith(prefix)) return;
        try {
          listener(channel.slice(prefix.length), message);
        } catch (error) {
          // An unreadable message (not JSON) from something else on our channel.
          log.warn({ err: error, channel }, 'ignored an unreadable message on a Homeroom channel');
        }
      });
      return subscribeClient;
    },
    subscribe: (channel: string) => subscriber.subscribe(prefix + channel).catch(report('SUBSCRIBE')),
    unsubscribe: (channel: string) => subscriber.unsubscribe(prefix + channel).catch(report('UNSUBSCRIBE')),
  };
  const eventTarget = createRedisEventTarget<PubSubEvent<HomeroomTopics, keyof HomeroomTopics>>({
    publishClient: publishClient as unknown as Redis,
    subscribeClient: subscribeClient as unknown as Redis,
  });

  let closing: Promise<void> | undefined;
  return {
    eventTarget,
    channelOf: (topic) => prefix + topic,
    close: () =>
      (closing ??= (async () => {
        await Promise.all(
          [publisher, subscriber].map((client) =>
            client.quit().then(
              () => undefined,
              () => client.disconnect(),
            ),
          ),
        );
      })()),
  };
}
