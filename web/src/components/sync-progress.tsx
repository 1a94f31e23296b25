/**
 * A token's sync as it happens (`syncProgressed`): the snapshot first, then every page and phase.
 * The text and the bar come only from the subscription, so what is shown is live.
 */
import { useSubscription } from 'urql';
import { SyncProgressedDocument, type SyncProgressedSubscription } from '../gql/graphql';
import { ProgressBar } from './progress-bar';

type Progress = SyncProgressedSubscription['syncProgressed'];

export function SyncProgressPanel({ tokenId, onEvent }: { tokenId: string; onEvent?: (progress: Progress) => void }) {
  const [{ data, error }] = useSubscription({ query: SyncProgressedDocument, variables: { tokenId } }, (_previous, next) => {
    onEvent?.(next.syncProgressed);
    return next;
  });
  const progress = data?.syncProgressed;
  if (error) return <p role="alert">Live sync progress stopped: {error.message}</p>;
  if (!progress) return <p className="muted">Connecting to live sync progress…</p>;
  const running = progress.status === 'RUNNING';
  const summary = progress.runId
    ? `${progress.kind} sync ${progress.status}: phase ${progress.phase}, ${progress.devicesSeen} devices seen, ${progress.devicesAdded} added, ${progress.devicesRemoved} removed`
    : 'This token never synced.';
  return (
    <section className="sync-progress" aria-label="Live sync progress">
      <ProgressBar
        label="Sync progress"
        value={running ? (progress.percent ?? null) : progress.runId ? 100 : 0}
        text={
          running
            ? progress.percent === null || progress.percent === undefined
              ? 'running'
              : `${progress.percent.toFixed(0)}%`
            : (progress.status ?? 'idle')
        }
      />
      <p aria-live="polite" data-testid="sync-live-status">
        {summary}
        {progress.snapshot ? <span className="muted"> (as of {new Date(progress.at).toLocaleTimeString()})</span> : null}
      </p>
    </section>
  );
}
