import type { ApiError } from '../errors';

/** Errors not shown beside a field, announced to screen readers as they appear. */
export function ErrorSummary({ errors, fieldsShown = [] }: { errors: readonly ApiError[]; fieldsShown?: readonly string[] }) {
  const rest = errors.filter((e) => !e.field || !fieldsShown.includes(e.field));
  if (rest.length === 0) return null;
  return (
    <div role="alert" className="error-summary">
      {rest.map((e, i) => (
        <p key={i}>
          <code>{e.code}</code> {e.message}
          {e.requestId ? <span className="muted"> (request {e.requestId})</span> : null}
        </p>
      ))}
    </div>
  );
}

/** The message under a field; the input points at it with `aria-describedby`. */
export function FieldError({ id, error }: { id: string; error: ApiError | undefined }) {
  if (!error) return null;
  return (
    <p id={id} className="field-error" role="alert">
      <code>{error.code}</code> {error.message}
    </p>
  );
}
