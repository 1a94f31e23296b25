import { describe, expect, it } from 'vitest';
import {
  deadlineAfter,
  migrationRefusal,
  migrationStatusAfter,
  osTooOld,
  validDeadlineDays,
  type MigrationFacts,
} from '../../../src/services/migration/migration-rules.js';

const NOW = new Date('2026-12-07T12:00:00Z');
const DAY = 24 * 3600 * 1000;

const ELIGIBLE: MigrationFacts = {
  inOrganization: true,
  releasedFromOrganization: false,
  addedWithConfiguratorAt: null,
  now: NOW,
  sharedIPad: false,
  returnToService: false,
  osVersion: '26.0',
  migrationStatus: null,
  enrollmentState: null,
};

describe('migration eligibility', () => {
  it('lets an iPad of the organisation on iPadOS 26 migrate', () => {
    expect(migrationRefusal(ELIGIBLE)).toBeNull();
  });

  it('refuses a device Apple School Manager does not know with NOT_IN_ORGANIZATION (not set up by ADE)', () => {
    expect(migrationRefusal({ ...ELIGIBLE, inOrganization: false })).toBe('NOT_IN_ORGANIZATION');
  });

  it('refuses a device released from the organisation with RELEASED_FROM_ORGANIZATION', () => {
    expect(migrationRefusal({ ...ELIGIBLE, releasedFromOrganization: true })).toBe('RELEASED_FROM_ORGANIZATION');
  });

  it('refuses a device added with Apple Configurator less than 30 days ago with PROVISIONAL_PERIOD, and lets it migrate after', () => {
    const addedAt = (daysAgo: number) => new Date(NOW.getTime() - daysAgo * DAY);
    expect(migrationRefusal({ ...ELIGIBLE, addedWithConfiguratorAt: addedAt(0) })).toBe('PROVISIONAL_PERIOD');
    expect(migrationRefusal({ ...ELIGIBLE, addedWithConfiguratorAt: new Date(addedAt(30).getTime() + 1) })).toBe('PROVISIONAL_PERIOD');
    expect(migrationRefusal({ ...ELIGIBLE, addedWithConfiguratorAt: addedAt(30) })).toBeNull();
    expect(migrationRefusal({ ...ELIGIBLE, addedWithConfiguratorAt: addedAt(45) })).toBeNull();
  });

  it('refuses a Shared iPad with SHARED_IPAD', () => {
    expect(migrationRefusal({ ...ELIGIBLE, sharedIPad: true })).toBe('SHARED_IPAD');
  });

  it('refuses a device set up for Return to Service with RETURN_TO_SERVICE', () => {
    expect(migrationRefusal({ ...ELIGIBLE, returnToService: true })).toBe('RETURN_TO_SERVICE');
  });

  it('refuses a device known to run an iPadOS before 26 with OS_TOO_OLD, and lets an unknown version through', () => {
    expect(migrationRefusal({ ...ELIGIBLE, osVersion: '18.6' })).toBe('OS_TOO_OLD');
    expect(migrationRefusal({ ...ELIGIBLE, osVersion: null })).toBeNull();
    expect(osTooOld('17')).toBe(true);
    expect(osTooOld('26')).toBe(false);
    expect(osTooOld('27.1.2')).toBe(false);
    expect(osTooOld('unknown')).toBe(false);
  });

  it('refuses a device already migrating with MIGRATION_IN_PROGRESS, and lets a finished one be scheduled again', () => {
    expect(migrationRefusal({ ...ELIGIBLE, migrationStatus: 'REQUESTED' })).toBe('MIGRATION_IN_PROGRESS');
    expect(migrationRefusal({ ...ELIGIBLE, migrationStatus: 'STARTED' })).toBe('MIGRATION_IN_PROGRESS');
    expect(migrationRefusal({ ...ELIGIBLE, migrationStatus: 'CANCELLED' })).toBeNull();
    expect(migrationRefusal({ ...ELIGIBLE, migrationStatus: 'FAILED' })).toBeNull();
  });

  it('refuses a device enrolled with Homeroom already with ALREADY_ENROLLED', () => {
    expect(migrationRefusal({ ...ELIGIBLE, enrollmentState: 'ENROLLED' })).toBe('ALREADY_ENROLLED');
    expect(migrationRefusal({ ...ELIGIBLE, enrollmentState: 'UNENROLLED' })).toBeNull();
  });

  it('gives the first failing condition: a released Shared iPad is RELEASED_FROM_ORGANIZATION', () => {
    expect(migrationRefusal({ ...ELIGIBLE, releasedFromOrganization: true, sharedIPad: true })).toBe('RELEASED_FROM_ORGANIZATION');
  });
});

describe('migration deadlines', () => {
  it('accepts whole days from 1 to 90 only', () => {
    expect([0, 1, 45, 90, 91, 1.5, -1].map(validDeadlineDays)).toEqual([false, true, true, true, false, false, false]);
  });

  it('counts the deadline in days from now', () => {
    expect(deadlineAfter(new Date('2026-12-01T10:00:00Z'), 7).toISOString()).toBe('2026-12-08T10:00:00.000Z');
  });
});

describe('migration status', () => {
  it('follows the enrollment: REQUESTED -> STARTED when the device begins, SUCCESS once ENROLLED, FAILED when it fails', () => {
    expect(migrationStatusAfter('REQUESTED', 'ENROLLING')).toBe('STARTED');
    expect(migrationStatusAfter('STARTED', 'AWAITING_CONFIGURATION')).toBeNull();
    expect(migrationStatusAfter('STARTED', 'ENROLLED')).toBe('SUCCESS');
    expect(migrationStatusAfter('REQUESTED', 'ENROLLED')).toBe('SUCCESS');
    expect(migrationStatusAfter('STARTED', 'FAILED')).toBe('FAILED');
  });

  it('leaves ended migrations alone', () => {
    for (const status of ['SUCCESS', 'FAILED', 'CANCELLED'] as const) {
      expect(migrationStatusAfter(status, 'ENROLLING')).toBeNull();
      expect(migrationStatusAfter(status, 'FAILED')).toBeNull();
    }
  });
});
