/**
 * The one translation of a {@link DeviceFilter} into SQL: the token's `devices` connection and
 * profile assignment by filter select exactly the same devices.
 */
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { ENROLLMENT_STATES, type EnrollmentStateName } from '../../entities/device-enrollment.entity.js';
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

/**
 * Where a filter's values go: positional placeholders for hand-written SQL (`Bindings`, the
 * devices page) or named parameters for a query builder (counts, models, assignment by filter).
 */
export interface SqlValues {
  /** Adds one value; answers its placeholder. */
  bind(value: unknown): string;
  /** Membership in `values` (never empty), to follow a column: `IN (...)` or `= ANY(...)`. */
  in(values: readonly unknown[]): string;
}

/** {@link SqlValues} as named query builder parameters (`:deviceFilter0`, `IN (:...deviceFilter1)`). */
class NamedValues implements SqlValues {
  readonly parameters: Record<string, unknown> = {};
  private next = 0;

  bind(value: unknown): string {
    const name = `deviceFilter${this.next++}`;
    this.parameters[name] = value;
    return `:${name}`;
  }

  in(values: readonly unknown[]): string {
    const name = `deviceFilter${this.next++}`;
    this.parameters[name] = [...values];
    return `IN (:...${name})`;
  }
}

/** `column = token` for one token (what the list had always asked), `IN` for several, nothing for none. */
function inTokens(column: string, ids: readonly number[], sql: SqlValues): string {
  if (ids.length === 0) return '1 = 0';
  return ids.length === 1 ? `${column} = ${sql.bind(ids[0])}` : `${column} ${sql.in(ids)}`;
}

function upperSet(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.toUpperCase()))];
}

/** Instants are ISO-8601 UTC text (`columns.ts`): fixed width, so text comparison is time comparison. */
function whereWithin(conditions: string[], column: string, range: InstantRange | undefined, sql: SqlValues): void {
  if (range?.from) conditions.push(`${column} >= ${sql.bind(range.from.toISOString())}`);
  if (range?.to) conditions.push(`${column} < ${sql.bind(range.to.toISOString())}`);
}

/**
 * Apple's profile status, as the API shows it: a word Apple may add later reads as EMPTY
 * (`device.type.ts`), so `empty` keeps every status that is not one of the other three.
 */
function profileStatusIn(statuses: readonly AppleProfileStatus[], sql: SqlValues): string {
  const known = APPLE_PROFILE_STATUSES.filter((s) => s !== 'empty');
  const wanted = [...new Set(statuses)];
  const listed = wanted.filter((s) => s !== 'empty');
  const conditions: string[] = [];
  if (listed.length > 0) conditions.push(`LOWER(device.profile_status) ${sql.in(listed)}`);
  if (wanted.includes('empty')) conditions.push(`NOT (LOWER(device.profile_status) ${sql.in(known)})`);
  return `(${conditions.join(' OR ')})`;
}

/**
 * The conditions (joined with AND) that keep the devices of `scope` matching `filter`, on the
 * table aliased `device`; by default only those Apple still lists. With `movedAway`, the devices
 * Apple moved from the scope's tokens' servers to another token's instead: their rows are that
 * token's now and remember the one they left (see device.entity.ts). Values go through `sql`, in
 * the order they appear in the text. This is the one translation of a filter: the query builder
 * below and the devices page (`device.service.ts`) both use it.
 */
export function deviceConditionsOf(scope: DeviceScope, filter: DeviceFilter, sql: SqlValues): string[] {
  const conditions: string[] = [];
  const tokenIds = scope.tokenIds === null ? null : [...new Set(scope.tokenIds)];
  if (filter.movedAway) {
    conditions.push('device.moved_away_from_token_id IS NOT NULL AND device.token_id <> device.moved_away_from_token_id');
    if (tokenIds) conditions.push(inTokens('device.moved_away_from_token_id', tokenIds, sql));
  } else {
    if (tokenIds) conditions.push(inTokens('device.token_id', tokenIds, sql));
    conditions.push(filter.removed ? 'device.removed_at IS NOT NULL' : 'device.removed_at IS NULL');
  }
  const profile = filter.profile;
  if (profile?.kind === 'UNASSIGNED') conditions.push('device.profile_id IS NULL');
  else if (profile?.kind === 'ANY') conditions.push('device.profile_id IS NOT NULL');
  else if (profile?.kind === 'PROFILE') conditions.push(`device.profile_id = ${sql.bind(profile.profileId)}`);
  if (filter.serialContains) {
    conditions.push(`UPPER(device.serial_number) LIKE ${sql.bind(containsPattern(filter.serialContains.toUpperCase()))} ESCAPE '\\'`);
  }
  // Upper-cased on both sides: LOWER/UPPER agree on ASCII in SQLite and PostgreSQL, and model names are ASCII.
  if (filter.model) conditions.push(`UPPER(device.model) = ${sql.bind(filter.model.toUpperCase())}`);
  if (filter.profileStatuses && filter.profileStatuses.length > 0) conditions.push(profileStatusIn(filter.profileStatuses, sql));
  if (filter.deviceFamilies && filter.deviceFamilies.length > 0) {
    conditions.push(`UPPER(device.device_family) ${sql.in(upperSet(filter.deviceFamilies))}`);
  }
  if (filter.operatingSystems && filter.operatingSystems.length > 0) {
    conditions.push(`UPPER(device.os) ${sql.in(upperSet(filter.operatingSystems))}`);
  }
  whereWithin(conditions, 'device.first_seen_at', filter.firstSeen, sql);
  whereWithin(conditions, 'device.last_seen_at', filter.lastSeen, sql);
  if (filter.serialNumbers) {
    // An empty list keeps nothing (the client asked for these serials, and there are none).
    if (filter.serialNumbers.length === 0) conditions.push('1 = 0');
    else conditions.push(`device.serial_number ${sql.in([...new Set(filter.serialNumbers)])}`);
  }
  // Literals, not values: better-sqlite3 cannot bind a boolean.
  if (filter.requiresWipe !== undefined)
    conditions.push(filter.requiresWipe ? 'device.requires_wipe = TRUE' : 'device.requires_wipe = FALSE');
  if (filter.releasedFromOrg !== undefined) {
    conditions.push(filter.releasedFromOrg ? 'device.released_from_org_at IS NOT NULL' : 'device.released_from_org_at IS NULL');
  }
  if (filter.enrollmentStates && filter.enrollmentStates.length > 0) conditions.push(enrollmentIn(filter.enrollmentStates, sql));
  return conditions;
}

/**
 * The token's devices matching `filter`, aliased `device`; by default only those Apple still lists.
 * With `movedAway`, the devices Apple moved from the token's server to another token's instead.
 */
export function deviceQueryOf(manager: EntityManager, tokenId: number, filter: DeviceFilter): SelectQueryBuilder<Device> {
  return scopedDeviceQueryOf(manager, { tokenIds: [tokenId] }, filter);
}

/**
 * {@link deviceQueryOf} over several tokens, or every token (`tokenIds: null`). With `movedAway`,
 * devices moved away from one of those tokens (from any, for every token).
 */
export function scopedDeviceQueryOf(manager: EntityManager, scope: DeviceScope, filter: DeviceFilter): SelectQueryBuilder<Device> {
  const values = new NamedValues();
  const conditions = deviceConditionsOf(scope, filter, values);
  return manager
    .getRepository(Device)
    .createQueryBuilder('device')
    .where(conditions.length > 0 ? conditions.map((c) => `(${c})`).join(' AND ') : '1 = 1', values.parameters);
}

/**
 * Keeps devices in one of `states`. A device that never contacted Homeroom has no enrollment row
 * and is NOT_CONTACTED, so a list with NOT_CONTACTED is turned around: no row in another state
 * (no row at all, or one in the list). A correlated (NOT) EXISTS rather than a join: one device
 * stays one row, so paging, counts and the assignment's GROUP BY and INSERT ... SELECT over this
 * query are unchanged.
 */
function enrollmentIn(states: readonly EnrollmentStateName[], sql: SqlValues): string {
  const withoutRow = states.includes('NOT_CONTACTED');
  const membership = sql.in([...new Set(states)]);
  const rows = `SELECT 1 FROM device_enrollment enrollment WHERE enrollment.device_id = device.id AND ${
    withoutRow ? `NOT (enrollment.state ${membership})` : `enrollment.state ${membership}`
  }`;
  return `${withoutRow ? 'NOT EXISTS' : 'EXISTS'} (${rows})`;
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
