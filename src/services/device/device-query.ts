/**
 * The one translation of a {@link DeviceFilter} into SQL: the token's `devices` connection and
 * profile assignment by filter select exactly the same devices.
 */
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { DeviceEnrollment, type EnrollmentStateName } from '../../entities/device-enrollment.entity.js';
import { Device } from '../../entities/device.entity.js';
import { containsPattern } from '../../entities/raw-sql.js';
import type { DeviceFilter } from './device-filter.js';

/**
 * The token's devices matching `filter`, aliased `device`; by default only those Apple still lists.
 * With `movedAway`, the devices Apple moved from the token's server to another token's instead:
 * their rows are that token's now and remember the one they left (see device.entity.ts).
 */
export function deviceQueryOf(manager: EntityManager, tokenId: number, filter: DeviceFilter): SelectQueryBuilder<Device> {
  const query = manager.getRepository(Device).createQueryBuilder('device');
  if (filter.movedAway) {
    query.where('device.moved_away_from_token_id = :tokenId AND device.token_id <> :tokenId', { tokenId });
  } else {
    query.where('device.token_id = :tokenId', { tokenId });
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
  if (filter.model) query.andWhere('device.model = :model', { model: filter.model });
  // Literals, not parameters: better-sqlite3 cannot bind a boolean.
  if (filter.requiresWipe !== undefined)
    query.andWhere(filter.requiresWipe ? 'device.requires_wipe = TRUE' : 'device.requires_wipe = FALSE');
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
