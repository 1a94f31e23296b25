/** Every entity, for the DataSource. */
import { AcmeAccount, AcmeClientIdentifier, AcmeOrder } from './acme.entity.js';
import { ApiKey } from './api-key.entity.js';
import { AssignmentJob } from './assignment-job.entity.js';
import { AssignmentGroup, AssignmentOutcome } from './assignment-outcome.entity.js';
import { AuditEvent, AuditEventTarget } from './audit-event.entity.js';
import { Device } from './device.entity.js';
import { DeviceEnrollment } from './device-enrollment.entity.js';
import { DeviceMigration } from './device-migration.entity.js';
import { DirectoryUser } from './directory-user.entity.js';
import { EncryptionKey } from './encryption-key.entity.js';
import { EnrollmentProfile } from './enrollment-profile.entity.js';
import { EnrollmentProgramToken } from './enrollment-program-token.entity.js';
import { MdmCertificateAuthority } from './mdm-certificate-authority.entity.js';
import { MdmCommand } from './mdm-command.entity.js';
import { MdmPushCertificate } from './mdm-push-certificate.entity.js';
import { ResidentUser } from './resident-user.entity.js';
import { SchoolManagerAccount } from './school-manager-account.entity.js';
import { ScepChallenge } from './scep-challenge.entity.js';
import { SyncRun } from './sync-run.entity.js';
import { UserImportJob } from './user-import-job.entity.js';
import { UserImportRow } from './user-import-row.entity.js';

export const ENTITIES = [
  ApiKey,
  AuditEvent,
  AuditEventTarget,
  MdmPushCertificate,
  EncryptionKey,
  EnrollmentProgramToken,
  EnrollmentProfile,
  Device,
  SyncRun,
  AssignmentJob,
  AssignmentOutcome,
  AssignmentGroup,
  MdmCertificateAuthority,
  DeviceEnrollment,
  MdmCommand,
  DirectoryUser,
  ResidentUser,
  UserImportJob,
  UserImportRow,
  AcmeClientIdentifier,
  AcmeAccount,
  AcmeOrder,
  SchoolManagerAccount,
  ScepChallenge,
  DeviceMigration,
];
