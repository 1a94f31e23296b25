/**
 * Profile assignment's public shapes: what a caller may select, which results leave work undone,
 * and what a preview answers. Job kinds, statuses and per-device results are declared with their
 * columns, in the entities.
 */
import type { AssignmentKind } from '../../entities/assignment-job.entity.js';
import type { AssignmentResult } from '../../entities/assignment-outcome.entity.js';
import type { Device } from '../../entities/device.entity.js';
import type { DeviceFilter } from '../device/device-filter.js';

/** Results a job could not bring about: they make it PARTIALLY_SUCCEEDED (or FAILED when nothing went right). */
export const UNDONE_RESULTS: readonly AssignmentResult[] = [
  'NOT_ACCESSIBLE',
  'FAILED',
  'THROTTLED',
  'REMOVED',
  'OTHER_TOKEN',
  'UNKNOWN_SERIAL',
];

/** Reasons a device cannot be changed, decided before any Apple call. */
export type CannotChangeReason = 'REMOVED' | 'OTHER_TOKEN' | 'UNKNOWN_SERIAL';

/** Which devices a job concerns: exactly one of the three. */
export type DeviceSelection =
  { readonly ids: readonly number[] } | { readonly serialNumbers: readonly string[] } | { readonly filter: DeviceFilter };

/** Most devices (or serials) one request may list; a filter selects any number. */
export const MAX_LISTED_DEVICES = 50_000;
/** Devices of each kind a preview shows. */
export const PREVIEW_SAMPLE = 50;

/** What a job would do, without doing it: counts and the first devices of each kind. */
export interface AssignmentPreview {
  readonly kind: AssignmentKind;
  readonly tokenId: number;
  readonly profileId: number | null;
  readonly willChangeCount: number;
  readonly unchangedCount: number;
  readonly removedCount: number;
  readonly otherTokenCount: number;
  readonly unknownSerialCount: number;
  /** Of the devices that would change: those already activated with another profile (ASSIGN only). */
  readonly requiresWipeCount: number;
  readonly willChange: readonly Device[];
  readonly unchanged: readonly Device[];
  /** Removed devices and devices of another token. */
  readonly cannotChange: readonly Device[];
  readonly unknownSerialNumbers: readonly string[];
}

/** Filters of a job's outcomes. */
export interface OutcomeFilter {
  readonly results?: readonly AssignmentResult[];
}
