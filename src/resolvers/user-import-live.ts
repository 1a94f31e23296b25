/**
 * The stream behind `userImportJobProgressed`: a snapshot of the import first, then its
 * USER_IMPORT_JOB_PROGRESSED events from the bus, ending after the event with a final status,
 * so a client's `for await` finishes with the import.
 *
 * The bus is listened to before the job is read, so no chunk committed after the snapshot is
 * missed; events the snapshot already covers (fewer or as many rows dealt with, same status) are
 * not sent again. An import that has already ended sends its snapshot (its final state) and the
 * stream ends at once.
 */
import { notFound } from '../errors.js';
import { Topic, type UserImportJobProgressed } from '../platform/events/event-bus.js';
import { listenThenRead, progressUntilEnded } from '../platform/events/snapshot-stream.js';
import type { Services } from '../services/services.js';
import { FINAL_IMPORT_STATUSES, importProgressOf } from '../services/user/user-import.service.js';
import { UserImportJobProgressType } from './user-import.type.js';

/** Rows dealt with: monotonic in a job's life, so an event below the snapshot's is older than it. */
function rowsDone(event: UserImportJobProgressed): number {
  return event.createdCount + event.failedCount;
}

/**
 * The import's progress, from now until it ends. NOT_FOUND (naming `globalId`) when the job does
 * not exist; that is thrown here, before anything streams.
 */
export async function importProgressFromNow(
  services: Services,
  jobId: number,
  globalId: string,
): Promise<AsyncIterable<UserImportJobProgressType>> {
  const listened = await listenThenRead(services.deps.events.subscribe(Topic.USER_IMPORT_JOB_PROGRESSED), async () => {
    const job = await services.userImports.findJob(jobId);
    return job && importProgressOf(job, 0, job.finishedAt ?? services.deps.clock.now());
  });
  if (!listened) throw notFound('user import job', globalId);
  const { snapshot } = listened;
  return progressUntilEnded(
    listened.events,
    listened.pending,
    UserImportJobProgressType.from(snapshot, true),
    (event) => {
      if (event.jobId !== jobId) return null;
      const covered = rowsDone(event) < rowsDone(snapshot) || (rowsDone(event) === rowsDone(snapshot) && event.status === snapshot.status);
      return covered ? null : UserImportJobProgressType.from(event);
    },
    (progress) => FINAL_IMPORT_STATUSES.has(progress.status),
  );
}
