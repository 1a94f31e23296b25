import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.js';
import { Role } from '../../src/permissions.js';
import { AllDevicesDocument, AuditEventRecordedDocument, ViewerDocument } from '../generated/operations.js';
import { startTestServer, Subscription, type TestServer } from '../support/server.js';

/**
 * The per-key cost budget over HTTP and websockets (issue 16): every response reports its cost
 * in `extensions.cost`, Shopify style; a key past its budget gets RATE_LIMITED, `retryAfter` and
 * HTTP 429 until its bucket refills on the server clock; each key has its own bucket.
 */
describe('per-key cost budget', () => {
  const clock = new ManualClock('2026-09-01T08:00:00.000Z');
  let t: TestServer;
  const BUDGET = 1000;
  const RATE = 10;

  beforeAll(async () => {
    t = await startTestServer({
      clock,
      env: { GRAPHQL_MAX_COMPLEXITY: '1000', GRAPHQL_COST_BUDGET: String(BUDGET), GRAPHQL_COST_RESTORE_RATE: String(RATE) },
    });
  });
  afterAll(() => t.close());

  async function post(query: string, key: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(`${t.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as {
      data?: unknown;
      errors?: Array<{ message: string; extensions: Record<string, unknown> }>;
      extensions?: { cost?: { requestedQueryCost: number; throttleStatus: Record<string, number> | null } };
    };
    return { status: response.status, retryAfter: response.headers.get('retry-after'), ...body };
  }

  it('reports each operation’s cost and what is left of the key’s budget', async () => {
    const first = await post(print(ViewerDocument), t.keys[Role.READ_ONLY]);
    expect(first.errors).toBeUndefined();
    const cost = first.extensions!.cost!.requestedQueryCost;
    expect(cost).toBeGreaterThan(0);
    expect(first.extensions!.cost!.throttleStatus).toEqual({
      maximumAvailable: BUDGET,
      currentlyAvailable: BUDGET - cost,
      restoreRate: RATE,
    });
    const second = await post(print(ViewerDocument), t.keys[Role.READ_ONLY]);
    expect(second.extensions!.cost!.throttleStatus!['currentlyAvailable']).toBe(BUDGET - 2 * cost);
  });

  it('refuses a key past its budget with RATE_LIMITED, retryAfter and HTTP 429, other keys unaffected, until it refills', async () => {
    const key = t.keys[Role.OPERATOR];
    // 60 devices of 8 fields and their cursors, and a count: over half the budget each.
    const big = print(AllDevicesDocument);
    const variables = { first: 60 };
    const charged = await post(big, key, variables);
    expect(charged.errors).toBeUndefined();
    const cost = charged.extensions!.cost!.requestedQueryCost;
    expect(cost).toBeGreaterThan(BUDGET / 2);
    const refused = await post(big, key, variables);
    expect(refused.status).toBe(429);
    expect(refused.data).toBeUndefined();
    const left = BUDGET - cost;
    const wait = Math.ceil((cost - left) / RATE);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: wait });
    expect(refused.retryAfter).toBe(String(wait));
    expect(refused.extensions?.cost).toEqual({
      requestedQueryCost: cost,
      throttleStatus: { maximumAvailable: BUDGET, currentlyAvailable: left, restoreRate: RATE },
    });
    expect((await post(big, t.keys[Role.ADMIN], variables)).status).toBe(200);
    clock.advance((wait - 1) * 1000);
    expect((await post(big, key, variables)).status).toBe(429);
    clock.advance(1000);
    expect((await post(big, key, variables)).errors).toBeUndefined();
  });

  it('charges websocket operations too: a subscription once when it starts, refused when the key is spent', async () => {
    const key = t.keys[Role.ADMIN];
    const client = t.wsClient(key);
    const query = await new Promise<{ extensions?: Record<string, unknown> }>((resolve, reject) => {
      client.subscribe({ query: print(ViewerDocument) }, { next: resolve, error: reject, complete: () => undefined });
    });
    expect(query.extensions?.['cost']).toMatchObject({
      requestedQueryCost: expect.any(Number),
      throttleStatus: { maximumAvailable: BUDGET },
    });
    // Spend the rest over HTTP, then a subscription is refused before it starts.
    for (let i = 0; i < 20; i++) {
      if ((await post(print(AllDevicesDocument), key, { first: 60 })).status === 429) break;
    }
    const refused = new Subscription(client, AuditEventRecordedDocument, {});
    // Refused before it starts: graphql-ws sends the errors as an `error` message.
    await expect(refused.next()).rejects.toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) }) }),
    ]);
  });
});
