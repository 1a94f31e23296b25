/** A labelled progress bar (`role="progressbar"`); `value` null draws an indeterminate bar. */
export function ProgressBar({ label, value, text }: { label: string; value: number | null; text?: string }) {
  const shown = value === null ? null : Math.max(0, Math.min(100, value));
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(shown === null ? {} : { 'aria-valuenow': shown })}
        aria-valuetext={text ?? (shown === null ? 'working' : `${shown.toFixed(0)}%`)}
      >
        <div className={shown === null ? 'progress-fill indeterminate' : 'progress-fill'} style={{ width: `${shown ?? 30}%` }} />
      </div>
      <span className="progress-text">{text ?? (shown === null ? '…' : `${shown.toFixed(0)}%`)}</span>
    </div>
  );
}
