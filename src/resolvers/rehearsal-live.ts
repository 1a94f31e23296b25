/**
 * The stream behind `rehearsalProgressed`: the rehearsal as it stands first, then its
 * REHEARSAL_PROGRESSED events from the bus, ending after the event with a final status. The bus is
 * listened to before the rehearsal is read, so no event after the snapshot is missed; events that
 * report no more iPads at rest than the snapshot (with the same status) are not sent again.
 */
import { notFound } from '../errors.js';
import { Topic } from '../platform/events/event-bus.js';
import { listenThenRead, progressUntilEnded } from '../platform/events/snapshot-stream.js';
import type { Services } from '../services/services.js';
import { RehearsalProgressType } from './rehearsal.type.js';

/** The rehearsal's progress from now until it ends; NOT_FOUND (naming `globalId`) when this server knows no such rehearsal. */
export async function rehearsalProgressFromNow(
  services: Services,
  rehearsalId: string,
  globalId: string,
): Promise<AsyncIterable<RehearsalProgressType>> {
  const listened = await listenThenRead(services.deps.events.subscribe(Topic.REHEARSAL_PROGRESSED), () =>
    services.rehearsals.find(rehearsalId),
  );
  if (!listened) throw notFound('rehearsal', globalId);
  const { snapshot } = listened;
  return progressUntilEnded(
    listened.events,
    listened.pending,
    RehearsalProgressType.from(snapshot, true),
    (event) =>
      event.rehearsalId !== rehearsalId || (event.status === 'RUNNING' && event.doneCount <= snapshot.doneCount)
        ? null
        : RehearsalProgressType.from(event),
    (progress) => progress.rehearsal.status !== 'RUNNING',
  );
}
