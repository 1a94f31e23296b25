/**
 * Enrollment profiles read as plain rows: a page of devices asks for the few profiles it names on
 * every request, and through TypeORM's `findBy` the query builder's fixed cost was most of that
 * read. Each row becomes an `EnrollmentProfile` with every column, as the entity reads it
 * (booleans, JSON and instants normalised for both drivers, `raw-sql.ts`); relations are not
 * loaded, as with `findBy`. test/services/device/device-rows.test.ts holds the two equal.
 */
import { EnrollmentProfile } from '../../entities/enrollment-profile.entity.js';
import { rowBoolean, rowInstant, rowInteger, rowIntegerOrNull, rowJson, rowTextOrNull, selectList } from '../../entities/raw-sql.js';

const PROFILE_PROPERTIES = [
  'id',
  'tokenId',
  'name',
  'enrollmentKey',
  'description',
  'userAffinity',
  'supervised',
  'lockedEnrollment',
  'sharedIPad',
  'maximumCachedUsers',
  'pairing',
  'configuratorCertificates',
  'awaitDeviceConfigured',
  'departmentName',
  'departmentPhone',
  'skippedPanes',
  'identityKind',
  'isReturnToService',
  'wifiSsid',
  'wifiSecurity',
  'sealedWifiPassword',
  'appleProfileUuid',
  'appleDefinedAt',
  'createdAt',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof EnrollmentProfile>;

/** The select list of a profile row, on the table aliased `profile`. */
export const PROFILE_COLUMNS = selectList('profile', PROFILE_PROPERTIES);

/** One profile row (selected with {@link PROFILE_COLUMNS}) as the entity. */
export function profileOfRow(raw: Record<string, unknown>): EnrollmentProfile {
  const profile = new EnrollmentProfile();
  profile.id = rowInteger(raw.id);
  profile.tokenId = rowInteger(raw.token_id);
  profile.name = raw.name as string;
  profile.enrollmentKey = raw.enrollment_key as string;
  profile.description = rowTextOrNull(raw.description);
  profile.userAffinity = raw.user_affinity as EnrollmentProfile['userAffinity'];
  profile.supervised = rowBoolean(raw.supervised);
  profile.lockedEnrollment = rowBoolean(raw.locked_enrollment);
  profile.sharedIPad = rowBoolean(raw.shared_i_pad);
  profile.maximumCachedUsers = rowIntegerOrNull(raw.maximum_cached_users);
  profile.pairing = raw.pairing as EnrollmentProfile['pairing'];
  profile.configuratorCertificates = rowJson<string[]>(raw.configurator_certificates);
  profile.awaitDeviceConfigured = rowBoolean(raw.await_device_configured);
  profile.departmentName = rowTextOrNull(raw.department_name);
  profile.departmentPhone = rowTextOrNull(raw.department_phone);
  profile.skippedPanes = rowJson<string[]>(raw.skipped_panes);
  profile.identityKind = rowTextOrNull(raw.identity_kind) as EnrollmentProfile['identityKind'];
  profile.isReturnToService = rowBoolean(raw.is_return_to_service);
  profile.wifiSsid = rowTextOrNull(raw.wifi_ssid);
  profile.wifiSecurity = rowTextOrNull(raw.wifi_security) as EnrollmentProfile['wifiSecurity'];
  profile.sealedWifiPassword = rowTextOrNull(raw.sealed_wifi_password);
  profile.appleProfileUuid = raw.apple_profile_uuid as string;
  profile.appleDefinedAt = rowInstant(raw.apple_defined_at);
  profile.createdAt = rowInstant(raw.created_at);
  profile.updatedAt = rowInstant(raw.updated_at);
  return profile;
}
