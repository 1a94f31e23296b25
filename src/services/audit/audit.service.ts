/**
 * The audit log, and the one way a mutation changes data: `audit.mutate(ctx, action, work)`.
 *
 * `mutate` runs the work and the audit event of its success in one transaction, so the log and
 * the data can never disagree. When the work fails, the transaction is rolled back (nothing of
 * it remains) and the failure is recorded afterwards, in its own transaction, with its code.
 * Events are published to subscribers only after the commit.
 */
import type { EntityManager } from 'typeorm';
import { AuditEvent, AuditEventTarget, AuditOutcome } from '../../entities/audit-event.entity.js';
import type { JsonFacts } from '../../entities/columns.js';
import type { Database } from '../../entities/database.js';
import { ErrorCode, isHomeroomError } from '../../errors.js';
import type { Clock } from '../../platform/clock.js';
import { Topic, type EventBus } from '../../platform/events/event-bus.js';
import { type Page, type PageRequest, paginate } from '../../entities/pagination.js';
import type { RequestContext } from '../../platform/request-context.js';
import { checkOneLineText } from '../../text-input.js';

/** An object an audit event concerns: its GraphQL type name and row key. */
export interface AuditTarget {
  readonly type: string;
  readonly key: string | number;
}

/** What the work tells the audit log while it runs. */
export class AuditRecord {
  readonly targets: AuditTarget[] = [];
  details: JsonFacts | null = null;
  /** Run once the work committed, before its audit event is published. */
  readonly committed: Array<() => void> = [];

  target(type: string, key: string | number): this {
    if (!this.targets.some((t) => t.type === type && String(t.key) === String(key))) this.targets.push({ type, key });
    return this;
  }

  detail(facts: JsonFacts): this {
    this.details = { ...this.details, ...facts };
    return this;
  }

  /**
   * Runs `callback` once the transaction committed (never after a rollback), before the audit
   * event is published: a revocation closes the key's sockets before they could hear of it.
   */
  afterCommit(callback: () => void): this {
    this.committed.push(callback);
    return this;
  }
}

export interface AuditFilter {
  readonly action?: string | null;
  readonly target?: AuditTarget | null;
}

export class AuditService {
  /** Errors already written as failures, so a failure reported twice is logged once. */
  private readonly recorded = new WeakSet<object>();

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly events: EventBus,
  ) {}

  async mutate<T>(ctx: RequestContext, action: string, work: (tx: EntityManager, record: AuditRecord) => Promise<T>): Promise<T> {
    const record = new AuditRecord();
    let eventId: number | undefined;
    try {
      const result = await this.database.transaction(async (tx) => {
        const value = await work(tx, record);
        eventId = await this.insert(tx, ctx, action, record, null);
        return value;
      });
      for (const callback of record.committed) callback();
      this.published(eventId, action);
      return result;
    } catch (error) {
      await this.recordFailure(ctx, action, error, record);
      throw error;
    }
  }

  /**
   * Runs `work`, recording its failure as {@link recordFailure} does: for work that does something
   * (calls Apple, hashes passwords) before its audited transaction. A failure inside that transaction
   * was already recorded by `mutate`, which `recordFailure` knows and skips.
   */
  async recordingFailures<T>(ctx: RequestContext, action: string, record: AuditRecord, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      await this.recordFailure(ctx, action, error, record);
      throw error;
    }
  }

  /**
   * Records an attempt that changed nothing. Attempts without an authenticated actor are not
   * recorded: there is no one to name, and it would let anyone fill the log.
   */
  async recordFailure(ctx: RequestContext, action: string, error: unknown, record: AuditRecord = new AuditRecord()): Promise<void> {
    if (!ctx.actor) return;
    if (typeof error === 'object' && error !== null) {
      if (this.recorded.has(error)) return;
      this.recorded.add(error);
    }
    const failure = isHomeroomError(error)
      ? { code: error.code, message: error.message }
      : { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Unexpected error; the server log has the cause under this request id.' };
    try {
      const id = await this.database.transaction((tx) => this.insert(tx, ctx, action, record, failure));
      this.published(id, action);
    } catch (auditError) {
      // The caller gets the original error either way; losing this line must not hide it.
      ctx.logger.error({ err: auditError, action }, 'could not record a failed attempt in the audit log');
    }
  }

  async list(filter: AuditFilter, page: PageRequest): Promise<Page<AuditEvent>> {
    const query = this.database.manager.getRepository(AuditEvent).createQueryBuilder('event');
    if (filter.action) checkOneLineText('filter.action', filter.action);
    if (filter.action) query.andWhere('event.action = :action', { action: filter.action });
    if (filter.target) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM audit_event_target t WHERE t.event_id = event.id AND t.target_type = :targetType AND t.target_key = :targetKey)',
        { targetType: filter.target.type, targetKey: String(filter.target.key) },
      );
    }
    const result = await paginate(query, { column: 'event.id', keyOf: (e) => e.id, direction: 'DESC' }, page);
    await this.attachTargets(result.edges.map((e) => e.node));
    return result;
  }

  async findById(id: number): Promise<AuditEvent | null> {
    const event = await this.database.manager.findOneBy(AuditEvent, { id });
    if (event) await this.attachTargets([event]);
    return event;
  }

  /** Loads the targets of a page of events in one query (not one per event). */
  private async attachTargets(events: AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    const rows = await this.database.manager
      .getRepository(AuditEventTarget)
      .createQueryBuilder('t')
      .where('t.event_id IN (:...ids)', { ids: events.map((e) => e.id) })
      .orderBy('t.id', 'ASC')
      .getRawMany<{ t_event_id: number; t_target_type: string; t_target_key: string }>();
    const byEvent = new Map<number, AuditEventTarget[]>(events.map((e) => [e.id, []]));
    for (const r of rows) {
      byEvent
        .get(Number(r.t_event_id))
        ?.push(Object.assign(new AuditEventTarget(), { targetType: r.t_target_type, targetKey: r.t_target_key }));
    }
    for (const event of events) event.targets = byEvent.get(event.id)!;
  }

  private async insert(
    tx: EntityManager,
    ctx: RequestContext,
    action: string,
    record: AuditRecord,
    failure: { code: ErrorCode; message: string } | null,
  ): Promise<number> {
    const actor = ctx.actor;
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(AuditEvent)
      .values({
        occurredAt: this.clock.now(),
        actorName: actor?.name ?? 'anonymous',
        actorApiKeyId: actor?.apiKeyId ?? null,
        action,
        outcome: failure ? AuditOutcome.FAILED : AuditOutcome.SUCCEEDED,
        errorCode: failure?.code ?? null,
        errorMessage: failure?.message.slice(0, 1000) ?? null,
        requestId: ctx.requestId,
        details: record.details,
      })
      .execute();
    const id = Number(inserted.identifiers[0]?.id);
    if (record.targets.length > 0) {
      await tx
        .createQueryBuilder()
        .insert()
        .into(AuditEventTarget)
        .values(record.targets.map((t) => ({ event: { id }, targetType: t.type, targetKey: String(t.key) })))
        .updateEntity(false)
        .execute();
    }
    return id;
  }

  private published(eventId: number | undefined, action: string): void {
    if (eventId !== undefined) this.events.publish(Topic.AUDIT_EVENT_RECORDED, { auditEventId: eventId, action });
  }
}
