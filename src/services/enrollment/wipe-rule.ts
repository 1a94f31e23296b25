/**
 * The enrollment half of the wipe rule: a device enrolled with Homeroom's MDM (state
 * ENROLLED or AWAITING_CONFIGURATION) under one profile keeps that configuration until it is
 * wiped, whatever profile Apple holds for it now. So a device whose enrollment names a profile
 * other than the one Apple now holds for it must be wiped to pick that one up (`requires_wipe`),
 * whichever token it is under: typically an enrolled iPad moved in Apple School Manager to another
 * token's MDM server, which then gets that token's (default or assigned) profile at Apple.
 *
 * The other half, Apple's `pushed` status, stays with its writers (sync upsert and assignment
 * runner). Both halves only ever set the flag; it clears when the device enrolls again (after the
 * wipe) or Apple reports the profile `pushed`.
 *
 * SQL text only, for the set-based writers: the device table must be in scope as `device`.
 */
import type { EntityManager } from 'typeorm';
import { Bindings, chunks, IN_LIST_CHUNK } from '../../entities/raw-sql.js';

/** The enrollment states in which the device runs the configuration of the profile it enrolled with. */
export const CONFIGURED_STATES = ['ENROLLED', 'AWAITING_CONFIGURATION'] as const;

/**
 * SQL condition: the device (`device`) is enrolled with a profile other than `profileSql` (an SQL
 * expression: a column, or one bound value). An enrollment whose profile was deleted since, or a
 * profile Homeroom does not know (null), counts as another profile.
 */
export function enrolledWithOtherProfile(profileSql: string): string {
  return (
    'EXISTS (SELECT 1 FROM device_enrollment enrollment WHERE enrollment.device_id = device.id ' +
    `AND enrollment.state IN (${CONFIGURED_STATES.map((state) => `'${state}'`).join(', ')}) ` +
    // `profileSql` appears once: a positional placeholder (`?` on SQLite) binds one value per appearance.
    `AND (enrollment.profile_id IS NULL OR COALESCE(enrollment.profile_id <> ${profileSql}, TRUE)))`
  );
}

/**
 * Sets `requires_wipe` on the devices among `serials` whose Apple profile is `assigned` (held for
 * them, not fetched yet) while they are enrolled with another one; never on a device migrating
 * without erase (Apple's `mdm_migration_deadline` set): it moves its enrollment instead. Set-based: one UPDATE per 1000
 * serials, with positional values like the sync writer's (see raw-sql.ts on why not the builder).
 */
export async function markEnrolledWithOtherProfile(manager: EntityManager, serials: readonly string[]): Promise<void> {
  for (const batch of chunks(serials, IN_LIST_CHUNK)) {
    const sql = new Bindings(manager);
    await manager.query(
      `UPDATE device SET requires_wipe = TRUE WHERE serial_number IN ${sql.list(batch)} AND requires_wipe = FALSE ` +
        `AND profile_status = 'assigned' AND apple_profile_uuid IS NOT NULL AND mdm_migration_deadline IS NULL ` +
        `AND ${enrolledWithOtherProfile('device.profile_id')}`,
      sql.values,
    );
  }
}
