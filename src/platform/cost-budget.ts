/**
 * The per-key cost budget: a leaky bucket of query cost per API key, as Shopify's Admin API
 * meters its GraphQL calls. Each key's bucket holds up to `maximumAvailable` points and refills
 * at `restoreRate` points a second; an operation takes its estimated cost (the complexity
 * `operation-limits.ts` computes) when it starts, or, when the bucket holds less, is refused
 * with `retryAfter`: the whole seconds until the bucket holds enough again. Nothing is refunded:
 * the charge is the requested cost, which the complexity limit already bounds.
 *
 * Buckets live in memory (one per key per instance: with several instances each grants the
 * budget, so a key may spend up to N times it), or in Redis (`REDIS_URL`), shared by every
 * instance through one Lua script, atomic per key. If Redis fails, this instance falls back to its
 * own memory buckets (logged) rather than refusing or failing the operation.
 *
 * Time comes from the injected clock (a ManualClock in tests); with Redis, each instance's
 * clock: the script never moves a bucket's time backwards, so a little skew only delays a refill.
 */
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { Clock } from './clock.js';

/** The bucket's shape (`GRAPHQL_COST_BUDGET`, `GRAPHQL_COST_RESTORE_RATE`). */
export interface CostLimits {
  /** Points a bucket holds when full; 0 switches the budget off. */
  readonly maximumAvailable: number;
  /** Points a second a bucket refills. */
  readonly restoreRate: number;
}

/** Where a key's bucket stands after a charge (Shopify's `throttleStatus`). */
export interface ThrottleStatus {
  readonly maximumAvailable: number;
  /** Whole points left, rounded down. */
  readonly currentlyAvailable: number;
  readonly restoreRate: number;
}

/** The outcome of charging one operation. */
export interface CostCharge {
  readonly requestedQueryCost: number;
  readonly allowed: boolean;
  /** Whole seconds until the bucket holds the requested cost; null when allowed. */
  readonly retryAfter: number | null;
  readonly throttleStatus: ThrottleStatus;
}

/** Keeps the buckets: takes `cost` from `key`'s bucket if it holds that much. */
export interface CostBucketStore {
  take(key: string, cost: number, nowMs: number, limits: CostLimits): Promise<{ allowed: boolean; available: number }>;
  close(): Promise<void>;
}

/** One instance's buckets. Keys are API keys, so the map stays as small as the key table. */
export class MemoryCostBuckets implements CostBucketStore {
  private readonly buckets = new Map<string, { available: number; at: number }>();

  async take(key: string, cost: number, nowMs: number, limits: CostLimits): Promise<{ allowed: boolean; available: number }> {
    const bucket = this.buckets.get(key) ?? { available: limits.maximumAvailable, at: nowMs };
    if (nowMs > bucket.at) {
      bucket.available = Math.min(limits.maximumAvailable, bucket.available + ((nowMs - bucket.at) / 1000) * limits.restoreRate);
      bucket.at = nowMs;
    }
    const allowed = cost <= bucket.available;
    if (allowed) bucket.available -= cost;
    this.buckets.set(key, bucket);
    return { allowed, available: bucket.available };
  }

  async close(): Promise<void> {}
}

/**
 * The same bucket rule as {@link MemoryCostBuckets}, in one Lua script so two instances charging
 * one key at once cannot both spend the same points. A bucket expires once it would be full anyway.
 */
const TAKE_SCRIPT = `
local max = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local cost = tonumber(ARGV[4])
local stored = redis.call('HMGET', KEYS[1], 'available', 'at')
local available = tonumber(stored[1])
local at = tonumber(stored[2])
if available == nil or at == nil then
  available = max
  at = now
end
if now > at then
  available = math.min(max, available + (now - at) / 1000 * rate)
  at = now
end
local allowed = 0
if cost <= available then
  available = available - cost
  allowed = 1
end
redis.call('HSET', KEYS[1], 'available', tostring(available), 'at', tostring(at))
redis.call('PEXPIRE', KEYS[1], math.ceil(max / rate * 1000) + 1000)
return {allowed, tostring(available)}
`;

/** Buckets in Redis, shared by every instance; this instance's memory buckets while Redis fails. */
export class RedisCostBuckets implements CostBucketStore {
  private readonly fallback = new MemoryCostBuckets();
  private failing = false;

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly logger: Logger,
  ) {}

  async take(key: string, cost: number, nowMs: number, limits: CostLimits): Promise<{ allowed: boolean; available: number }> {
    try {
      const [allowed, available] = (await this.redis.eval(
        TAKE_SCRIPT,
        1,
        this.keyPrefix + key,
        limits.maximumAvailable,
        limits.restoreRate,
        nowMs,
        cost,
      )) as [number, string];
      if (this.failing) this.logger.info('Redis answers again: cost budgets are shared between instances again');
      this.failing = false;
      return { allowed: allowed === 1, available: Number(available) };
    } catch (error) {
      // Said once per outage, not once per operation.
      if (!this.failing) this.logger.warn({ err: error }, 'Redis failed; cost budgets are kept per instance until it answers');
      this.failing = true;
      return this.fallback.take(key, cost, nowMs, limits);
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().then(
      () => undefined,
      () => this.redis.disconnect(),
    );
  }
}

export class CostBudget {
  constructor(
    readonly limits: CostLimits,
    private readonly store: CostBucketStore,
    private readonly clock: Clock,
  ) {}

  /** False when `GRAPHQL_COST_BUDGET` is 0: nothing is charged or reported. */
  get enabled(): boolean {
    return this.limits.maximumAvailable > 0;
  }

  /** Charges `cost` to `key` (an API key), or refuses it with the seconds to wait. */
  async charge(key: string, cost: number): Promise<CostCharge> {
    const { maximumAvailable, restoreRate } = this.limits;
    const { allowed, available } = await this.store.take(key, cost, this.clock.now().getTime(), this.limits);
    return {
      requestedQueryCost: cost,
      allowed,
      retryAfter: allowed ? null : Math.max(1, Math.ceil((cost - available) / restoreRate)),
      throttleStatus: { maximumAvailable, currentlyAvailable: Math.floor(available), restoreRate },
    };
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
