/**
 * The rules of migration without erase, as pure functions: which devices may be scheduled (Apple's
 * conditions, checked before anything is sent), how long a deadline may be, and how a migration's
 * status follows the device's enrollment with Homeroom.
 *
 * Eligibility, per device (the first failing condition is the reason):
 * - in the organisation's Apple School Manager, so set up by Automated Device Enrollment
 *   (`NOT_IN_ORGANIZATION` otherwise), and not released from it (`RELEASED_FROM_ORGANIZATION`);
 * - when added with Apple Configurator (School Manager API `purchaseSourceType` MANUALLY_ADDED), past
 *   the 30-day provisional period from `addedToOrgDateTime` (`PROVISIONAL_PERIOD`);
 * - not a Shared iPad (`SHARED_IPAD`: Apple migrates single-user devices only);
 * - not set up for Return to Service (`RETURN_TO_SERVICE`);
 * - iPadOS 26 or later when its version is known (`OS_TOO_OLD`); Homeroom learns the version
 *   only from a device that once enrolled with it, so an unknown version is let through and the
 *   device itself refuses the migration (the status then ends FAILED);
 * - not already migrating (`MIGRATION_IN_PROGRESS`) nor enrolled with Homeroom (`ALREADY_ENROLLED`).
 */
import type { EnrollmentStateName } from '../../entities/device-enrollment.entity.js';
import type { MigrationStatus } from '../../entities/device-migration.entity.js';

/** The first iPadOS version that migrates without erase. */
export const MIGRATION_MINIMUM_OS_MAJOR = 26;
/** A deadline is 1 to 90 days away (Apple's range). */
export const MIGRATION_DEADLINE_MIN_DAYS = 1;
export const MIGRATION_DEADLINE_MAX_DAYS = 90;
const DAY_MS = 24 * 3600 * 1000;
/** A device added with Apple Configurator is provisional this long after it joined the organisation (Apple). */
export const PROVISIONAL_PERIOD_DAYS = 30;
/** Devices per request: one School Manager API activity names at most 1000. */
export const MIGRATION_MAX_DEVICES = 1000;

/** Why a device may not be scheduled; stable, shown as `MigrationRefusalReason` in GraphQL. */
export type MigrationRefusalReason =
  | 'NOT_IN_ORGANIZATION'
  | 'RELEASED_FROM_ORGANIZATION'
  | 'PROVISIONAL_PERIOD'
  | 'SHARED_IPAD'
  | 'RETURN_TO_SERVICE'
  | 'OS_TOO_OLD'
  | 'MIGRATION_IN_PROGRESS'
  | 'ALREADY_ENROLLED';

/** One line per reason, for GraphQL and messages. */
export const MIGRATION_REFUSAL_DESCRIPTIONS: Record<MigrationRefusalReason, string> = {
  NOT_IN_ORGANIZATION:
    "Apple School Manager does not know the device: it was not set up by Automated Device Enrollment from the organisation's purchases.",
  RELEASED_FROM_ORGANIZATION: 'The device was released from the organisation.',
  PROVISIONAL_PERIOD: `Added with Apple Configurator less than ${PROVISIONAL_PERIOD_DAYS} days ago: it can migrate once its provisional period ends.`,
  SHARED_IPAD: 'A Shared iPad: Apple migrates single-user devices only.',
  RETURN_TO_SERVICE: 'The device is set up for Return to Service, which erases it anyway.',
  OS_TOO_OLD: 'The device runs a version before iPadOS 26, which cannot migrate without erase.',
  MIGRATION_IN_PROGRESS: 'A migration of the device is already under way; update or cancel it instead.',
  ALREADY_ENROLLED: 'The device is enrolled with Homeroom already.',
};

/** What Homeroom and Apple know of a device before it is scheduled. */
export interface MigrationFacts {
  /** Apple School Manager lists it (`orgDevices`). */
  readonly inOrganization: boolean;
  readonly releasedFromOrganization: boolean;
  /** When it joined the organisation through Apple Configurator (MANUALLY_ADDED); null when bought, or unknown. */
  readonly addedWithConfiguratorAt: Date | null;
  /** Now, for the provisional period. */
  readonly now: Date;
  /** Its Homeroom profile (assigned, or enrolled with) is a Shared iPad one. */
  readonly sharedIPad: boolean;
  /** Its profile is set up for Return to Service. */
  readonly returnToService: boolean;
  /** The OS version it last reported to Homeroom; null when unknown. */
  readonly osVersion: string | null;
  /** Its migration's status, if one was scheduled. */
  readonly migrationStatus: MigrationStatus | null;
  /** Its enrollment state with Homeroom; null when it never contacted Homeroom. */
  readonly enrollmentState: EnrollmentStateName | null;
}

/** True when `version` is known and before iPadOS 26 (`17.5`, `18`); unreadable versions count as unknown. */
export function osTooOld(version: string | null): boolean {
  if (version === null) return false;
  const major = Number.parseInt(version.split('.')[0] ?? '', 10);
  return Number.isFinite(major) && major < MIGRATION_MINIMUM_OS_MAJOR;
}

/** True while a device added with Apple Configurator at `addedAt` is within its provisional period at `now`. */
export function inProvisionalPeriod(addedAt: Date | null, now: Date): boolean {
  return addedAt !== null && now.getTime() < addedAt.getTime() + PROVISIONAL_PERIOD_DAYS * DAY_MS;
}

/** Why the device may not be scheduled now, or null when it may. */
export function migrationRefusal(facts: MigrationFacts): MigrationRefusalReason | null {
  if (!facts.inOrganization) return 'NOT_IN_ORGANIZATION';
  if (facts.releasedFromOrganization) return 'RELEASED_FROM_ORGANIZATION';
  if (inProvisionalPeriod(facts.addedWithConfiguratorAt, facts.now)) return 'PROVISIONAL_PERIOD';
  if (facts.sharedIPad) return 'SHARED_IPAD';
  if (facts.returnToService) return 'RETURN_TO_SERVICE';
  if (osTooOld(facts.osVersion)) return 'OS_TOO_OLD';
  if (facts.migrationStatus === 'REQUESTED' || facts.migrationStatus === 'STARTED') return 'MIGRATION_IN_PROGRESS';
  if (facts.enrollmentState === 'ENROLLED' || facts.enrollmentState === 'AWAITING_CONFIGURATION') return 'ALREADY_ENROLLED';
  return null;
}

/** True for a whole number of days Apple accepts as a deadline. */
export function validDeadlineDays(days: number): boolean {
  return Number.isInteger(days) && days >= MIGRATION_DEADLINE_MIN_DAYS && days <= MIGRATION_DEADLINE_MAX_DAYS;
}

/** The deadline `days` days after `now`. */
export function deadlineAfter(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

/**
 * The status a migration takes when its device's enrollment with Homeroom enters `state`; null
 * when it does not change. Only open migrations move: the device began (ENROLLING, awaiting
 * configuration), finished (ENROLLED) or failed (FAILED).
 */
export function migrationStatusAfter(current: MigrationStatus, state: EnrollmentStateName): MigrationStatus | null {
  if (current !== 'REQUESTED' && current !== 'STARTED') return null;
  switch (state) {
    case 'ENROLLING':
    case 'AWAITING_USER':
    case 'AWAITING_CONFIGURATION':
      return current === 'REQUESTED' ? 'STARTED' : null;
    case 'ENROLLED':
      return 'SUCCESS';
    case 'FAILED':
      return 'FAILED';
    default:
      return null;
  }
}
