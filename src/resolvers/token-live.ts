/**
 * The live stream behind `tokenHealthChanged`: the token's health at once (a snapshot), then again
 * on every TOKEN_HEALTH_CHANGED of the token (published by the services after Apple's verdict, a
 * failed or recovered Apple call, or a renewal changed it), re-read from the database each time.
 * A value whose health equals the last one sent (the countdown aside) is not sent again. The
 * countdown moves with the clock without events: a UI counts down from `expiresAt` itself.
 */
import { filter, pipe, Repeater } from '@graphql-yoga/subscription';
import { Topic, type TokenHealthChanged } from '../platform/events/event-bus.js';
import type { Services } from '../services/services.js';
import { TokenHealthStatusType } from './token-health.type.js';

/** What identifies a health value, the countdown aside. */
function healthKey(health: TokenHealthStatusType): string {
  const error = health.lastAppleError;
  return JSON.stringify([health.status, health.statusReason, health.termsAccepted, error?.code ?? null, error?.at.getTime() ?? null]);
}

export function healthFromNow(services: Services, tokenId: number): AsyncIterable<TokenHealthStatusType> {
  return new Repeater<TokenHealthStatusType>(async (push, stop) => {
    const events = pipe(
      services.deps.events.subscribe(Topic.TOKEN_HEALTH_CHANGED),
      filter((event: TokenHealthChanged) => event.tokenId === tokenId),
    )[Symbol.asyncIterator]();
    // Listen before the snapshot is read, so a change between the two is not missed.
    let pending = events.next();
    void stop.then(() => events.return?.());
    let lastSent = '';
    const read = async (snapshot: boolean): Promise<boolean> => {
      const token = await services.tokens.findById(tokenId);
      // A deleted token has no health any more: the stream ends.
      if (!token) return false;
      const health = TokenHealthStatusType.from(token, services.tokens.healthOf(token), services.deps.clock.now(), snapshot);
      const key = healthKey(health);
      if (snapshot || key !== lastSent) {
        lastSent = key;
        await push(health);
      }
      return true;
    };
    try {
      let open = await read(true);
      while (open) {
        const step = await Promise.race([pending, stop.then(() => null)]);
        if (step === null || step.done) break;
        pending = events.next();
        open = await read(false);
      }
    } catch (error) {
      stop(error);
    }
    stop();
  });
}
