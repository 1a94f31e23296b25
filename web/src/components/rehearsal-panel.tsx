/**
 * "Start a rehearsal" on the enrollment wall: how many virtual iPads of the token to power on, the
 * button (`startRehearsal`), then the rehearsal's progress and result (`rehearsalProgressed`) while
 * the wall's tiles move. The server says whether it can run one at all (`rehearsalSupport`: only
 * with the built-in Apple simulator, in development); when it cannot, or the key's role may not,
 * the button stays disabled and the reason is shown and tied to it.
 */
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { ErrorSummary, FieldError } from './error-summary';
import { ProgressBar } from './progress-bar';
import { apiErrors, errorFor } from '../errors';
import {
  RehearsalProgressedDocument,
  RehearsalSupportDocument,
  StartRehearsalDocument,
  ViewerDocument,
  type RehearsalStateFragment,
} from '../gql/graphql';

const DEFAULT_COUNT = 20;

export function RehearsalPanel({ tokenId }: { tokenId: string }) {
  const [support] = useQuery({ query: RehearsalSupportDocument, requestPolicy: 'network-only' });
  const [viewer] = useQuery({ query: ViewerDocument });
  const [started, start] = useMutation(StartRehearsalDocument);
  const [count, setCount] = useState(String(DEFAULT_COUNT));
  const [followed, setFollowed] = useState<string | null>(null);
  const [latest, setLatest] = useState<RehearsalStateFragment | null>(null);

  const info = support.data?.rehearsalSupport;
  // A rehearsal already running on this token (started elsewhere, or before a reload) is followed too.
  const runningHere = info?.running && info.running.token.id === tokenId ? info.running : null;
  const rehearsalId = followed ?? runningHere?.id ?? null;
  const [progress] = useSubscription(
    { query: RehearsalProgressedDocument, variables: { id: rehearsalId ?? '' }, pause: rehearsalId === null },
    (_previous, event) => {
      setLatest(event.rehearsalProgressed.rehearsal);
      return event;
    },
  );
  const shown = latest && latest.id === rehearsalId ? latest : (runningHere ?? started.data?.startRehearsal.rehearsal ?? null);

  const mayRun = viewer.data?.viewer.permissions.includes('REHEARSAL_RUN') ?? true;
  const runningElsewhere = info?.running && info.running.id !== shown?.id && info.running.status === 'RUNNING';
  const busy = started.fetching || shown?.status === 'RUNNING';
  const why = !info
    ? null
    : !info.available
      ? (info.unavailableReason ?? 'This server cannot run rehearsals.')
      : !mayRun
        ? `Your key's role (${viewer.data?.viewer.role ?? ''}) cannot start rehearsals; OPERATOR and ADMIN keys can.`
        : runningElsewhere
          ? 'A rehearsal of another token is running on this server; start one when it ends.'
          : null;
  const errors = apiErrors(started.error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await start({ input: { tokenId, count: Number(count) } });
    const rehearsal = result.data?.startRehearsal.rehearsal;
    if (rehearsal) {
      setLatest(rehearsal);
      setFollowed(rehearsal.id);
    }
  }

  const countError = errorFor(errors, 'count');
  return (
    <section className="card" aria-labelledby="rehearsal-title">
      <h2 id="rehearsal-title">Rehearse the first day of term</h2>
      <p className="muted">
        Virtual iPads of this token power on and enroll against Homeroom over HTTP, as <code>npx homeroom simulate devices</code> does from
        a shell. iPads that never contacted Homeroom go first.
      </p>
      <form onSubmit={submit} className="actions">
        <label htmlFor="rehearsal-count">Number of iPads</label>
        <input
          id="rehearsal-count"
          type="number"
          inputMode="numeric"
          min={1}
          max={info?.maxCount ?? 1000}
          step={1}
          required
          value={count}
          onChange={(e) => setCount(e.target.value)}
          {...(countError ? { 'aria-invalid': true, 'aria-describedby': 'count-error' } : {})}
        />
        <button
          type="submit"
          className="primary"
          disabled={!info || why !== null || busy}
          aria-describedby={why ? 'rehearsal-why' : undefined}
        >
          {busy ? 'Rehearsal running…' : 'Start rehearsal'}
        </button>
      </form>
      {why ? (
        <p id="rehearsal-why" className="muted" data-testid="rehearsal-unavailable">
          {why}
        </p>
      ) : null}
      <FieldError id="count-error" error={countError} />
      {shown ? <RehearsalProgress rehearsal={shown} /> : null}
      <ErrorSummary errors={[...errors, ...apiErrors(support.error), ...apiErrors(progress.error)]} fieldsShown={['count']} />
    </section>
  );
}

function RehearsalProgress({ rehearsal }: { rehearsal: RehearsalStateFragment }) {
  const counts = `${rehearsal.doneCount}/${rehearsal.deviceCount} iPads: ${rehearsal.enrolledCount} enrolled, ${rehearsal.unmanagedCount} unmanaged, ${rehearsal.failedCount} failed`;
  const failures = rehearsal.failures.map((f) => `${f.reason} ${f.count}`).join(', ');
  return (
    <div aria-live="polite">
      <ProgressBar label="Rehearsal progress" value={rehearsal.percent} text={counts} />
      <p data-testid="rehearsal-status">
        <span className={`badge run-${rehearsal.status}`}>{rehearsal.status}</span> {counts}
        {failures ? ` (${failures})` : ''}
        {rehearsal.errorMessage ? ` ${rehearsal.errorMessage}` : ''}
      </p>
    </div>
  );
}
