import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DataSource, EntityManager } from 'typeorm';
import { ApiKey } from '../../../src/entities/api-key.entity.js';
import { AuditEvent, AuditOutcome } from '../../../src/entities/audit-event.entity.js';
import type { Database } from '../../../src/entities/database.js';
import { ErrorCode, HomeroomError } from '../../../src/errors.js';
import { createLogger } from '../../../src/logger.js';
import { ManualClock, type Clock } from '../../../src/platform/clock.js';
import { createEventBus, type AuditEventRecorded, type EventBus } from '../../../src/platform/events/event-bus.js';
import { Role } from '../../../src/permissions.js';
import type { RequestContext } from '../../../src/platform/request-context.js';
import { offlineApple } from '../../support/services.js';
import { SecretBox } from '../../../src/platform/secret-box.js';
import { Services } from '../../../src/services/services.js';
import { rejectionOf } from '../../support/assertions.js';
import { emptyFoundationTables, openTestDatabase, within, type OpenTestDatabase } from '../../support/database.js';

describe('AuditService', () => {
  let opened: OpenTestDatabase;
  let dataSource: DataSource;
  let database: Database;
  let clock: ManualClock;
  let events: EventBus;
  let services: Services;
  const logger = createLogger('silent');
  const ctx: RequestContext = { requestId: 'req-1', actor: { kind: 'apiKey', apiKeyId: 9, name: 'auditor', role: Role.ADMIN }, logger };
  const anonymous: RequestContext = { requestId: 'req-anon', actor: null, logger };

  function build(withClock: Clock): Services {
    return new Services({ database, clock: withClock, events, secretBox: new SecretBox(randomBytes(32)), ...offlineApple() });
  }

  beforeAll(async () => {
    opened = await openTestDatabase();
    ({ dataSource, database } = opened);
  });
  afterAll(() => opened.close());
  beforeEach(async () => {
    await emptyFoundationTables(dataSource);
    clock = new ManualClock('2026-09-01T08:00:00.000Z');
    events = createEventBus();
    services = build(clock);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Writes an API key row inside the work, so tests can see whether the work's writes remain. */
  async function insertKey(tx: EntityManager, name: string): Promise<number> {
    const result = await tx.insert(ApiKey, {
      name,
      description: null,
      role: Role.READ_ONLY,
      prefix: 'hr_test',
      secretHash: randomBytes(32).toString('hex'),
      createdBy: 'test',
      createdAt: clock.now(),
      lastUsedAt: null,
      revokedAt: null,
    });
    return Number(result.identifiers[0]!.id);
  }

  async function storedEvents(): Promise<AuditEvent[]> {
    return (await services.audit.list({}, { first: 500 })).edges.map((e) => e.node).reverse();
  }

  const targetsOf = (event: AuditEvent) => event.targets.map((t) => ({ type: t.targetType, key: t.targetKey }));

  describe('mutate', () => {
    it("commits the work's writes and its SUCCEEDED event together", async () => {
      let keyId = 0;
      const result = await services.audit.mutate(ctx, 'createThing', async (tx, record) => {
        keyId = await insertKey(tx, 'made');
        record.target('ApiKey', keyId).target('ApiKey', String(keyId)).target('Thing', 'x-1').detail({ count: 1 }).detail({ name: 'made' });
        return 'done';
      });
      expect(result).toBe('done');
      expect(await dataSource.manager.countBy(ApiKey, { id: keyId })).toBe(1);
      const [event, ...more] = await storedEvents();
      expect(more).toEqual([]);
      expect(event).toMatchObject({
        action: 'createThing',
        outcome: AuditOutcome.SUCCEEDED,
        actorName: 'auditor',
        actorApiKeyId: 9,
        requestId: 'req-1',
        occurredAt: clock.now(),
        errorCode: null,
        errorMessage: null,
        details: { count: 1, name: 'made' },
      });
      expect(targetsOf(event!)).toEqual([
        { type: 'ApiKey', key: String(keyId) },
        { type: 'Thing', key: 'x-1' },
      ]);
    });

    it('rolls back the work when its audit event cannot be written, and records nothing', async () => {
      let auditFails = false;
      const failingClock: Clock = {
        now: () => {
          if (auditFails) throw new Error('clock broke while writing the audit event');
          return clock.now();
        },
      };
      const lines: Array<Record<string, unknown>> = [];
      const capturing = createLogger('error', { write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>) });
      const error = await rejectionOf(
        build(failingClock).audit.mutate({ ...ctx, logger: capturing }, 'createThing', async (tx) => {
          await insertKey(tx, 'doomed');
          auditFails = true;
        }),
      );
      expect((error as Error).message).toBe('clock broke while writing the audit event');
      expect(await dataSource.manager.count(ApiKey)).toBe(0);
      expect(await dataSource.manager.count(AuditEvent)).toBe(0);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 'error', action: 'createThing', msg: 'could not record a failed attempt in the audit log' });
    });

    it('rolls back the work and records a FAILED event with the code and message of a HomeroomError', async () => {
      const thrown = new HomeroomError(ErrorCode.ALREADY_EXISTS, 'A thing is already named "made".', { field: 'name' });
      const error = await rejectionOf(
        services.audit.mutate(ctx, 'createThing', async (tx, record) => {
          const keyId = await insertKey(tx, 'made');
          record.target('ApiKey', keyId).detail({ name: 'made' });
          throw thrown;
        }),
      );
      expect(error).toBe(thrown);
      expect(await dataSource.manager.count(ApiKey)).toBe(0);
      const [event, ...more] = await storedEvents();
      expect(more).toEqual([]);
      expect(event).toMatchObject({
        action: 'createThing',
        outcome: AuditOutcome.FAILED,
        actorName: 'auditor',
        requestId: 'req-1',
        errorCode: ErrorCode.ALREADY_EXISTS,
        errorMessage: 'A thing is already named "made".',
        details: { name: 'made' },
      });
      expect(targetsOf(event!)).toHaveLength(1);
      expect(targetsOf(event!)[0]!.type).toBe('ApiKey');
    });

    it('records an unexpected Error as INTERNAL_SERVER_ERROR without its message', async () => {
      const thrown = new Error('connect ECONNREFUSED postgres://u:hunter2@db');
      const error = await rejectionOf(
        services.audit.mutate(ctx, 'createThing', async (_tx, record) => {
          record.target('Thing', 1);
          throw thrown;
        }),
      );
      expect(error).toBe(thrown);
      const [event] = await storedEvents();
      expect(event).toMatchObject({ outcome: AuditOutcome.FAILED, errorCode: ErrorCode.INTERNAL_SERVER_ERROR });
      expect(event!.errorMessage).toBe('Unexpected error; the server log has the cause under this request id.');
      expect(targetsOf(event!)).toEqual([{ type: 'Thing', key: '1' }]);
    });

    it('keeps the first 1000 characters of a long failure message', async () => {
      await rejectionOf(
        services.audit.mutate(ctx, 'createThing', async () => {
          throw new HomeroomError(ErrorCode.BAD_USER_INPUT, 'm'.repeat(1500));
        }),
      );
      const [event] = await storedEvents();
      expect(event!.errorMessage).toBe('m'.repeat(1000));
    });

    it('records nothing for a failure without an actor', async () => {
      const thrown = new HomeroomError(ErrorCode.NOT_FOUND, 'No thing.');
      expect(await rejectionOf(services.audit.mutate(anonymous, 'createThing', async () => Promise.reject(thrown)))).toBe(thrown);
      expect(await dataSource.manager.count(AuditEvent)).toBe(0);
    });
  });

  describe('recordFailure', () => {
    it('records a given error object only once', async () => {
      const thrown = new HomeroomError(ErrorCode.FORBIDDEN, 'Needs API_KEY_MANAGE.');
      await services.audit.recordFailure(ctx, 'revokeThing', thrown);
      await services.audit.recordFailure(ctx, 'revokeThing', thrown);
      await services.audit.recordFailure(ctx, 'revokeThing', new HomeroomError(ErrorCode.FORBIDDEN, 'Needs API_KEY_MANAGE.'));
      const recorded = await storedEvents();
      expect(recorded).toHaveLength(2);
      expect(recorded[0]).toMatchObject({
        action: 'revokeThing',
        outcome: AuditOutcome.FAILED,
        errorCode: ErrorCode.FORBIDDEN,
        details: null,
      });
      expect(recorded[0]!.targets).toEqual([]);
    });

    it('does not record again an error that mutate already recorded', async () => {
      const thrown = new HomeroomError(ErrorCode.NOT_FOUND, 'No thing.');
      await rejectionOf(services.audit.mutate(ctx, 'revokeThing', async () => Promise.reject(thrown)));
      await services.audit.recordFailure(ctx, 'revokeThing', thrown);
      expect(await dataSource.manager.count(AuditEvent)).toBe(1);
    });

    it('records nothing without an actor', async () => {
      await services.audit.recordFailure(anonymous, 'revokeThing', new HomeroomError(ErrorCode.FORBIDDEN, 'no'));
      await services.audit.recordFailure(anonymous, 'revokeThing', 'a string');
      expect(await dataSource.manager.count(AuditEvent)).toBe(0);
    });

    it('records a thrown non-object as INTERNAL_SERVER_ERROR', async () => {
      await services.audit.recordFailure(ctx, 'revokeThing', 'a string');
      const [event] = await storedEvents();
      expect(event).toMatchObject({ outcome: AuditOutcome.FAILED, errorCode: ErrorCode.INTERNAL_SERVER_ERROR });
    });
  });

  describe('AUDIT_EVENT_RECORDED', () => {
    it('is published after the commit, with the id of the event', async () => {
      const iterator = events.subscribe('AUDIT_EVENT_RECORDED')[Symbol.asyncIterator]();
      const received = iterator.next();
      const committed: boolean[] = [];
      const transaction = database.transaction.bind(database);
      vi.spyOn(database, 'transaction').mockImplementation(async (work) => {
        const result = await transaction(work);
        committed.push(true);
        return result;
      });
      // Wrap publish (the real bus still delivers) to see whether the transaction had ended.
      const order: string[] = [];
      const publishReal = events.publish.bind(events);
      vi.spyOn(events, 'publish').mockImplementation((...args: Parameters<EventBus['publish']>) => {
        order.push(committed.length === 1 ? 'published after commit' : 'published before commit');
        // Parameters of a multi-topic publish is a union of tuples, which cannot be spread.
        Reflect.apply(publishReal, events, args);
      });

      await services.audit.mutate(ctx, 'createThing', async () => 'ok');
      const { value, done } = await within(received, 5_000, 'AUDIT_EVENT_RECORDED');
      expect(done).toBe(false);
      const [event] = await storedEvents();
      expect(value).toEqual({ auditEventId: event!.id, action: 'createThing' } satisfies AuditEventRecorded);
      expect(order).toEqual(['published after commit']);
      await iterator.return?.();
    });

    it('is published for a recorded failure, and not for an attempt that left no event', async () => {
      const iterator = events.subscribe('AUDIT_EVENT_RECORDED')[Symbol.asyncIterator]();
      const first = iterator.next();
      await rejectionOf(
        services.audit.mutate(ctx, 'failThing', async () => Promise.reject(new HomeroomError(ErrorCode.NOT_FOUND, 'No thing.'))),
      );
      const failed = (await within(first, 5_000, 'the failure event')).value as AuditEventRecorded;
      expect(failed.action).toBe('failThing');
      expect((await services.audit.findById(failed.auditEventId))?.outcome).toBe(AuditOutcome.FAILED);

      await rejectionOf(services.audit.mutate(anonymous, 'anonymousThing', async () => Promise.reject(new Error('no actor'))));
      await services.audit.mutate(ctx, 'laterThing', async () => null);
      const next = (await within(iterator.next(), 5_000, 'the next event')).value as AuditEventRecorded;
      expect(next.action).toBe('laterThing');
      await iterator.return?.();
    });
  });

  describe('list', () => {
    async function record(action: string, targets: Array<[string, string | number]>): Promise<void> {
      clock.advance(1_000);
      await services.audit.mutate(ctx, action, async (_tx, r) => {
        for (const [type, key] of targets) r.target(type, key);
      });
    }

    beforeEach(async () => {
      await record('createApiKey', [['ApiKey', 5]]);
      await record('revokeApiKey', [['ApiKey', 5]]);
      await record('createApiKey', [['ApiKey', 6]]);
      await record('assignProfile', [
        ['Device', 'SERIAL1'],
        ['Profile', 5],
      ]);
      await record('noTargets', []);
    });

    it('lists every event newest first, each with its targets', async () => {
      const page = await services.audit.list({}, {});
      const nodes = page.edges.map((e) => e.node);
      expect(nodes.map((e) => e.action)).toEqual(['noTargets', 'assignProfile', 'createApiKey', 'revokeApiKey', 'createApiKey']);
      expect(nodes.map((e) => e.id)).toEqual([...nodes.map((e) => e.id)].sort((a, b) => b - a));
      expect(nodes[0]!.occurredAt).toEqual(new Date('2026-09-01T08:00:05.000Z'));
      expect(nodes.map(targetsOf)).toEqual([
        [],
        [
          { type: 'Device', key: 'SERIAL1' },
          { type: 'Profile', key: '5' },
        ],
        [{ type: 'ApiKey', key: '6' }],
        [{ type: 'ApiKey', key: '5' }],
        [{ type: 'ApiKey', key: '5' }],
      ]);
      expect(await page.totalCount()).toBe(5);
    });

    it('filters by action', async () => {
      const page = await services.audit.list({ action: 'createApiKey' }, {});
      expect(page.edges.map((e) => targetsOf(e.node))).toEqual([[{ type: 'ApiKey', key: '6' }], [{ type: 'ApiKey', key: '5' }]]);
      expect(await page.totalCount()).toBe(2);
    });

    it('filters by target type and key', async () => {
      const page = await services.audit.list({ target: { type: 'ApiKey', key: 5 } }, {});
      expect(page.edges.map((e) => e.node.action)).toEqual(['revokeApiKey', 'createApiKey']);
      expect(await page.totalCount()).toBe(2);
      const profile = await services.audit.list({ target: { type: 'Profile', key: '5' } }, {});
      expect(profile.edges.map((e) => e.node.action)).toEqual(['assignProfile']);
      expect(profile.edges[0]!.node.targets).toHaveLength(2);
    });

    it('combines the action and target filters', async () => {
      const page = await services.audit.list({ action: 'createApiKey', target: { type: 'ApiKey', key: 5 } }, {});
      expect(page.edges).toHaveLength(1);
      expect(targetsOf(page.edges[0]!.node)).toEqual([{ type: 'ApiKey', key: '5' }]);
    });

    it('finds one event by id with its targets, and null for an unknown id', async () => {
      const [newest, second] = (await services.audit.list({}, { first: 2 })).edges.map((e) => e.node);
      expect(newest!.action).toBe('noTargets');
      const found = await services.audit.findById(second!.id);
      expect(found?.action).toBe('assignProfile');
      expect(found && targetsOf(found)).toEqual(targetsOf(second!));
      expect(await services.audit.findById(newest!.id + 1000)).toBeNull();
    });
  });
});
