/**
 * Which devices a job concerns, and what it would do to each, decided in SQL.
 *
 * The rule lives in one CASE expression ({@link classification}) that both the preview (counts
 * and samples) and the job's creation (`INSERT ... SELECT` of its outcome rows) evaluate, so a
 * preview can never promise what the job then does differently:
 * - another token's device: OTHER_TOKEN; a device Apple no longer lists: REMOVED;
 * - ASSIGN: UNCHANGED when the device has the profile (same Apple UUID) with status `assigned` or
 *   `pushed`. Status `removed` is re-assigned: Apple drops the profile of a device moved back to
 *   the same server but still shows its UUID, the trap Fleet's users hit;
 * - UNASSIGN: UNCHANGED when Apple holds no profile for it (status `empty` or `removed`);
 * - everything else: PENDING, for Apple.
 * A filter selects the token's devices with one statement however many match; listed ids and
 * serials go through `IN` lists of 1000.
 */
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { AssignmentOutcome } from '../../entities/assignment-outcome.entity.js';
import { Device } from '../../entities/device.entity.js';
import { rowNotFound } from '../../errors.js';
import { enrolledWithOtherProfile } from '../enrollment/wipe-rule.js';
import { chunks, IN_LIST_CHUNK } from '../../entities/raw-sql.js';
import { deviceQueryOf } from '../device/device-query.js';
import type { AssignmentKind } from '../../entities/assignment-job.entity.js';
import type { AssignmentResult } from '../../entities/assignment-outcome.entity.js';
import { PREVIEW_SAMPLE, type AssignmentPreview, type DeviceSelection } from './assignment-types.js';

/** What a job does and to which token's devices. */
export interface JobTarget {
  readonly kind: AssignmentKind;
  readonly tokenId: number;
  /** ASSIGN only. */
  readonly profile: { readonly id: number; readonly appleProfileUuid: string } | null;
}

/** The selection as the database sees it: one query (a filter) or several (lists cut to 1000). */
interface Universe {
  /** One query builder per part, each selecting `device` rows. */
  readonly parts: Array<SelectQueryBuilder<Device>>;
  /** Listed serials no device has (serial selections only). */
  readonly unknownSerials: string[];
}

/** The CASE expression deciding each device's fate; its parameters are set on `query`. */
function classification(query: SelectQueryBuilder<Device>, target: JobTarget): string {
  query.setParameter('jobTokenId', target.tokenId);
  const keeps =
    target.kind === 'ASSIGN'
      ? "device.profile_id = :jobProfileId AND device.apple_profile_uuid = :jobProfileUuid AND device.profile_status IN ('assigned', 'pushed')"
      : "device.profile_status NOT IN ('assigned', 'pushed')";
  if (target.profile) query.setParameters({ jobProfileId: target.profile.id, jobProfileUuid: target.profile.appleProfileUuid });
  return (
    "CASE WHEN device.token_id <> :jobTokenId THEN 'OTHER_TOKEN' WHEN device.removed_at IS NOT NULL THEN 'REMOVED' " +
    `WHEN ${keeps} THEN 'UNCHANGED' ELSE 'PENDING' END`
  );
}

/** Apple `pushed`, or waiting for a wipe since an earlier assignment. */
const PUSHED_OR_WAITING = "(device.profile_status = 'pushed' OR device.requires_wipe = TRUE)";

/**
 * Whether an ASSIGN would leave the device waiting for a wipe: it is activated with a profile
 * already (Apple `pushed`, or waiting for a wipe since an earlier assignment), or enrolled with
 * Homeroom under another profile than the job's (a device moved from another token's server). The
 * runner decides with the same conditions. Needs the job's parameters ({@link classification}).
 */
const ACTIVATED = `(${PUSHED_OR_WAITING} OR ${enrolledWithOtherProfile(':jobProfileId')})`;

/**
 * The devices the selection names. Listed ids must all exist (NOT_FOUND otherwise: ids come
 * from this API); listed serials need not (an admin pastes them from Apple School Manager).
 */
async function universeOf(manager: EntityManager, target: JobTarget, selection: DeviceSelection): Promise<Universe> {
  const devices = () => manager.getRepository(Device).createQueryBuilder('device');
  if ('filter' in selection) return { parts: [deviceQueryOf(manager, target.tokenId, selection.filter)], unknownSerials: [] };
  if ('ids' in selection) {
    const parts = chunks([...new Set(selection.ids)], IN_LIST_CHUNK).map((ids) => devices().where('device.id IN (:...ids)', { ids }));
    const missing: number[] = [];
    for (const [index, part] of parts.entries()) {
      const found = new Set((await part.clone().select('device.id', 'id').getRawMany<{ id: number }>()).map((row) => Number(row.id)));
      const ids = part.getParameters()['ids'] as number[];
      missing.push(...ids.filter((id) => !found.has(id)));
      if (missing.length >= 10 || index === parts.length - 1) break;
    }
    if (missing.length > 0) throw rowNotFound('device', 'Device', missing.slice(0, 10));
    return { parts, unknownSerials: [] };
  }
  const serials = [...new Set(selection.serialNumbers)];
  const parts = chunks(serials, IN_LIST_CHUNK).map((batch) => devices().where('device.serial_number IN (:...serials)', { serials: batch }));
  const unknownSerials: string[] = [];
  for (const part of parts) {
    const batch = part.getParameters()['serials'] as string[];
    const found = new Set(
      (await part.clone().select('device.serial_number', 'serial').getRawMany<{ serial: string }>()).map((row) => row.serial),
    );
    unknownSerials.push(...batch.filter((serial) => !found.has(serial)));
  }
  return { parts, unknownSerials };
}

/** What a job would do, counted and sampled, changing nothing. */
export async function previewOf(manager: EntityManager, target: JobTarget, selection: DeviceSelection): Promise<AssignmentPreview> {
  const universe = await universeOf(manager, target, selection);
  const counts = new Map<string, number>();
  let requiresWipeCount = 0;
  const samples: Record<'willChange' | 'unchanged' | 'cannotChange', Device[]> = { willChange: [], unchanged: [], cannotChange: [] };
  for (const part of universe.parts) {
    const grouped = part.clone();
    const fate = classification(grouped, target);
    const rows = await grouped
      .select(fate, 'result')
      .addSelect(`CASE WHEN ${target.kind === 'ASSIGN' ? ACTIVATED : PUSHED_OR_WAITING} THEN 1 ELSE 0 END`, 'activated')
      .addSelect('COUNT(*)', 'devices')
      .groupBy('1')
      .addGroupBy('2')
      .getRawMany<{ result: string; activated: number | string; devices: number | string }>();
    for (const row of rows) {
      counts.set(row.result, (counts.get(row.result) ?? 0) + Number(row.devices));
      if (target.kind === 'ASSIGN' && row.result === 'PENDING' && Number(row.activated) === 1) requiresWipeCount += Number(row.devices);
    }
    for (const [key, results] of [
      ['willChange', ['PENDING']],
      ['unchanged', ['UNCHANGED']],
      ['cannotChange', ['REMOVED', 'OTHER_TOKEN']],
    ] as const) {
      const room = PREVIEW_SAMPLE - samples[key].length;
      if (room <= 0) continue;
      const sampled = part.clone();
      const expression = classification(sampled, target);
      samples[key].push(
        ...(await sampled
          .andWhere(`${expression} IN (:...sampleResults)`, { sampleResults: results })
          .orderBy('device.id', 'ASC')
          .limit(room)
          .getMany()),
      );
    }
  }
  return {
    kind: target.kind,
    tokenId: target.tokenId,
    profileId: target.profile?.id ?? null,
    willChangeCount: counts.get('PENDING') ?? 0,
    unchangedCount: counts.get('UNCHANGED') ?? 0,
    removedCount: counts.get('REMOVED') ?? 0,
    otherTokenCount: counts.get('OTHER_TOKEN') ?? 0,
    unknownSerialCount: universe.unknownSerials.length,
    requiresWipeCount,
    ...samples,
    unknownSerialNumbers: universe.unknownSerials.slice(0, PREVIEW_SAMPLE),
  };
}

/**
 * Writes the job's outcome rows, in device order (the order batches go to Apple): one
 * `INSERT ... SELECT` per part, then a row per unknown serial. Returns how many rows of each
 * result it wrote.
 */
export async function writeOutcomes(
  manager: EntityManager,
  jobId: number,
  target: JobTarget,
  selection: DeviceSelection,
  now: Date,
): Promise<Map<AssignmentResult, number>> {
  const universe = await universeOf(manager, target, selection);
  const stamp = now.toISOString();
  for (const part of universe.parts) {
    const rows = part.clone();
    const fate = classification(rows, target);
    // The job id is a literal (an integer this code made): PostgreSQL cannot type a bare parameter in a SELECT list.
    rows
      .select(`${Math.trunc(jobId)}`, 'job_id')
      .addSelect('device.id', 'device_id')
      .addSelect('device.serial_number', 'serial_number')
      .addSelect(fate, 'result')
      .addSelect('0', 'attempts')
      .addSelect('0', 'failures')
      .addSelect('FALSE', 'requires_wipe')
      .addSelect(':outcomeStamp', 'updated_at')
      .setParameter('outcomeStamp', stamp)
      .orderBy('device.id', 'ASC');
    const [sql, parameters] = rows.getQueryAndParameters();
    // Named, not positional: the builder orders its select list as it likes (the key column first).
    const columns = 'job_id, device_id, serial_number, result, attempts, failures, requires_wipe, updated_at';
    await manager.query(
      `INSERT INTO assignment_outcome (${columns}) SELECT ${columns} FROM (${sql}) chosen ORDER BY device_id`,
      parameters,
    );
  }
  for (const batch of chunks(universe.unknownSerials, 500)) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(AssignmentOutcome)
      .values(
        batch.map((serialNumber) => ({
          jobId,
          deviceId: null,
          serialNumber,
          result: 'UNKNOWN_SERIAL',
          attempts: 0,
          failures: 0,
          retryAt: null,
          requiresWipe: false,
          updatedAt: now,
        })),
      )
      .updateEntity(false)
      .execute();
  }
  const counted = (await manager.query(
    `SELECT result, COUNT(*) AS outcomes FROM assignment_outcome WHERE job_id = ${Math.trunc(jobId)} GROUP BY result`,
  )) as Array<{ result: AssignmentResult; outcomes: number | string }>;
  return new Map(counted.map((row) => [row.result, Number(row.outcomes)]));
}
