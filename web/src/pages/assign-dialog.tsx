/**
 * Assign a profile to the selected devices: choose it, see what would change (`preview: true`),
 * then start the job and follow it (`assignmentJobProgressed`) until it ends.
 */
import { useState } from 'react';
import { useMutation, useSubscription } from 'urql';
import { Dialog } from '../components/dialog';
import { ErrorSummary } from '../components/error-summary';
import { ProgressBar } from '../components/progress-bar';
import { apiErrors } from '../errors';
import {
  AssignmentJobProgressedDocument,
  AssignProfileDocument,
  type DeviceSelectionInput,
  type ProfileFieldsFragment,
} from '../gql/graphql';

export function AssignDialog({
  profiles,
  selection,
  count,
  onClose,
}: {
  profiles: readonly ProfileFieldsFragment[];
  selection: DeviceSelectionInput;
  count: number;
  onClose: (changed: boolean) => void;
}) {
  const [profileId, setProfileId] = useState(profiles.find((p) => p.isDefault)?.id ?? profiles[0]?.id ?? '');
  const [previewResult, preview] = useMutation(AssignProfileDocument);
  const [jobResult, assign] = useMutation(AssignProfileDocument);
  const previewed = previewResult.data?.assignProfile.preview;
  const job = jobResult.data?.assignProfile.job;
  const errors = [...apiErrors(previewResult.error), ...apiErrors(jobResult.error)];

  return (
    <Dialog open title={`Assign a profile to ${count} devices`} onClose={() => onClose(!!job)}>
      {!job ? (
        <>
          <label htmlFor="assign-profile">Profile</label>
          <select
            id="assign-profile"
            value={profileId}
            onChange={(e) => {
              setProfileId(e.target.value);
            }}
          >
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <div className="actions">
            <button
              type="button"
              disabled={!profileId || previewResult.fetching}
              onClick={() => void preview({ input: { profileId, devices: selection, preview: true } })}
            >
              Preview
            </button>
          </div>
          {previewed ? (
            <section aria-label="Preview" className="preview">
              <dl className="facts">
                <dt>Will change</dt>
                <dd data-testid="preview-will-change">{previewed.willChangeCount}</dd>
                <dt>Already have it</dt>
                <dd>{previewed.unchangedCount}</dd>
                <dt>Cannot change</dt>
                <dd>
                  {previewed.cannotChangeCount} (removed {previewed.removedCount}, other token {previewed.otherTokenCount}, unknown serials{' '}
                  {previewed.unknownSerialCount})
                </dd>
                <dt>Will need a wipe</dt>
                <dd>{previewed.requiresWipeCount}</dd>
              </dl>
              {previewed.willChange.length > 0 ? (
                <p className="muted">
                  First:{' '}
                  {previewed.willChange
                    .slice(0, 5)
                    .map((d) => d.serialNumber)
                    .join(', ')}
                  {previewed.willChangeCount > 5 ? '…' : ''}
                </p>
              ) : null}
              <div className="actions">
                <button
                  type="button"
                  className="primary"
                  disabled={jobResult.fetching || previewed.willChangeCount === 0}
                  onClick={() => void assign({ input: { profileId, devices: selection, preview: false } })}
                >
                  Assign {previewed.willChangeCount} devices
                </button>
              </div>
            </section>
          ) : null}
        </>
      ) : (
        <JobProgress jobId={job.id} initialPercent={job.percent} initialStatus={job.status} />
      )}
      <ErrorSummary errors={errors} />
      <div className="actions">
        <button type="button" onClick={() => onClose(!!job)}>
          {job ? 'Close' : 'Cancel'}
        </button>
      </div>
    </Dialog>
  );
}

function JobProgress({ jobId, initialPercent, initialStatus }: { jobId: string; initialPercent: number; initialStatus: string }) {
  const [{ data, error }] = useSubscription({ query: AssignmentJobProgressedDocument, variables: { jobId } });
  const progress = data?.assignmentJobProgressed;
  const percent = progress?.percent ?? initialPercent;
  const status = progress?.status ?? initialStatus;
  return (
    <section aria-label="Assignment job">
      <ProgressBar label="Assignment progress" value={percent} text={`${percent.toFixed(0)}% · ${status}`} />
      <p aria-live="polite" data-testid="job-status">
        {status}
        {progress
          ? `: ${progress.succeededCount} assigned, ${progress.unchangedCount} unchanged, ${progress.failedCount + progress.notAccessibleCount + progress.throttledCount} failed, ${progress.pendingCount} pending, ${progress.appleCalls} Apple calls`
          : ''}
      </p>
      {error ? <p role="alert">Live progress stopped: {error.message}</p> : null}
    </section>
  );
}
