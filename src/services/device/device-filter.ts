/**
 * Which of a token's devices a list, a count or an assignment by filter means. One type for all
 * three, translated into SQL in one place (`device-query.ts`), so they select the same devices.
 */
import type { EnrollmentStateName } from '../../entities/device-enrollment.entity.js';

export interface DeviceFilter {
  readonly profile?: { kind: 'UNASSIGNED' } | { kind: 'ANY' } | { kind: 'PROFILE'; profileId: number };
  /** Default false: only devices Apple still lists. True: only devices Apple stopped listing. */
  readonly removed?: boolean;
  /**
   * True: instead of the token's own devices, those Apple moved from its MDM server to another
   * token's (whatever they are there; `removed` does not apply). False or omitted: the token's own.
   */
  readonly movedAway?: boolean;
  /** Case-insensitive substring of the serial number. */
  readonly serialContains?: string;
  /** Exact model name as Apple sends it. */
  readonly model?: string;
  /** True: only devices that must be wiped to pick up their profile; false: only the others. */
  readonly requiresWipe?: boolean;
  /**
   * Devices in any of these enrollment states; NOT_CONTACTED also matches devices that never
   * contacted Homeroom (no enrollment row). Omitted or empty: every state.
   */
  readonly enrollmentStates?: readonly EnrollmentStateName[];
}
