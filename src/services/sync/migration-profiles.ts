/**
 * Migration without erase, as the sync meets it: a device Apple reports with an
 * `mdm_migration_deadline` comes from another MDM and must enroll with Homeroom keeping its data,
 * so it gets a profile that holds it in Setup Assistant (`awaitDeviceConfigured`) until Homeroom
 * has reinstalled its kept apps. Which profile: the one its migration was scheduled with, else the
 * token's default profile when it awaits configuration, else the token's first profile that does.
 * A device whose record already shows that profile held for it (`assigned` or `pushed`) needs nothing.
 */
import type { EntityManager } from 'typeorm';
import type { DepDevice } from '../../apple/dep-types.js';
import { Bindings, chunks, IN_LIST_CHUNK } from '../../entities/raw-sql.js';

/** What the sync knows of one of the token's profiles. */
export interface TokenProfile {
  readonly id: number;
  readonly appleProfileUuid: string;
  readonly awaitDeviceConfigured: boolean;
}

/** The profile a migrating device gets; null when the token has none that awaits configuration. */
export function migrationProfileOf(
  scheduledProfileId: number | null,
  profiles: readonly TokenProfile[],
  defaultProfileId: number | null,
): TokenProfile | null {
  const awaiting = profiles.filter((profile) => profile.awaitDeviceConfigured);
  return (
    awaiting.find((profile) => profile.id === scheduledProfileId) ??
    awaiting.find((profile) => profile.id === defaultProfileId) ??
    [...awaiting].sort((a, b) => a.id - b.id)[0] ??
    null
  );
}

/** The page's migrating devices that need a profile at Apple, with the profile each needs. */
export async function migrationAssignments(
  manager: EntityManager,
  tokenId: number,
  devices: readonly DepDevice[],
  profiles: readonly TokenProfile[],
  defaultProfileId: number | null,
): Promise<Map<string, TokenProfile>> {
  const migrating = devices.filter((device) => device.op_type !== 'deleted' && typeof device.mdm_migration_deadline === 'string');
  const wanted = new Map<string, TokenProfile>();
  if (migrating.length === 0) return wanted;
  const scheduled = new Map<string, number | null>();
  for (const batch of chunks(
    migrating.map((device) => device.serial_number),
    IN_LIST_CHUNK,
  )) {
    const sql = new Bindings(manager);
    const rows = (await manager.query(
      `SELECT serial_number, profile_id FROM device_migration WHERE token_id = ${sql.bind(tokenId)} AND serial_number ${sql.in(batch)}`,
      sql.values,
    )) as Array<{ serial_number: string; profile_id: number | null }>;
    for (const row of rows) scheduled.set(row.serial_number, row.profile_id === null ? null : Number(row.profile_id));
  }
  for (const device of migrating) {
    const profile = migrationProfileOf(scheduled.get(device.serial_number) ?? null, profiles, defaultProfileId);
    if (!profile) continue;
    const held =
      device.profile_uuid === profile.appleProfileUuid && (device.profile_status === 'assigned' || device.profile_status === 'pushed');
    if (!held) wanted.set(device.serial_number, profile);
  }
  return wanted;
}
