/**
 * Homeroom's two tiers of errors as the console shows them: expected ones carry a code from the
 * `ErrorCode` enum (and, for input and profile rules, `extensions.field`), shown next to the field
 * they name; anything else shows its message and the request id to find in the server log.
 */
import type { CombinedError } from 'urql';

export interface ApiError {
  readonly code: string;
  readonly message: string;
  /** The input field the error names (`lockedEnrollment`), without the `input.` path or index. */
  readonly field: string | null;
  readonly requestId: string | null;
}

export function apiErrors(error: CombinedError | undefined | null): ApiError[] {
  if (!error) return [];
  if (error.networkError && error.graphQLErrors.length === 0) {
    return [{ code: 'NETWORK_ERROR', message: `Homeroom did not answer: ${error.networkError.message}`, field: null, requestId: null }];
  }
  return error.graphQLErrors.map((e) => {
    const extensions = e.extensions ?? {};
    const field = typeof extensions.field === 'string' ? fieldName(extensions.field) : null;
    return {
      code: typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR',
      message: e.message,
      field,
      requestId: typeof extensions.requestId === 'string' ? extensions.requestId : null,
    };
  });
}

/** `input.configuratorCertificates[1]` -> `configuratorCertificates`. */
export function fieldName(path: string): string {
  const last = path.split('.').pop() ?? path;
  return last.replace(/\[\d+\]$/, '');
}

/** The error for one field, if any. */
export function errorFor(errors: readonly ApiError[], field: string): ApiError | undefined {
  return errors.find((e) => e.field === field);
}
