/**
 * The reconcile's writes, set-based: one `UPDATE ... FROM (VALUES ...)` per batch of devices (a
 * common table expression with named columns, which SQLite 3.33+ and PostgreSQL both take),
 * never a save per row. Values are bound positionally, as the sync writer does.
 */
import type { EntityManager } from 'typeorm';
import { chunks, placeholderStyle } from '../../entities/raw-sql.js';

/** What a reconcile learned of one device from `orgDevices`. */
export interface OrgFacts {
  readonly serialNumber: string;
  readonly releasedFromOrgAt: Date | null;
  readonly orderNumber: string | null;
  readonly purchaseSourceType: string | null;
}

/** A device's coverage summary. */
export interface CoverageFacts {
  readonly serialNumber: string;
  /** `ACTIVE`, `INACTIVE`, or `NONE` when Apple lists no coverage. */
  readonly status: string;
  readonly description: string | null;
  readonly endsAt: Date | null;
}

/** Rows per statement: 5 values each, far below both databases' parameter limits. */
const BATCH = 500;

async function updateFrom(
  manager: EntityManager,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  set: string,
  where = '',
): Promise<void> {
  for (const batch of chunks(rows, BATCH)) {
    const placeholder = placeholderStyle(manager);
    let index = 0;
    // PostgreSQL types untyped parameters in VALUES as text; every column written here is text.
    const values = batch.map((row) => `(${row.map(() => placeholder(index++)).join(', ')})`).join(', ');
    await manager.query(
      `WITH v(${columns.join(', ')}) AS (VALUES ${values}) UPDATE device SET ${set} FROM v WHERE device.serial_number = v.serial_number${where}`,
      batch.flat(),
    );
  }
}

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

/** Writes what `orgDevices` says of the token's devices, and when it was read. */
export async function writeOrgFacts(manager: EntityManager, tokenId: number, facts: readonly OrgFacts[], now: Date): Promise<void> {
  await updateFrom(
    manager,
    ['serial_number', 'released_from_org_at', 'order_number', 'purchase_source_type', 'checked_at'],
    facts.map((fact) => [fact.serialNumber, iso(fact.releasedFromOrgAt), fact.orderNumber, fact.purchaseSourceType, now.toISOString()]),
    'released_from_org_at = v.released_from_org_at, order_number = v.order_number, purchase_source_type = v.purchase_source_type, school_manager_checked_at = v.checked_at',
    ` AND device.token_id = ${Number(tokenId)}`,
  );
}

/** Marks devices Apple no longer knows at all as released at `at` (the first reconcile that noticed). */
export async function writeReleased(manager: EntityManager, tokenId: number, serials: readonly string[], at: Date): Promise<void> {
  await updateFrom(
    manager,
    ['serial_number', 'released_at'],
    serials.map((serial) => [serial, at.toISOString()]),
    'released_from_org_at = COALESCE(device.released_from_org_at, v.released_at), school_manager_checked_at = v.released_at',
    ` AND device.token_id = ${Number(tokenId)}`,
  );
}

/** Writes coverage summaries. */
export async function writeCoverage(manager: EntityManager, tokenId: number, facts: readonly CoverageFacts[]): Promise<void> {
  await updateFrom(
    manager,
    ['serial_number', 'status', 'description', 'ends_at'],
    facts.map((fact) => [fact.serialNumber, fact.status, fact.description, iso(fact.endsAt)]),
    'apple_care_status = v.status, apple_care_description = v.description, apple_care_ends_at = v.ends_at',
    ` AND device.token_id = ${Number(tokenId)}`,
  );
}
