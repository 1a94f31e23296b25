/**
 * The Apple School Manager API's resources as Homeroom reads them (JSON:API: `data`, `attributes`,
 * `relationships`, `links`), with Apple's field names. Attributes Apple may add later are ignored;
 * every attribute read here is optional or nullable because Apple documents that it may omit them.
 */

/** `GET /v1/orgDevices[/{id}]`'s attributes. */
export interface OrgDeviceAttributes {
  readonly serialNumber: string;
  readonly addedToOrgDateTime?: string | null;
  /** Set once the device was released from the organisation (DEP sends no event for it). */
  readonly releasedFromOrgDateTime?: string | null;
  readonly updatedDateTime?: string | null;
  readonly deviceModel?: string | null;
  readonly productFamily?: string | null;
  readonly productType?: string | null;
  readonly deviceCapacity?: string | null;
  readonly partNumber?: string | null;
  readonly orderNumber?: string | null;
  readonly color?: string | null;
  /** `ASSIGNED` to a device management service, or `UNASSIGNED`. */
  readonly status?: 'ASSIGNED' | 'UNASSIGNED' | string | null;
  readonly orderDateTime?: string | null;
  readonly imei?: readonly string[] | null;
  readonly meid?: readonly string[] | null;
  readonly eid?: string | null;
  readonly purchaseSourceId?: string | null;
  /** `APPLE`, `RESELLER` or `MANUALLY_ADDED`. */
  readonly purchaseSourceType?: string | null;
}

/** A device of the organisation. */
export interface OrgDevice {
  readonly type: 'orgDevices';
  /** The serial number. */
  readonly id: string;
  readonly attributes: OrgDeviceAttributes;
}

/** A device management service (an MDM server; for DEP, its token's server). */
export interface MdmServer {
  readonly type: 'mdmServers';
  /** Apple's id: the server UUID's hex digits (compare with {@link sameServerId}). */
  readonly id: string;
  readonly attributes: {
    readonly serverName?: string | null;
    readonly serverType?: string | null;
    readonly createdDateTime?: string | null;
    readonly updatedDateTime?: string | null;
  };
}

/** One AppleCare (or warranty) coverage of a device. */
export interface AppleCareCoverage {
  readonly type: 'appleCareCoverage';
  readonly id: string;
  readonly attributes: {
    readonly description?: string | null;
    /** `ACTIVE` or `INACTIVE`. */
    readonly status?: string | null;
    readonly startDateTime?: string | null;
    readonly endDateTime?: string | null;
    readonly contractCancelDateTime?: string | null;
    readonly agreementNumber?: string | null;
    /** `ABE_SUBSCRIPTION`, `PAID_UP_FRONT`, `SUBSCRIPTION` or `NONE`. */
    readonly paymentType?: string | null;
    readonly isRenewable?: boolean | null;
    readonly isCanceled?: boolean | null;
  };
}

/** The activities `POST /v1/orgDeviceActivities` takes. */
export type OrgDeviceActivityType =
  | 'ASSIGN_DEVICES'
  | 'UNASSIGN_DEVICES'
  | 'ASSIGN_DEVICES_WITH_MDM_MIGRATION_DEADLINE'
  | 'UPDATE_MDM_MIGRATION_DEADLINE'
  | 'CANCEL_MDM_MIGRATION';

/** What to ask Apple to do to some devices. */
export interface OrgDeviceActivityRequest {
  readonly activityType: OrgDeviceActivityType;
  /** Serial numbers, 1 to 1000. */
  readonly serials: readonly string[];
  /** The device management service's id; needed by the assign and unassign activities. */
  readonly mdmServerId?: string;
  /** The migration deadline, for the two activities that set one. */
  readonly mdmMigrationDeadline?: Date;
}

/** An activity and how far Apple got with it. */
export interface OrgDeviceActivity {
  readonly type: 'orgDeviceActivities';
  readonly id: string;
  readonly attributes: {
    readonly activityType?: string | null;
    /** `IN_PROGRESS`, `COMPLETED`, `STOPPED` or `FAILED`. */
    readonly status: string;
    /** e.g. `SUBMITTED`, `COMPLETED_WITH_SUCCESS`. */
    readonly subStatus?: string | null;
    readonly createdDateTime?: string | null;
    readonly completedDateTime?: string | null;
    /** The per-serial CSV log, once done. */
    readonly downloadUrl?: string | null;
  };
}

/** True when two MDM server ids name the same server (Apple's hex form vs. DEP's dashed UUID). */
export function sameServerId(a: string, b: string): boolean {
  const norm = (id: string) => id.replace(/-/g, '').toUpperCase();
  return norm(a) === norm(b);
}
