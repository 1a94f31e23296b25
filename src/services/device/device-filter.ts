/**
 * Which of a token's devices a list, a count or an assignment by filter means. One type for all
 * three, translated into SQL in one place (`device-query.ts`), so they select the same devices.
 */
import type { EnrollmentStateName } from '../../entities/device-enrollment.entity.js';

/** Apple's `profile_status` words. */
export const APPLE_PROFILE_STATUSES = ['empty', 'assigned', 'pushed', 'removed'] as const;
export type AppleProfileStatus = (typeof APPLE_PROFILE_STATUSES)[number];

/** Most serial numbers one `serialNumbers` filter may list. */
export const MAX_SERIAL_NUMBERS = 1000;

/** A half-open range of instants: `from` included, `to` excluded; either may be open. */
export interface InstantRange {
  readonly from?: Date;
  readonly to?: Date;
}

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
  /** The model name as Apple sends it, in any case: "ipad (10th generation)" matches "iPad (10th generation)". */
  readonly model?: string;
  /** Apple profile statuses (lower case, as Apple sends them); `empty` also matches any status Apple may add later. */
  readonly profileStatuses?: readonly AppleProfileStatus[];
  /** Device families (Apple `device_family`), any case; any of them. */
  readonly deviceFamilies?: readonly string[];
  /** Operating systems (Apple `os`), any case; any of them. */
  readonly operatingSystems?: readonly string[];
  /** First listed by a sync within this range. */
  readonly firstSeen?: InstantRange;
  /** Last listed or changed by a sync within this range. */
  readonly lastSeen?: InstantRange;
  /** Exactly these serial numbers (at most {@link MAX_SERIAL_NUMBERS}). */
  readonly serialNumbers?: readonly string[];
  /** True: only devices that must be wiped to pick up their profile; false: only the others. */
  readonly requiresWipe?: boolean;
  /** True: only devices a reconcile found released from the organisation (`releasedFromOrgAt` set); false: only the others. */
  readonly releasedFromOrg?: boolean;
  /**
   * Devices in any of these enrollment states; NOT_CONTACTED also matches devices that never
   * contacted Homeroom (no enrollment row). Omitted or empty: every state.
   */
  readonly enrollmentStates?: readonly EnrollmentStateName[];
}

/** The orders a device list may take; every one ties on the row id. */
export type DeviceOrderField = 'SERIAL_NUMBER' | 'MODEL' | 'FIRST_SEEN_AT' | 'LAST_CONTACTED_AT' | 'ENROLLMENT_STATE';

export interface DeviceOrder {
  readonly field: DeviceOrderField;
  readonly direction: 'ASC' | 'DESC';
}

/** Which tokens' devices a list spans: one token's, several, or every token's (`null`). */
export type DeviceScope = { readonly tokenIds: readonly number[] | null };
