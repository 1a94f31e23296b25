/**
 * The DataLoaders field resolvers read linked rows through: a page of 500 devices asks for its
 * tokens, profiles and enrollments once each, and two fields naming one row share one read.
 *
 * A set of loaders caches for one operation's execution and no longer: the HTTP context makes
 * one per request, and the websocket transport one per operation and one more per subscription
 * event (`subscriptions.ts`), so an event shows rows as they are when it arrives (a profile
 * renamed between two events shows its new name in the second), never a row cached by an
 * earlier event.
 */
import DataLoader from 'dataloader';
import type { DeviceMigration } from '../entities/device-migration.entity.js';
import type { DirectoryUser } from '../entities/directory-user.entity.js';
import type { EnrollmentProgramToken } from '../entities/enrollment-program-token.entity.js';
import type { ResidentUser } from '../entities/resident-user.entity.js';
import type { Services } from '../services/services.js';
import type { EnrollmentProfile } from '../entities/enrollment-profile.entity.js';
import type { ProfileFacts } from '../services/profile/profile.service.js';
import { linkedProfileTypes, type EnrollmentProfileType } from './profile.type.js';
import { DeviceEnrollmentType } from './device-enrollment.type.js';

export interface Loaders {
  /** Tokens by row id; null for one that does not exist. */
  readonly tokens: DataLoader<number, EnrollmentProgramToken | null>;
  /** Profiles by row id, as GraphQL objects; null for one that does not exist (deleted). */
  readonly profiles: DataLoader<number, EnrollmentProfileType | null>;
  /**
   * Enrollments by device id, as GraphQL objects (NOT_CONTACTED for a device without a row):
   * made in the batch, so `Device.enrollment` returns the loader's promise as it is.
   */
  readonly enrollments: DataLoader<number, DeviceEnrollmentType>;
  /** Shared iPad users signed in on each device id, most recent first. */
  readonly residentUsers: DataLoader<number, ResidentUser[]>;
  /** Directory users by row id; null for one deleted. */
  readonly directoryUsers: DataLoader<number, DirectoryUser | null>;
  /** Migrations without erase by serial number; null for a device never scheduled. */
  readonly migrations: DataLoader<string, DeviceMigration | null>;
  /**
   * Values a list loaded ahead for its rows (`loadDeviceLinksAhead`), by the same keys: a field
   * resolver finding its value here returns it as it is, not a promise, so graphql-js completes
   * each row without a promise per row. Only what loaded without error is kept.
   */
  readonly ready: {
    readonly profiles: Map<number, EnrollmentProfileType | null>;
    readonly enrollments: Map<number, DeviceEnrollmentType>;
  };
}

/** `load` results in the order of `keys`, from a map of what was found. */
function inOrder<V, D>(keys: readonly number[], found: ReadonlyMap<number, V>, missing: D): Array<V | D> {
  return keys.map((key) => (found.has(key) ? found.get(key)! : missing));
}

/** Fresh loaders (empty caches) for one request, one websocket operation or one subscription event. */
export function createLoaders(services: Services): Loaders {
  // A profile's device count and default flag, read only for the profiles whose fields ask for them.
  const profileFacts = new DataLoader<EnrollmentProfile, ProfileFacts, number>(
    async (rows) => {
      const facts = await services.profiles.factsFor(rows);
      return rows.map((row) => facts.get(row.id) ?? { deviceCount: 0, isDefault: false });
    },
    { cacheKeyFn: (row) => row.id },
  );
  return {
    tokens: new DataLoader(async (ids) => inOrder(ids, await services.tokens.findByIds(ids), null)),
    profiles: new DataLoader(async (ids) => {
      const rows = [...(await services.profiles.findByIds(ids)).values()];
      const types = linkedProfileTypes(services, rows, (row) => profileFacts.load(row));
      return inOrder(ids, new Map(types.map((type) => [type.id, type])), null);
    }),
    enrollments: new DataLoader(async (ids) => {
      const found = await services.enrollmentQueries.findByDeviceIds(ids);
      return ids.map((id) => DeviceEnrollmentType.from(found.get(id) ?? null, id));
    }),
    residentUsers: new DataLoader(async (ids) => inOrder(ids, await services.enrollmentQueries.residentUsersOf(ids), [])),
    directoryUsers: new DataLoader(async (ids) => inOrder(ids, await services.enrollmentQueries.usersByIds(ids), null)),
    migrations: new DataLoader(async (serials) => {
      const found = new Map((await services.migrations.findBySerials(serials)).map((row) => [row.serialNumber, row]));
      return serials.map((serial) => found.get(serial) ?? null);
    }),
    ready: { profiles: new Map(), enrollments: new Map() },
  };
}

/**
 * Loads through `loader` (so the same batching, cache and errors) and keeps what loaded in
 * `ready`. A failure is left to the field resolvers: they load the same keys and get the
 * loader's cached error, exactly as without loading ahead.
 */
export async function loadAhead<K, V>(loader: DataLoader<K, V>, keys: readonly K[], ready: Map<K, V>): Promise<void> {
  if (keys.length === 0) return;
  const values = await loader.loadMany(keys);
  values.forEach((value, i) => {
    if (!(value instanceof Error)) ready.set(keys[i]!, value);
  });
}
