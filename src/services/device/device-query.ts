/**
 * The one translation of a {@link DeviceFilter} into SQL: the token's `devices` connection and
 * profile assignment by filter select exactly the same devices.
 */
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { DeviceEnrollment, ENROLLMENT_STATES, type EnrollmentStateName } from '../../entities/device-enrollment.entity.js';
import { Device } from '../../entities/device.entity.js';
import { containsPattern } from '../../entities/raw-sql.js';
import {
  APPLE_PROFILE_STATUSES,
  type AppleProfileStatus,
  type DeviceFilter,
  type DeviceOrderField,
  type DeviceScope,
  type InstantRange,
} from './device-filter.js';

/** `column = :tokenId` for one token (what the list had always asked), `IN` for several, nothing for none. */
function inTokens(column: string, ids: readonly number[]): [string, Record<string, unknown>] {
  if (ids.length === 0) return ['1 = 0', {}];
  return ids.length === 1 ? [`${column} = :tokenId`, { tokenId: ids[0] }] : [`${column} IN (:...tokenIds)`, { tokenIds: ids }];
}

function upperSet(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.toUpperCase()))];
}

/** Instants are ISO-8601 UTC text (`columns.ts`): fixed width, so text comparison is time comparison. */
function whereWithin(query: SelectQueryBuilder<Device>, column: string, name: string, range: InstantRange | undefined): void {
  if (range?.from) query.andWhere(`${column} >= :${name}From`, { [`${name}From`]: range.from.toISOString() });
  if (range?.to) query.andWhere(`${column} < :${name}To`, { [`${name}To`]: range.to.toISOString() });
}

/**
 * Apple's profile status, as the API shows it: a word Apple may add later reads as EMPTY
 * (`device.type.ts`), so `empty` keeps every status that is not one of the other three.
 */
function whereProfileStatusIn(query: SelectQueryBuilder<Device>, statuses: readonly AppleProfileStatus[]): void {
  const known = APPLE_PROFILE_STATUSES.filter((s) => s !== 'empty');
  const wanted = [...new Set(statuses)];
  const listed = wanted.filter((s) => s !== 'empty');
  const conditions: string[] = [];
  if (listed.length > 0) conditions.push('LOWER(device.profile_status) IN (:...profileStatuses)');
  if (wanted.includes('empty')) conditions.push('LOWER(device.profile_status) NOT IN (:...knownProfileStatuses)');
  query.andWhere(`(${conditions.join(' OR ')})`, { profileStatuses: listed, knownProfileStatuses: known });
}

/**
 * The token's devices matching `filter`, aliased `device`; by default only those Apple still lists.
 * With `movedAway`, the devices Apple moved from the token's server to another token's instead:
 * their rows are that token's now and remember the one they left (see device.entity.ts).
 */
export function deviceQueryOf(manager: EntityManager, tokenId: number, filter: DeviceFilter): SelectQueryBuilder<Device> {
  return scopedDeviceQueryOf(manager, { tokenIds: [tokenId] }, filter);
}

/**
 * {@link deviceQueryOf} over several tokens, or every token (`tokenIds: null`): the root `devices`
 * list. With `movedAway`, devices moved away from one of those tokens (from any, for every token).
 */
export function scopedDeviceQueryOf(manager: EntityManager, scope: DeviceScope, filter: DeviceFilter): SelectQueryBuilder<Device> {
  const query = manager.getRepository(Device).createQueryBuilder('device');
  const tokenIds = scope.tokenIds === null ? null : [...new Set(scope.tokenIds)];
  if (filter.movedAway) {
    query.where('device.moved_away_from_token_id IS NOT NULL AND device.token_id <> device.moved_away_from_token_id');
    if (tokenIds) query.andWhere(...inTokens('device.moved_away_from_token_id', tokenIds));
  } else {
    const [where, parameters] = tokenIds ? inTokens('device.token_id', tokenIds) : ['1 = 1', {}];
    query.where(where, parameters);
    query.andWhere(filter.removed ? 'device.removed_at IS NOT NULL' : 'device.removed_at IS NULL');
  }
  const profile = filter.profile;
  if (profile?.kind === 'UNASSIGNED') query.andWhere('device.profile_id IS NULL');
  else if (profile?.kind === 'ANY') query.andWhere('device.profile_id IS NOT NULL');
  else if (profile?.kind === 'PROFILE') query.andWhere('device.profile_id = :profileId', { profileId: profile.profileId });
  if (filter.serialContains) {
    query.andWhere(`UPPER(device.serial_number) LIKE :serial ESCAPE '\\'`, {
      serial: containsPattern(filter.serialContains.toUpperCase()),
    });
  }
  // Upper-cased on both sides: LOWER/UPPER agree on ASCII in SQLite and PostgreSQL, and model names are ASCII.
  if (filter.model) query.andWhere('UPPER(device.model) = :model', { model: filter.model.toUpperCase() });
  if (filter.profileStatuses && filter.profileStatuses.length > 0) whereProfileStatusIn(query, filter.profileStatuses);
  if (filter.deviceFamilies && filter.deviceFamilies.length > 0) {
    query.andWhere('UPPER(device.device_family) IN (:...deviceFamilies)', { deviceFamilies: upperSet(filter.deviceFamilies) });
  }
  if (filter.operatingSystems && filter.operatingSystems.length > 0) {
    query.andWhere('UPPER(device.os) IN (:...operatingSystems)', { operatingSystems: upperSet(filter.operatingSystems) });
  }
  whereWithin(query, 'device.first_seen_at', 'firstSeen', filter.firstSeen);
  whereWithin(query, 'device.last_seen_at', 'lastSeen', filter.lastSeen);
  if (filter.serialNumbers) {
    // An empty list keeps nothing (the client asked for these serials, and there are none).
    if (filter.serialNumbers.length === 0) query.andWhere('1 = 0');
    else query.andWhere('device.serial_number IN (:...serialNumbers)', { serialNumbers: [...new Set(filter.serialNumbers)] });
  }
  // Literals, not parameters: better-sqlite3 cannot bind a boolean.
  if (filter.requiresWipe !== undefined)
    query.andWhere(filter.requiresWipe ? 'device.requires_wipe = TRUE' : 'device.requires_wipe = FALSE');
  if (filter.releasedFromOrg !== undefined)
    query.andWhere(filter.releasedFromOrg ? 'device.released_from_org_at IS NOT NULL' : 'device.released_from_org_at IS NULL');
  if (filter.enrollmentStates && filter.enrollmentStates.length > 0) whereEnrollmentIn(query, filter.enrollmentStates);
  return query;
}

/**
 * Keeps devices in one of `states`. A device that never contacted Homeroom has no enrollment row
 * and is NOT_CONTACTED, so a list with NOT_CONTACTED is turned around: no row in another state
 * (no row at all, or one in the list). A correlated (NOT) EXISTS rather than a join: one device
 * stays one row, so paging, counts and the assignment's GROUP BY and INSERT ... SELECT over this
 * query are unchanged.
 */
function whereEnrollmentIn(query: SelectQueryBuilder<Device>, states: readonly EnrollmentStateName[]): void {
  const withoutRow = states.includes('NOT_CONTACTED');
  const rows = query
    .subQuery()
    .select('1')
    .from(DeviceEnrollment, 'enrollment')
    .where('enrollment.device_id = device.id')
    .andWhere(`enrollment.state ${withoutRow ? 'NOT IN' : 'IN'} (:...enrollmentStates)`)
    .getQuery();
  query.andWhere(`${withoutRow ? 'NOT EXISTS' : 'EXISTS'} ${rows}`, { enrollmentStates: [...new Set(states)] });
}

/** Whether a device list's sort value may be null: no model, or no contact with Homeroom yet. */
export function deviceSortMayBeNull(field: DeviceOrderField): boolean {
  return field === 'MODEL' || field === 'LAST_CONTACTED_AT';
}

/**
 * The SQL value a device list is ordered by, per order field. The enrollment's columns come from
 * correlated subqueries (one enrollment row per device at most), not a join, for the reason
 * `whereEnrollmentIn` gives. ENROLLMENT_STATE orders by the states' lifecycle (NOT_CONTACTED,
 * ENROLLING, AWAITING_CONFIGURATION, ENROLLED, FAILED, UNENROLLED), not alphabetically; a device
 * without a row is NOT_CONTACTED. LAST_CONTACTED_AT is null for a device that never contacted
 * Homeroom; MODEL is null when Apple sent none.
 */
export function deviceSortExpression(field: DeviceOrderField): string {
  switch (field) {
    case 'SERIAL_NUMBER':
      return 'device.serial_number';
    case 'MODEL':
      return 'device.model';
    case 'FIRST_SEEN_AT':
      return 'device.first_seen_at';
    case 'LAST_CONTACTED_AT':
      return '(SELECT sort_enrollment.last_contacted_at FROM device_enrollment sort_enrollment WHERE sort_enrollment.device_id = device.id)';
    case 'ENROLLMENT_STATE': {
      const ranks = ENROLLMENT_STATES.map((state, rank) => `WHEN '${state}' THEN ${rank}`).join(' ');
      return `COALESCE((SELECT CASE sort_enrollment.state ${ranks} ELSE 0 END FROM device_enrollment sort_enrollment WHERE sort_enrollment.device_id = device.id), 0)`;
    }
  }
}
