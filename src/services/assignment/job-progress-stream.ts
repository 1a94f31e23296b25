/**
 * One job's progress as a stream: its ASSIGNMENT_JOB_PROGRESSED events from the bus, ending
 * after the event with a final status, so a subscriber's `for await` finishes with the job.
 *
 * The bus is listened to before the job is read: an event published between the read and the
 * first listen would otherwise be lost, and with it, for a job ending at that moment, the end of
 * the stream. A job that has already ended gets one event built from its stored row, and the
 * stream ends at once.
 *
 * The stream is a plain async iterator, not an async generator: a generator waiting for the bus
 * cannot be returned until the next event arrives, so a client leaving a quiet job would hold
 * its listener until then.
 */
import type { AssignmentJob } from '../../entities/assignment-job.entity.js';
import { Topic, type AssignmentJobProgressed } from '../../platform/events/event-bus.js';
import type { ServiceDependencies } from '../service-dependencies.js';
import { FINAL_JOB_STATUSES, progressOf } from './job-state.js';

type Events = AsyncIterator<AssignmentJobProgressed, undefined>;

/** The job's progress, from now until it ends; null when the job does not exist (nothing streams). */
export async function jobProgressFromNow(
  findJob: (jobId: number) => Promise<AssignmentJob | null>,
  deps: Pick<ServiceDependencies, 'clock' | 'events'>,
  jobId: number,
): Promise<AsyncIterableIterator<AssignmentJobProgressed> | null> {
  const bus = deps.events.subscribe(Topic.ASSIGNMENT_JOB_PROGRESSED)[Symbol.asyncIterator]() as Events;
  // The bus listens from its first next(), which this is; the event it resolves with is read below.
  const first = bus.next();
  let job: AssignmentJob | null;
  try {
    job = await findJob(jobId);
  } catch (error) {
    await bus.return?.();
    throw error;
  }
  if (!job || FINAL_JOB_STATUSES.has(job.status)) {
    await bus.return?.();
    return job && once(progressOf(job, 0, job.finishedAt ?? deps.clock.now()));
  }
  return untilEnded(bus, first, jobId);
}

/** The events of `jobId` from `bus` (starting with the pending `first`), up to and including the final one. */
function untilEnded(bus: Events, first: Promise<IteratorResult<AssignmentJobProgressed, undefined>>, jobId: number) {
  let pending: typeof first | null = first;
  let ended = false;
  const end = async (): Promise<IteratorReturnResult<undefined>> => {
    ended = true;
    // Also settles a next() still waiting on the bus, with done.
    await bus.return?.();
    return { done: true, value: undefined };
  };
  const stream: AsyncIterableIterator<AssignmentJobProgressed> = {
    async next() {
      while (!ended) {
        const result = await (pending ?? bus.next());
        pending = null;
        if (result.done) return end();
        if (result.value.jobId !== jobId) continue;
        if (FINAL_JOB_STATUSES.has(result.value.status)) await end();
        return { done: false, value: result.value };
      }
      return { done: true, value: undefined };
    },
    return: end,
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}

/** A stream of one event (a generator is fine here: it never waits). */
async function* once(event: AssignmentJobProgressed): AsyncGenerator<AssignmentJobProgressed> {
  yield event;
}
