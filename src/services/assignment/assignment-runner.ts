/**
 * One assignment job, from QUEUED to its end, in the background.
 *
 * The loop: take the next serials due (retries whose time came first, then PENDING ones in device
 * order), at most 1000, and send them to Apple (outside any transaction), one call at a time. The
 * answers are recorded per group of up to {@link GROUP_CALLS} calls: ONE transaction updates the
 * devices Apple accepted, records Apple's answer for each serial (a plain SUCCESS by the group's
 * record, `AssignmentGroup`, not on its outcome row), adds to the job's counts and renews the
 * job's lease. The calls go on while a group is written (one group
 * at a time), until the group being written and the answers landed since make a group: on
 * PostgreSQL the database's work and Apple's overlap. A crash therefore still loses at most a
 * group's worth of answers not yet recorded (and the call in flight), which the resumed job sends
 * again (Apple takes an assignment twice without complaint). PENDING serials are read a group at
 * a time too; each write is one statement over the whole group (an `IN` list on SQLite, one array
 * on PostgreSQL), so a group costs a handful of statements whatever its size.
 *
 * Apple's answers per serial: SUCCESS and NOT_ACCESSIBLE are final. THROTTLED is asked again
 * after Apple's `retry_after_seconds` (up to {@link THROTTLED_RETRIES} times); FAILED ("retry;
 * contact Apple after 3 failures") up to {@link FAILED_RETRIES} times, backing off
 * {@link FAILED_BACKOFF_MS} doubled each time. While serials wait, the job sleeps until the
 * first is due. An error of the whole call (the token refused, Apple unavailable after the DEP
 * client's own retries) ends the job FAILED; serials not answered stay PENDING.
 *
 * The lease (owner + time on the job row) keeps one process on a job; it is renewed with every
 * batch and before every wait. A stopping server releases it at the next batch boundary, so the
 * next start (or another instance) resumes the job at once; a crashed one's lease runs out.
 */
import type { DepClient } from '../../apple/dep-client.js';
import { AssignmentJob } from '../../entities/assignment-job.entity.js';
import { endedJobColumns } from '../../entities/leased-job.js';
import type { Database } from '../../entities/database.js';
import { ErrorCode, HomeroomError, isHomeroomError } from '../../errors.js';
import {
  JOB_LEASE_MS,
  LeasedJobRunner,
  Stopping,
  type AfterStepHook,
  type BeforeStepHook,
  leasedJobKind,
  type LeasedJobRunnerDependencies,
} from '../../platform/leased-jobs.js';
import { Topic, type AssignmentJobProgressed } from '../../platform/events/event-bus.js';
import { enrolledWithOtherProfile } from '../enrollment/wipe-rule.js';
import { Bindings } from '../../entities/raw-sql.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { AppleSessionGateway } from '../token/apple-session-gateway.js';
import type { AssignmentResult } from '../../entities/assignment-outcome.entity.js';
import type { QueryResult } from 'typeorm';
import { endStatusOf, progressOf } from './job-state.js';
import { answeredGroupsOf, answeredThrough } from './answered-outcomes.js';

/** Serials per Apple call: Apple's limit. */
export const APPLE_BATCH = 1000;
/**
 * Apple calls whose answers one transaction records. Larger groups save statements and commits
 * (each commit is a WAL write, and an fsync on PostgreSQL) but lose more to a crash; a group
 * of 5000 serials stays far below SQLite's limit of bound values.
 */
export const GROUP_CALLS = 5;
/** PENDING serials read at once. */
export const PENDING_READ = 5 * APPLE_BATCH;
/** How often a serial Apple keeps throttling is asked again before it is reported THROTTLED. */
export const THROTTLED_RETRIES = 10;
/** How often a FAILED serial is asked again (Apple: "contact Apple after 3 failures"). */
export const FAILED_RETRIES = 3;
/** The first wait before a FAILED serial is asked again; each later wait doubles. */
export const FAILED_BACKOFF_MS = 15_000;
/** Apple throttled without saying how long to wait (protocol < 10): this long. */
export const DEFAULT_THROTTLE_WAIT_MS = 60_000;
/** How long a job's lease lasts past its last renewal (the one every leased job has). */
export const LEASE_MS = JOB_LEASE_MS;

/** Assignment jobs, for the lease they share with user imports. */
const UNEXPECTED_FAILURE = 'The assignment failed unexpectedly; see the server log.';
export const ASSIGNMENT_JOBS = leasedJobKind(AssignmentJob, 'QUEUED', 'an assignment job', UNEXPECTED_FAILURE);

/** Test and benchmark seams; production sets none. */
export interface AssignmentHooks {
  /** Waits for retries that are not due yet. Default: a real timer (cut short when the server stops). */
  sleep?: (ms: number) => Promise<void>;
  beforeBatch?: BeforeStepHook;
  /** Called for each batch once its group committed, in order, with the job's counts as they stood after that batch. */
  afterBatchCommitted?: AfterStepHook<AssignmentJobProgressed>;
}

export interface RunnerDependencies extends LeasedJobRunnerDependencies {
  readonly appleSessions: AppleSessionGateway;
  readonly hooks: AssignmentHooks;
}

/** A row of `assignment_outcome` as the driver returns it (PostgreSQL may give integers as text). */
interface OutcomeRow {
  readonly id: number | string;
  readonly serial_number: string;
  readonly device_id: number | string | null;
  readonly attempts: number | string;
  readonly failures: number | string;
}

/** Apple's answer to a batch: per serial, and when to ask again. */
interface Answered {
  readonly results: Record<string, string>;
  readonly retryAfterSeconds: number | null;
  /** The Apple UUID assigned; null for removals. */
  readonly uuid: string | null;
}

/** Serials sent to Apple, and the answer to come. */
interface Batch {
  readonly due: DueOutcome[];
  readonly answer: Promise<Answered>;
}

/** Serials Apple answered, not recorded yet. */
interface Landed {
  readonly due: readonly DueOutcome[];
  readonly answered: Answered;
}

/** The job's count columns a batch adds to. */
type CountColumn = 'succeededCount' | 'notAccessibleCount' | 'failedCount' | 'throttledCount' | 'requiresWipeCount' | 'appleCalls';

interface DueOutcome {
  readonly id: number;
  readonly serialNumber: string;
  readonly deviceId: number | null;
  readonly attempts: number;
  readonly failures: number;
}

/** One serial's new state after an Apple answer. */
interface Answer {
  readonly result: AssignmentResult;
  /** When to ask again; null when final. */
  readonly retryAt: Date | null;
  readonly failed: boolean;
}

/** A job's final counts, by column. */
const FINAL_COUNT_COLUMN: Partial<Record<AssignmentResult, CountColumn>> = {
  SUCCESS: 'succeededCount',
  NOT_ACCESSIBLE: 'notAccessibleCount',
  FAILED: 'failedCount',
  THROTTLED: 'throttledCount',
};

export class AssignmentRunner extends LeasedJobRunner<AssignmentJob> {
  private wake: (() => void) | null = null;
  /** The last PENDING outcome read: the next read starts after it. */
  private cursor = 0;
  /** PENDING outcomes read (a group's worth at a time) and not sent yet, in device order. */
  private queued: DueOutcome[] = [];
  /** The profile's Apple UUID (ASSIGN), read again with every read of serials (see {@link dueOutcomes}). */
  private uuid: string | null = null;
  /** Batches Apple answered that the next group commit records. */
  private landed: Landed[] = [];
  /** The group commit under way (at most one): Apple's next calls go out and land while it writes. */
  private writing: Promise<void> | null = null;
  /** Apple calls in the group under way: with those landed since, never more than {@link GROUP_CALLS}. */
  private writingCalls = 0;
  /** The earliest retry known to wait; null when none does. */
  private retryAt: Date | null = null;

  constructor(
    private readonly deps: RunnerDependencies,
    ctx: RequestContext,
    jobId: number,
  ) {
    super(ASSIGNMENT_JOBS, deps, ctx, jobId);
  }

  /** Ends the job's work at the next batch boundary (it stays RUNNING, lease released, resumable). */
  override requestStop(): void {
    super.requestStop();
    this.wake?.();
  }

  protected override async work(job: AssignmentJob): Promise<void> {
    await this.deps.appleSessions.callApple(job.tokenId, (client) => this.loop(client));
  }

  protected override logFailure(error: unknown, code: string, message: string): void {
    if (isHomeroomError(error)) this.ctx.logger.warn({ code, jobId: this.jobId, message }, 'assignment job failed');
    else super.logFailure(error, code, message);
  }

  // ----------------------------------------------------------------------------------------------

  private async loop(client: DepClient): Promise<void> {
    const job = this.job!;
    this.retryAt = await this.nextRetryAt();
    // PENDING rows up to the last group recorded were answered (a SUCCESS is not written to its row): resume after them.
    this.cursor = answeredThrough(await answeredGroupsOf(this.deps.database.manager, this.jobId));
    let inFlight: Batch | null = null;
    try {
      for (;;) {
        this.checkpoint();
        await this.deps.hooks.beforeBatch?.(this.jobId);
        this.checkpoint();
        // Retries reread rows that answers not recorded yet may hold: record them first.
        const retrying = this.retryAt !== null && this.retryAt.getTime() <= this.deps.clock.now().getTime();
        if (retrying && (inFlight || this.landed.length > 0 || this.writing)) {
          if (inFlight) await this.land(inFlight);
          inFlight = null;
          await this.recordLanded();
        }
        const due = await this.dueOutcomes(retrying);
        // One call to Apple at a time, but a group of answers is written while Apple answers the next call.
        const sent = due.length > 0 ? this.send(client, job, due) : null;
        if (inFlight) await this.land(inFlight);
        inFlight = sent;
        // Answers not recorded yet never exceed a group, so a crash loses no more than it did before writes overlapped calls.
        if (this.landed.length + this.writingCalls >= GROUP_CALLS) await this.commitLanded();
        if (inFlight) continue;
        await this.recordLanded();
        this.retryAt = await this.nextRetryAt();
        if (this.retryAt === null) return;
        await this.waitUntil(this.retryAt);
      }
    } catch (error) {
      // A stopping server still records what Apple already did; a failure leaves the group for the resume to send again.
      if (error instanceof Stopping) {
        const last = inFlight;
        inFlight = null;
        if (last) await this.land(last);
        await this.recordLanded();
      }
      throw error;
    } finally {
      inFlight?.answer.catch(() => undefined);
      // Whatever ended the loop, the job's end is recorded only after the group under way.
      await this.writing?.catch(() => undefined);
    }
  }

  /** Starts Apple's call for `due`; the answer is awaited by {@link land}. */
  private send(client: DepClient, job: AssignmentJob, due: DueOutcome[]): Batch {
    const serials = due.map((outcome) => outcome.serialNumber);
    const answer = (async () => {
      if (job.kind !== 'ASSIGN') return { results: await client.removeProfile(serials), retryAfterSeconds: null, uuid: null };
      const uuid = this.uuid ?? (this.uuid = await this.profileUuid(job));
      const answered = await client.assignProfile(uuid, serials);
      return { results: answered.results as Record<string, string>, retryAfterSeconds: answered.retryAfterSeconds, uuid };
    })();
    // Awaited later; until then a rejection must not count as unhandled.
    answer.catch(() => undefined);
    return { due, answer };
  }

  /** Waits for Apple's answer to the batch; the next group commit records it. */
  private async land(batch: Batch): Promise<void> {
    let answered: Answered;
    try {
      answered = await batch.answer;
    } catch (error) {
      // Apple refused this call: what it answered before is still recorded before the job ends.
      await this.recordLanded();
      throw error;
    }
    this.landed.push({ due: batch.due, answered });
  }

  /**
   * Starts recording the batches landed so far, once the group before them is recorded (which
   * throws if that one failed), and returns without waiting for it: Apple's next calls overlap
   * the writes. One group writes at a time, so events and hooks keep the batches' order.
   */
  private async commitLanded(): Promise<void> {
    await this.written();
    if (this.landed.length === 0) return;
    const group = this.landed;
    this.landed = [];
    const writing = this.record(group);
    this.writingCalls = group.length;
    // Awaited by the next commit or by {@link written}; until then a failure must not count as unhandled.
    writing.catch(() => undefined);
    this.writing = writing;
  }

  /** Records every batch landed so far and waits until it is written. */
  private async recordLanded(): Promise<void> {
    await this.commitLanded();
    await this.written();
  }

  /** Waits for the group commit under way, if any, and passes on its failure. */
  private async written(): Promise<void> {
    const writing = this.writing;
    if (!writing) return;
    try {
      await writing;
    } finally {
      if (this.writing === writing) {
        this.writing = null;
        this.writingCalls = 0;
      }
    }
  }

  /** Records a group in one transaction, then reports each batch (events, hook) in order. */
  private async record(group: readonly Landed[]): Promise<void> {
    const job = this.job!;
    const counts = await this.commit(group);
    for (const [index, batch] of group.entries()) {
      for (const [column, n] of counts[index]!) job[column] += n;
      const progress = this.publish(job, batch.due.length);
      await this.runHook(() => this.deps.hooks.afterBatchCommitted?.(progress));
    }
  }

  /** The profile's Apple UUID now (an update of the profile moves it to a new one: the next group sends that). */
  private async profileUuid(job: AssignmentJob): Promise<string> {
    const manager = this.deps.database.manager;
    const sql = new Bindings(manager);
    const rows =
      job.profileId === null
        ? []
        : ((await manager.query(
            `SELECT apple_profile_uuid FROM enrollment_profile WHERE id = ${sql.bind(job.profileId)}`,
            sql.values,
          )) as Array<{
            apple_profile_uuid: string;
          }>);
    if (rows.length === 0) throw new HomeroomError(ErrorCode.NOT_FOUND, 'The profile of this assignment was deleted while the job ran.');
    return rows[0]!.apple_profile_uuid;
  }

  /**
   * Up to 1000 serials: when `retrying`, the retries whose time came, then PENDING ones in
   * device order after the last read (so a batch in flight is never taken twice), read a group's
   * worth at a time.
   */
  private async dueOutcomes(retrying: boolean): Promise<DueOutcome[]> {
    const manager = this.deps.database.manager;
    const columns = 'id, serial_number, device_id, attempts, failures';
    // PENDING rows were never answered: their counts are 0, not worth reading.
    const pendingColumns = 'id, serial_number, device_id, 0 AS attempts, 0 AS failures';
    const rows: OutcomeRow[] = [];
    if (retrying) {
      const sql = new Bindings(manager);
      const now = this.deps.clock.now();
      rows.push(
        ...((await manager.query(
          `SELECT ${columns} FROM assignment_outcome WHERE job_id = ${sql.bind(this.jobId)} AND retry_at IS NOT NULL ` +
            `AND retry_at <= ${sql.bind(now.toISOString())} ORDER BY id LIMIT ${APPLE_BATCH}`,
          sql.values,
        )) as OutcomeRow[]),
      );
      // A full batch may leave more due; otherwise the next retry is the earliest not due yet.
      this.retryAt = rows.length === APPLE_BATCH ? now : await this.nextRetryAt(now);
    }
    const room = APPLE_BATCH - rows.length;
    let read = retrying;
    if (room > 0 && this.queued.length < room) {
      read = true;
      const sql = new Bindings(manager);
      const pending = (await manager.query(
        `SELECT ${pendingColumns} FROM assignment_outcome WHERE job_id = ${sql.bind(this.jobId)} AND result = 'PENDING' ` +
          `AND id > ${sql.bind(this.cursor)} ORDER BY id LIMIT ${PENDING_READ}`,
        sql.values,
      )) as OutcomeRow[];
      if (pending.length > 0) this.cursor = Number(pending[pending.length - 1]!.id);
      this.queued.push(...pending.map(dueOf));
    }
    // Read now, not when the call goes out: on SQLite that read would wait for the group commit the call should overlap.
    if (read && this.job!.kind === 'ASSIGN') this.uuid = await this.profileUuid(this.job!);
    return [...rows.map(dueOf), ...this.queued.splice(0, Math.max(0, room))];
  }

  /** The earliest retry waiting (after `after`, when given); null when none waits. */
  private async nextRetryAt(after?: Date): Promise<Date | null> {
    const sql = new Bindings(this.deps.database.manager);
    const rows = (await this.deps.database.manager.query(
      `SELECT MIN(retry_at) AS next FROM assignment_outcome WHERE job_id = ${sql.bind(this.jobId)} AND retry_at IS NOT NULL` +
        (after ? ` AND retry_at > ${sql.bind(after.toISOString())}` : ''),
      sql.values,
    )) as Array<{ next: string | null }>;
    const next = rows[0]?.next;
    return next ? new Date(next) : null;
  }

  /** Sleeps until `at` holding the lease past it; a stopping server cuts the wait short. */
  private async waitUntil(at: Date): Promise<void> {
    const now = this.deps.clock.now();
    await this.transaction(async () => undefined, new Date(at.getTime() + LEASE_MS));
    const ms = Math.max(0, at.getTime() - now.getTime());
    if (this.deps.hooks.sleep) {
      await this.deps.hooks.sleep(ms);
      return;
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = null;
  }

  /** Apple's answer for one serial, as the serial's new state. */
  private answerOf(status: string | undefined, outcome: DueOutcome, retryAfterSeconds: number | null, now: Date): Answer {
    if (status === 'SUCCESS' || status === 'NOT_ACCESSIBLE') return { result: status, retryAt: null, failed: false };
    if (status === 'THROTTLED') {
      const wait = retryAfterSeconds !== null ? retryAfterSeconds * 1000 : DEFAULT_THROTTLE_WAIT_MS;
      const retryAt = outcome.attempts < THROTTLED_RETRIES ? new Date(now.getTime() + wait) : null;
      return { result: 'THROTTLED', retryAt, failed: false };
    }
    // FAILED, or a serial Apple left out of its answer (the DEP client reports those FAILED too).
    const failures = outcome.failures + 1;
    const retryAt = failures <= FAILED_RETRIES ? new Date(now.getTime() + FAILED_BACKOFF_MS * 2 ** (failures - 1)) : null;
    return { result: 'FAILED', retryAt, failed: true };
  }

  /**
   * One transaction for a group of answered batches: the devices Apple accepted, each answer but
   * a plain SUCCESS, the group's record (which answers every PENDING row it sent that is not
   * written otherwise: see `AssignmentGroup`), and the job's counts and lease (checked last:
   * losing it rolls the whole group back). Apple takes nearly every serial, so a group writes its
   * devices and little else. Set-based: one UPDATE per Apple UUID of the devices (one, unless the
   * profile changed meanwhile), which also returns the devices to be wiped, one UPDATE per
   * distinct other new state of the outcomes (a group has a handful), one INSERT, one UPDATE of
   * the job. Statements are hand-written with positional values: at thousands of serials, the
   * query builder's named values cost more than the writes (see raw-sql.ts). Returns what each
   * batch adds to the job's counts, for its event.
   */
  private async commit(group: readonly Landed[]): Promise<Array<Map<CountColumn, number>>> {
    const job = this.job!;
    const perBatch = group.map(() => new Map<CountColumn, number>());
    await this.deps.database.transaction(async (manager) => {
      // Every statement below picks rows by primary key; a table just filled (the job's outcomes, a first sync's
      // devices) has no statistics yet, and PostgreSQL would scan it whole for each group.
      if (manager.connection.options.type === 'postgres') await manager.query('SET LOCAL enable_seqscan = off');
      const now = this.deps.clock.now();
      const stamp = now.toISOString();
      const answers = group.flatMap(({ due, answered }, batch) =>
        due.map((outcome) => ({
          batch,
          outcome,
          uuid: answered.uuid,
          answer: this.answerOf(answered.results[outcome.serialNumber], outcome, answered.retryAfterSeconds, now),
        })),
      );
      const accepted = answers.filter(({ answer, outcome }) => answer.result === 'SUCCESS' && outcome.deviceId !== null);
      // The devices Apple accepted, by the UUID they got (one, unless the profile changed while the group was sent). A
      // device already activated with another profile keeps it until wiped, decided from its row before the change, in
      // the same statement (which returns who it was). Activated means Apple saw it fetch a profile (`pushed`), or it
      // waits for a wipe already, or it is enrolled with Homeroom under another profile (a device moved from another
      // token's server shows `empty` here, yet runs its old configuration).
      const wiped = new Set<number>();
      const byUuid = new Map<string | null, number[]>();
      for (const { outcome, uuid } of accepted) {
        const devices = byUuid.get(uuid) ?? [];
        devices.push(outcome.deviceId!);
        byUuid.set(uuid, devices);
      }
      for (const [uuid, devices] of byUuid) {
        // Values bind in the order the text names them: build the statement left to right.
        const sql = new Bindings(manager);
        if (job.kind !== 'ASSIGN') {
          await manager.query(
            `UPDATE device SET profile_id = NULL, profile_status = 'removed', requires_wipe = FALSE WHERE id ${sql.in(devices)}`,
            sql.values,
          );
          continue;
        }
        let statement = `UPDATE device SET profile_id = ${sql.bind(job.profileId)}, apple_profile_uuid = ${sql.bind(uuid)}, `;
        statement += `profile_status = 'assigned', profile_assign_time = ${sql.bind(stamp)}, profile_push_time = NULL, `;
        // A device migrating without erase (Apple's deadline set) takes the new profile without a wipe.
        statement += `requires_wipe = CASE WHEN mdm_migration_deadline IS NULL AND (profile_status = 'pushed' OR requires_wipe = TRUE OR `;
        statement += `${enrolledWithOtherProfile(sql.bind(job.profileId))}) THEN TRUE ELSE FALSE END `;
        statement += `WHERE id ${sql.in(devices)} RETURNING id, requires_wipe`;
        const updated = (await manager.queryRunner!.query(statement, sql.values, true)) as QueryResult;
        for (const row of updated.records as Array<{ id: number | string; requires_wipe: boolean | number }>) {
          if (row.requires_wipe === true || Number(row.requires_wipe) === 1) wiped.add(Number(row.id));
        }
      }

      // Every answer but a first plain SUCCESS (the group's record below answers those): one UPDATE per distinct new state.
      const states = new Map<string, { answer: Answer; requiresWipe: boolean; retried: boolean; ids: number[] }>();
      for (const { batch, outcome, answer } of answers) {
        const requiresWipe = answer.result === 'SUCCESS' && outcome.deviceId !== null && wiped.has(outcome.deviceId);
        // Rows never retried have no retry time to clear; leaving the column out spares its index.
        const retried = outcome.attempts > 0;
        const counts = perBatch[batch]!;
        const column = answer.retryAt === null ? FINAL_COUNT_COLUMN[answer.result] : undefined;
        if (column) counts.set(column, (counts.get(column) ?? 0) + 1);
        if (requiresWipe) counts.set('requiresWipeCount', (counts.get('requiresWipeCount') ?? 0) + 1);
        if (answer.result === 'SUCCESS' && !requiresWipe && !retried) continue;
        const key = `${answer.result}/${answer.retryAt?.toISOString() ?? ''}/${answer.failed}/${requiresWipe}/${retried}`;
        const state = states.get(key) ?? { answer, requiresWipe, retried, ids: [] };
        state.ids.push(outcome.id);
        states.set(key, state);
      }
      for (const { answer, requiresWipe, retried, ids } of states.values()) {
        // Values bind in the order the text names them: build the statement left to right.
        const sql = new Bindings(manager);
        let statement = `UPDATE assignment_outcome SET result = ${sql.bind(answer.result)}, attempts = attempts + 1, `;
        statement += `failures = failures + ${answer.failed ? 1 : 0}, requires_wipe = ${requiresWipe ? 'TRUE' : 'FALSE'}, `;
        if (answer.retryAt !== null || retried) statement += `retry_at = ${sql.bind(answer.retryAt?.toISOString() ?? null)}, `;
        statement += `updated_at = ${sql.bind(stamp)} WHERE id ${sql.in(ids)}`;
        await manager.query(statement, sql.values);
        if (answer.retryAt && (this.retryAt === null || answer.retryAt.getTime() < this.retryAt.getTime())) this.retryAt = answer.retryAt;
      }

      // The group's record: PENDING rows are sent in id order and groups recorded in order, so every PENDING row up to the
      // highest this group sent was answered by now, and one not written above is a SUCCESS.
      const sent = answers.filter(({ outcome }) => outcome.attempts === 0).map(({ outcome }) => outcome.id);
      if (sent.length > 0) {
        const sql = new Bindings(manager);
        await manager.query(
          `INSERT INTO assignment_group (job_id, through_id, answered_at) ` +
            `VALUES (${sql.bind(this.jobId)}, ${sql.bind(Math.max(...sent))}, ${sql.bind(stamp)})`,
          sql.values,
        );
      }

      for (const counts of perBatch) counts.set('appleCalls', 1);
      const totals = new Map<CountColumn, number>();
      for (const counts of perBatch) for (const [column, n] of counts) totals.set(column, (totals.get(column) ?? 0) + n);
      await this.holdLeaseAdding(manager, totals, now);
    });
    return perBatch;
  }

  /**
   * A transaction only while this process holds the job; it renews the lease (to `leaseUntil`,
   * by default {@link LEASE_MS} from now). The lease check is an UPDATE, so on PostgreSQL a
   * concurrent claimer waits for the commit.
   */
  private async transaction(work: Parameters<Database['transaction']>[0], leaseUntil?: Date): Promise<void> {
    await this.deps.database.transaction(async (manager) => {
      await this.holdLease(manager, { leaseUntil: leaseUntil ?? this.leaseFrom(this.deps.clock.now()) });
      await work(manager);
    });
  }

  /** Records the end: the status the counts call for, or FAILED with the error. */
  protected override async finish(error: { code: string; message: string } | null): Promise<AssignmentJob | null> {
    let ended: AssignmentJob | null = null;
    await this.transaction(async (manager) => {
      const job = await manager.findOneByOrFail(AssignmentJob, { id: this.jobId });
      const now = this.deps.clock.now();
      const values = {
        status: error ? 'FAILED' : endStatusOf(job),
        ...endedJobColumns(now, error),
      };
      await manager.update(AssignmentJob, { id: this.jobId }, values);
      ended = Object.assign(job, values);
    });
    if (ended) this.publish(ended, 0);
    return ended;
  }

  private publish(job: AssignmentJob, batchSize: number): AssignmentJobProgressed {
    const progress = progressOf(job, batchSize, this.deps.clock.now());
    this.deps.events.publish(Topic.ASSIGNMENT_JOB_PROGRESSED, progress);
    return progress;
  }
}

/** A row read from `assignment_outcome`, with the driver's text integers as numbers. */
function dueOf(row: OutcomeRow): DueOutcome {
  return {
    id: Number(row.id),
    serialNumber: row.serial_number,
    deviceId: row.device_id === null ? null : Number(row.device_id),
    attempts: Number(row.attempts),
    failures: Number(row.failures),
  };
}
