import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { ManualClock } from '../../src/platform/clock.js';
import { CostBudget, MemoryCostBuckets, RedisCostBuckets } from '../../src/platform/cost-budget.js';
import { redisAnswers, TEST_REDIS_URL } from '../support/redis.js';

const LIMITS = { maximumAvailable: 1000, restoreRate: 50 };

describe('CostBudget (leaky bucket per key)', () => {
  it('starts full, takes each cost, and refuses one it cannot cover with the seconds until it can', async () => {
    const clock = new ManualClock('2026-09-01T08:00:00.000Z');
    const budget = new CostBudget(LIMITS, new MemoryCostBuckets(), clock);
    expect(await budget.charge('a', 600)).toEqual({
      requestedQueryCost: 600,
      allowed: true,
      retryAfter: null,
      throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 400, restoreRate: 50 },
    });
    const refused = await budget.charge('a', 700);
    // 300 short at 50 a second.
    expect(refused).toMatchObject({ allowed: false, retryAfter: 6, throttleStatus: { currentlyAvailable: 400 } });
    // Another key has its own bucket.
    expect((await budget.charge('b', 700)).allowed).toBe(true);
    clock.advance(5_900);
    expect((await budget.charge('a', 700)).allowed).toBe(false);
    clock.advance(100);
    expect(await budget.charge('a', 700)).toMatchObject({ allowed: true, throttleStatus: { currentlyAvailable: 0 } });
    // Never above the maximum, however long it rests.
    clock.advance(3_600_000);
    expect((await budget.charge('a', 0)).throttleStatus.currentlyAvailable).toBe(1000);
  });

  it('is off with a budget of 0', () => {
    expect(new CostBudget({ maximumAvailable: 0, restoreRate: 1 }, new MemoryCostBuckets(), new ManualClock()).enabled).toBe(false);
  });
});

const REDIS_URL = TEST_REDIS_URL;

const haveRedis = await redisAnswers();
if (!haveRedis) console.warn(`cost-budget Redis tests skipped: no Redis answers at ${REDIS_URL} (set TEST_REDIS_URL)`);

describe.skipIf(!haveRedis)('CostBudget in Redis', () => {
  const logger = createLogger('silent');
  const prefix = `homeroom-test-${process.pid}-${Date.now()}:cost:`;
  let clients: Redis[];

  beforeAll(() => {
    clients = [new Redis(REDIS_URL), new Redis(REDIS_URL)];
  });
  afterAll(async () => {
    const keys = await clients[0]!.keys(`${prefix}*`);
    if (keys.length > 0) await clients[0]!.del(...keys);
    await Promise.all(clients.map((c) => c.quit()));
  });

  it('shares one bucket per key between instances, refilling by the clock', async () => {
    const clock = new ManualClock('2026-09-01T08:00:00.000Z');
    const [one, two] = clients.map((client) => new CostBudget(LIMITS, new RedisCostBuckets(client, prefix, logger), clock)) as [
      CostBudget,
      CostBudget,
    ];
    expect((await one.charge('k', 600)).allowed).toBe(true);
    expect(await two.charge('k', 600)).toMatchObject({ allowed: false, retryAfter: 4, throttleStatus: { currentlyAvailable: 400 } });
    clock.advance(4_000);
    expect(await two.charge('k', 600)).toMatchObject({ allowed: true, throttleStatus: { currentlyAvailable: 0 } });
  });

  it('keeps charging in memory while Redis fails', async () => {
    const broken = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    broken.on('error', () => undefined);
    const budget = new CostBudget(LIMITS, new RedisCostBuckets(broken, prefix, logger), new ManualClock());
    expect(await budget.charge('k', 600)).toMatchObject({ allowed: true, throttleStatus: { currentlyAvailable: 400 } });
    expect((await budget.charge('k', 600)).allowed).toBe(false);
    broken.disconnect();
  });
});
