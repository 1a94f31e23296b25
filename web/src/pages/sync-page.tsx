/**
 * Device sync of the selected token: "Sync now", the run's live progress (`syncProgressed`), the
 * countdown until the next sync may start (`syncCooldown`, Intune's 15-minute rules) and the runs.
 */
import { useMutation, useQuery, useSubscription } from 'urql';
import { ErrorSummary } from '../components/error-summary';
import { SyncProgressPanel } from '../components/sync-progress';
import { apiErrors } from '../errors';
import { SyncCooldownDocument, SyncDevicesDocument, TokenSyncDocument } from '../gql/graphql';
import { NoToken, useTokens } from '../tokens';

export function SyncPage() {
  const { selected } = useTokens();
  if (!selected) return <NoToken />;
  return <TokenSync key={selected.id} tokenId={selected.id} />;
}

/** `930` -> `15:30`. */
export function minutesAndSeconds(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${s.toString().padStart(2, '0')}`;
}

function TokenSync({ tokenId }: { tokenId: string }) {
  const [history, refetch] = useQuery({ query: TokenSyncDocument, variables: { tokenId } });
  const [started, syncNow] = useMutation(SyncDevicesDocument);
  const [{ data: cooldownData }] = useSubscription({ query: SyncCooldownDocument, variables: { tokenId } });
  const cooldown = cooldownData?.syncCooldown;
  const node = history.data?.node;
  const token = node && 'syncRuns' in node ? node : null;
  const runs = token?.syncRuns.edges.map((e) => e.node) ?? [];
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const waiting = cooldown ? cooldown.syncAvailableInSeconds > 0 : false;

  return (
    <>
      <section className="card" aria-labelledby="sync-now-title">
        <h2 id="sync-now-title">Sync devices with Apple</h2>
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={started.fetching || waiting}
            onClick={async () => {
              await syncNow({ input: { tokenId } });
              reload();
            }}
          >
            Sync now
          </button>
          <span aria-live="polite" data-testid="sync-cooldown">
            {!cooldown
              ? 'Connecting…'
              : cooldown.running
                ? `A sync is running; the next may start in ${minutesAndSeconds(cooldown.syncAvailableInSeconds)}.`
                : waiting
                  ? `Next sync available in ${minutesAndSeconds(cooldown.syncAvailableInSeconds)}.`
                  : cooldown.fullSyncAvailableInSeconds > 0
                    ? `A sync may start now (limited; a full one in ${Math.ceil(cooldown.fullSyncAvailableInSeconds / 3600)} h).`
                    : 'A full sync may start now.'}
          </span>
        </div>
        <ErrorSummary errors={apiErrors(started.error)} />
        <SyncProgressPanel tokenId={tokenId} onEvent={(p) => !p.snapshot && p.status !== 'RUNNING' && reload()} />
      </section>

      <table className="table">
        <caption>Run history</caption>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Kind</th>
            <th scope="col">Trigger</th>
            <th scope="col">Status</th>
            <th scope="col">Seen</th>
            <th scope="col">Added</th>
            <th scope="col">Updated</th>
            <th scope="col">Removed</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td>{new Date(run.startedAt).toLocaleString()}</td>
              <td>{run.kind}</td>
              <td>{run.trigger}</td>
              <td>
                <span className={`badge run-${run.status}`}>{run.status}</span>
              </td>
              <td>{run.devicesSeen}</td>
              <td>{run.devicesAdded}</td>
              <td>{run.devicesUpdated}</td>
              <td>{run.devicesRemoved}</td>
              <td>{run.errorMessage ?? (run.fallbackReason ? `full because ${run.fallbackReason}` : '')}</td>
            </tr>
          ))}
          {runs.length === 0 && !history.fetching ? (
            <tr>
              <td colSpan={9} className="muted">
                No sync yet.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <ErrorSummary errors={apiErrors(history.error)} />
    </>
  );
}
