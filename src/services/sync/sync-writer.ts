/**
 * Set-based writes of one page of Apple's devices, inside the page's transaction: one read of the
 * page's serials, then multi-row `INSERT ... ON CONFLICT (serial_number) DO UPDATE` statements (in
 * chunks that stay under SQLite's bound-parameter limit) and one `UPDATE ... WHERE serial_number IN`
 * for removals. Never a `save()` per row: at 200,000 devices that is 30 times slower.
 *
 * The upsert and the serial lookup are hand-written SQL with positional parameters, not the query
 * builder: the builder names every value (`:orm_param_1234`) and looks each name up among all the
 * others, which made a page of 1000 devices (18,000 values) cost ~60 ms, four times the raw
 * statement (bench/sync.bench.ts). Every full chunk has the same SQL text, so the driver's
 * statement cache prepares it once per process. Both databases take the same statement; only the
 * placeholders differ (`?` on SQLite, `$n` on PostgreSQL).
 *
 * Two ways to apply a page:
 * - {@link applyListingPage} (full sync, `/server/devices`): every device is refreshed with what Apple
 *   sends now, and moves to this token if another token had it;
 * - {@link applyChangesPage} (limited/automatic sync, `/devices/sync`): per serial only its latest
 *   change counts; `added` (and `modified` for a serial this token does not list) inserts or moves
 *   the device in, `deleted` marks it removed, and a device the token already lists is left as it is
 *   unless its migration deadline (`mdm_migration_deadline`) was set, moved or cleared.
 */
import type { EntityManager } from 'typeorm';
import type { DepDevice } from '../../apple/dep-types.js';
import { Device } from '../../entities/device.entity.js';
import { markEnrolledWithOtherProfile } from '../enrollment/wipe-rule.js';
import { chunks, IN_LIST_CHUNK, placeholderStyle } from '../../entities/raw-sql.js';

/** Rows per INSERT statement: 500 rows x 19 columns = 9,500 parameters, far below SQLite's 32,766. */
export const UPSERT_CHUNK = 500;

/** Every column an upsert writes, in the order of {@link rowValues}. */
const INSERTED_COLUMNS = [
  'token_id',
  'serial_number',
  'model',
  'description',
  'color',
  'asset_tag',
  'os',
  'device_family',
  'profile_status',
  'apple_profile_uuid',
  'profile_assign_time',
  'profile_push_time',
  'device_assigned_date',
  'device_assigned_by',
  'profile_id',
  'first_seen_at',
  'last_seen_at',
  'removed_at',
  'mdm_migration_deadline',
];

/** Columns an upsert overwrites on a serial Homeroom already has: all but the key and `first_seen_at` (it keeps the first sighting). */
const REFRESHED_COLUMNS = INSERTED_COLUMNS.filter((column) => column !== 'serial_number' && column !== 'first_seen_at');

/** What the run knows while writing a page. */
export interface PageContext {
  readonly tokenId: number;
  readonly now: Date;
  /** Homeroom's profile for an Apple profile UUID of this token. */
  readonly profileIdOf: (appleProfileUuid: string) => number | null;
  /** Serials Apple just accepted the token's default profile for (the rows show it). */
  readonly defaultAssigned: ReadonlyMap<string, { profileId: number; appleProfileUuid: string }>;
}

export interface PageOutcome {
  /** Records on the page (after keeping each serial's latest change). */
  readonly seen: number;
  /** Serials this token did not list before (new, moved from another token, or back after removal). */
  readonly added: string[];
  /** Serials refreshed that the token already listed (full sync; in a changes page, those whose migration deadline changed). */
  readonly updated: number;
  /** Serials marked removed. */
  readonly removed: number;
}

interface KnownDevice {
  readonly tokenId: number;
  readonly removed: boolean;
  /** Apple reported a migration deadline for it last time. */
  readonly migrating: boolean;
}

/**
 * What a sync writes of a device. `requires_wipe` is not Apple's to tell (assignment and the
 * enrollment wipe rule set it; new rows start false), the moved-away columns are the upsert's
 * own (see {@link upsertStatement}), and the School Manager API's are the reconcile's.
 */
type DeviceRow = Omit<
  Device,
  'id' | 'token' | 'profile' | 'requiresWipe' | 'movedAwayFromTokenId' | 'movedAwayFromToken' | 'movedAwayAt' | SchoolManagerColumn
>;

/** Columns only the reconcile with the School Manager API writes (services/school-manager). */
type SchoolManagerColumn =
  | 'releasedFromOrgAt'
  | 'orderNumber'
  | 'purchaseSourceType'
  | 'appleCareStatus'
  | 'appleCareDescription'
  | 'appleCareEndsAt'
  | 'schoolManagerCheckedAt';

function text(value: unknown, max: number): string | null {
  return typeof value === 'string' && value !== '' ? value.slice(0, max) : null;
}

function instant(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) || time < 0 ? null : new Date(time);
}

/** Whether the token lists the device now (a removed row or another token's row does not count). */
function listedBy(known: KnownDevice | undefined, tokenId: number): boolean {
  return known !== undefined && known.tokenId === tokenId && !known.removed;
}

/** The serials among `serials` Homeroom has a row for, with the token that has it. */
export async function knownDevices(manager: EntityManager, serials: readonly string[]): Promise<Map<string, KnownDevice>> {
  const known = new Map<string, KnownDevice>();
  const placeholder = placeholderStyle(manager);
  for (const batch of chunks(serials, IN_LIST_CHUNK)) {
    const list = batch.map((_, i) => placeholder(i)).join(', ');
    const rows = (await manager.query(
      `SELECT serial_number, token_id, removed_at, mdm_migration_deadline FROM device WHERE serial_number IN (${list})`,
      batch,
    )) as {
      serial_number: string;
      token_id: number;
      removed_at: string | null;
      mdm_migration_deadline: string | null;
    }[];
    for (const row of rows)
      known.set(row.serial_number, {
        tokenId: Number(row.token_id),
        removed: row.removed_at !== null,
        migrating: row.mdm_migration_deadline !== null,
      });
  }
  return known;
}

/** The statement for `rows` rows; the same text for the same row count, so the driver's cache keeps it prepared. */
function upsertStatement(manager: EntityManager, rows: number): string {
  const placeholder = placeholderStyle(manager);
  const width = INSERTED_COLUMNS.length;
  const tuples: string[] = [];
  for (let row = 0; row < rows; row += 1) {
    tuples.push(`(${INSERTED_COLUMNS.map((_, column) => placeholder(row * width + column)).join(', ')})`);
  }
  return (
    `INSERT INTO device (${INSERTED_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')} ` +
    `ON CONFLICT (serial_number) DO UPDATE SET ${REFRESHED_COLUMNS.map((column) => `${column} = excluded.${column}`).join(', ')}, ` +
    // Apple resets a device to `assigned` on every assignment, so `pushed` means it fetched the profile it has now: it was
    // wiped and activated again, and no longer waits for a wipe.
    // A deadline from Apple means a migration without erase: the device moves its enrollment, no wipe needed.
    `requires_wipe = CASE WHEN excluded.profile_status = 'pushed' OR excluded.mdm_migration_deadline IS NOT NULL THEN FALSE ELSE device.requires_wipe END, ` +
    // A serial another token had: Apple moved it to this token's server. The row moves, and remembers the token it left
    // (and when: Apple's assignment date on the new server) so that token lists it as moved away. Every SET
    // expression reads the row as it was, on SQLite and PostgreSQL alike.
    `moved_away_from_token_id = CASE WHEN device.token_id <> excluded.token_id THEN device.token_id ELSE device.moved_away_from_token_id END, ` +
    `moved_away_at = CASE WHEN device.token_id <> excluded.token_id THEN COALESCE(excluded.device_assigned_date, excluded.last_seen_at) ELSE device.moved_away_at END`
  );
}

const iso = (value: Date | null) => (value === null ? null : value.toISOString());

/** A row's values in {@link INSERTED_COLUMNS} order (instants as ISO text, see entities/columns.ts). */
function rowValues(row: DeviceRow): unknown[] {
  return [
    row.tokenId,
    row.serialNumber,
    row.model,
    row.description,
    row.color,
    row.assetTag,
    row.os,
    row.deviceFamily,
    row.profileStatus,
    row.appleProfileUuid,
    iso(row.profileAssignTime),
    iso(row.profilePushTime),
    iso(row.deviceAssignedDate),
    row.deviceAssignedBy,
    row.profileId,
    iso(row.firstSeenAt),
    iso(row.lastSeenAt),
    iso(row.removedAt),
    iso(row.mdmMigrationDeadline),
  ];
}

/** Serials on a page the token does not list yet: who gets the default profile. */
export async function unlistedSerials(manager: EntityManager, tokenId: number, serials: readonly string[]): Promise<string[]> {
  const known = await knownDevices(manager, serials);
  return serials.filter((serial) => !listedBy(known.get(serial), tokenId));
}

/** One record per serial: the latest `op_date` wins, and on a tie the later record (Apple lists changes in order). */
export function latestPerSerial(devices: readonly DepDevice[]): DepDevice[] {
  const latest = new Map<string, DepDevice>();
  for (const device of devices) {
    if (typeof device.serial_number !== 'string' || device.serial_number === '') continue;
    const current = latest.get(device.serial_number);
    if (!current || (instant(device.op_date)?.getTime() ?? 0) >= (instant(current.op_date)?.getTime() ?? 0)) {
      // Delete and re-insert so the map's order follows the latest record, as Apple's would.
      latest.delete(device.serial_number);
      latest.set(device.serial_number, device);
    }
  }
  return [...latest.values()];
}

/** A device row from Apple's record, with Homeroom's own columns for a sighting now. */
export function deviceRow(device: DepDevice, page: PageContext): DeviceRow {
  const serial = device.serial_number.slice(0, 64);
  const status = text(device.profile_status, 20) ?? 'empty';
  const uuid = text(device.profile_uuid, 64);
  const assigned = page.defaultAssigned.get(serial);
  const row: DeviceRow = {
    tokenId: page.tokenId,
    serialNumber: serial,
    model: text(device.model, 120),
    description: text(device.description, 200),
    color: text(device.color, 60),
    assetTag: text(device.asset_tag, 120),
    os: text(device.os, 30),
    deviceFamily: text(device.device_family, 30),
    profileStatus: status,
    appleProfileUuid: uuid,
    profileAssignTime: instant(device.profile_assign_time),
    profilePushTime: instant(device.profile_push_time),
    deviceAssignedDate: instant(device.device_assigned_date),
    deviceAssignedBy: text(device.device_assigned_by, 254),
    // Homeroom's profile is the one Apple reports, while Apple still holds it for the device.
    profileId: uuid !== null && (status === 'assigned' || status === 'pushed') ? page.profileIdOf(uuid) : null,
    firstSeenAt: page.now,
    lastSeenAt: page.now,
    removedAt: null,
    mdmMigrationDeadline: instant(device.mdm_migration_deadline),
  };
  if (assigned) {
    // Apple accepted the default profile after it wrote this record: show what is true now.
    Object.assign(row, {
      profileId: assigned.profileId,
      appleProfileUuid: assigned.appleProfileUuid,
      profileStatus: 'assigned',
      profileAssignTime: page.now,
    });
  }
  return row;
}

/**
 * Multi-row upserts keyed on the serial number; a serial another token had moves to this one. Then
 * the enrollment wipe rule over the rows that show a profile Apple holds but the device has not
 * fetched (`assigned`): one enrolled with another profile must be wiped to pick it up, which is how a
 * device moved from another token's server, and given this token's profile, shows it.
 */
async function upsert(manager: EntityManager, rows: readonly DeviceRow[]): Promise<void> {
  for (const batch of chunks(rows, UPSERT_CHUNK)) {
    await manager.query(upsertStatement(manager, batch.length), batch.flatMap(rowValues));
  }
  const held = rows.filter((row) => row.profileStatus === 'assigned' && row.appleProfileUuid !== null).map((row) => row.serialNumber);
  if (held.length > 0) await markEnrolledWithOtherProfile(manager, held);
}

/** Marks the token's listed devices among `serials` removed; returns how many. */
async function markRemoved(manager: EntityManager, tokenId: number, serials: readonly string[], now: Date): Promise<number> {
  let removed = 0;
  for (const batch of chunks(serials, IN_LIST_CHUNK)) {
    const result = await manager
      .createQueryBuilder()
      .update(Device)
      .set({ removedAt: now })
      .where('token_id = :tokenId AND removed_at IS NULL AND serial_number IN (:...batch)', { tokenId, batch })
      .execute();
    removed += result.affected ?? 0;
  }
  return removed;
}

/** A page of a full listing: every device refreshed (and moved to this token if another had it). */
export async function applyListingPage(manager: EntityManager, devices: readonly DepDevice[], page: PageContext): Promise<PageOutcome> {
  const records = latestPerSerial(devices);
  const known = await knownDevices(
    manager,
    records.map((d) => d.serial_number),
  );
  const added: string[] = [];
  for (const device of records) if (!listedBy(known.get(device.serial_number), page.tokenId)) added.push(device.serial_number);
  await upsert(
    manager,
    records.map((device) => deviceRow(device, page)),
  );
  return { seen: records.length, added, updated: records.length - added.length, removed: 0 };
}

/** A page of changes: new serials in, deleted ones marked removed, the rest untouched. */
export async function applyChangesPage(manager: EntityManager, devices: readonly DepDevice[], page: PageContext): Promise<PageOutcome> {
  const records = latestPerSerial(devices);
  const known = await knownDevices(
    manager,
    records.map((d) => d.serial_number),
  );
  const inserted: DepDevice[] = [];
  const deleted: string[] = [];
  for (const device of records) {
    const listed = listedBy(known.get(device.serial_number), page.tokenId);
    if (device.op_type === 'deleted') {
      if (listed) deleted.push(device.serial_number);
    } else if (!listed || device.mdm_migration_deadline !== undefined || known.get(device.serial_number)?.migrating) {
      // `added`, and `modified` for a serial the token does not list: ASM sends `modified` when a device moves between servers.
      // A listed device is refreshed when its migration deadline is set, moved or cleared (Apple logs that as `modified`).
      inserted.push(device);
    }
  }
  await upsert(
    manager,
    inserted.map((device) => deviceRow(device, page)),
  );
  const removed = await markRemoved(manager, page.tokenId, deleted, page.now);
  const added = inserted.filter((d) => !listedBy(known.get(d.serial_number), page.tokenId)).map((d) => d.serial_number);
  return { seen: records.length, added, updated: inserted.length - added.length, removed };
}

/** The end of a full listing: the token's devices it did not list (not seen since it began) are removed. */
export async function markUnlistedRemoved(manager: EntityManager, tokenId: number, listingStart: Date, now: Date): Promise<number> {
  const result = await manager
    .createQueryBuilder()
    .update(Device)
    .set({ removedAt: now })
    .where('token_id = :tokenId AND removed_at IS NULL AND last_seen_at < :start', { tokenId, start: listingStart.toISOString() })
    .execute();
  return result.affected ?? 0;
}

/** Devices the token lists now (Apple still assigns them). */
export async function countListed(manager: EntityManager, tokenId: number): Promise<number> {
  return manager
    .createQueryBuilder(Device, 'device')
    .where('device.token_id = :tokenId AND device.removed_at IS NULL', { tokenId })
    .getCount();
}
