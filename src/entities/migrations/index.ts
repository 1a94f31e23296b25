/** Every migration, oldest first. Listed explicitly (no globbing) so the compiled build and tests load the same set. */
import { Foundation1795305600000 } from './1795305600000-foundation.js';
import { TokensAndProfiles1795910400000 } from './1795910400000-tokens-and-profiles.js';
import { DeviceSync1796515200000 } from './1796515200000-device-sync.js';
import { AssignmentJobs1797120000000 } from './1797120000000-assignment-jobs.js';
import { MdmCertificateAuthority1797724800000 } from './1797724800000-mdm-certificate-authority.js';
import { DeviceEnrollment1798329600000 } from './1798329600000-device-enrollment.js';
import { DirectoryUsers1798934400000 } from './1798934400000-directory-users.js';
import { UserAffinity1799539200000 } from './1799539200000-user-affinity.js';
import { SyncRules1800144000000 } from './1800144000000-sync-rules.js';
import { MovedAway1800748800000 } from './1800748800000-moved-away.js';
import { EnrollmentSupervisionUnknown1801353600000 } from './1801353600000-enrollment-supervision-unknown.js';
import { UserImportJobs1801958400000 } from './1801958400000-user-import-jobs.js';
import { SchoolManagerApi1802563200000 } from './1802563200000-school-manager-api.js';
import { Acme1803168000000 } from './1803168000000-acme.js';
import { DeviceIdentityKinds1803772800000 } from './1803772800000-device-identity-kinds.js';
import { MigrationWithoutErase1804377600000 } from './1804377600000-migration-without-erase.js';
import { ReturnToService1804982400000 } from './1804982400000-return-to-service.js';
import { AssignmentOutcomeDeviceKey1805587200000 } from './1805587200000-assignment-outcome-device-key.js';
import { AssignmentGroups1806192000000 } from './1806192000000-assignment-groups.js';

export const MIGRATIONS = [
  Foundation1795305600000,
  TokensAndProfiles1795910400000,
  DeviceSync1796515200000,
  AssignmentJobs1797120000000,
  MdmCertificateAuthority1797724800000,
  DeviceEnrollment1798329600000,
  DirectoryUsers1798934400000,
  UserAffinity1799539200000,
  SyncRules1800144000000,
  MovedAway1800748800000,
  EnrollmentSupervisionUnknown1801353600000,
  UserImportJobs1801958400000,
  SchoolManagerApi1802563200000,
  Acme1803168000000,
  DeviceIdentityKinds1803772800000,
  MigrationWithoutErase1804377600000,
  ReturnToService1804982400000,
  AssignmentOutcomeDeviceKey1805587200000,
  AssignmentGroups1806192000000,
];
