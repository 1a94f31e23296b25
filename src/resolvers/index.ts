/** Every resolver class, for buildSchema. */
import { ApiKeyResolver } from './api-key.resolver.js';
import {
  AssignmentJobProgressResolver,
  AssignmentOutcomeResolver,
  AssignmentResolver,
  AssignmentTokenResolver,
} from './assignment.resolver.js';
import { AuditEventResolver } from './audit-event.resolver.js';
import { DeviceEnrollmentProfileResolver, DeviceEnrollmentResolver, ResidentUserResolver } from './device-enrollment.resolver.js';
import { DeviceResolver } from './device.resolver.js';
import { MigrationResolver } from './migration.resolver.js';
import { DeviceEraseResolver } from './device-erase.resolver.js';
import { NodeResolver } from './node.resolver.js';
import { ProfileResolver } from './profile.resolver.js';
import { PushCertificateResolver } from './push-certificate.resolver.js';
import { RehearsalResolver } from './rehearsal.resolver.js';
import { SchoolManagerResolver } from './school-manager.resolver.js';
import { SyncProgressResolver, SyncResolver } from './sync.resolver.js';
import { SyncTokenResolver } from './sync-token.resolver.js';
import { TokenProfilesResolver } from './token-profiles.resolver.js';
import { TokenHealthResolver } from './token-health.resolver.js';
import { TokenResolver } from './token.resolver.js';
import { UserImportJobProgressResolver, UserImportResolver } from './user-import.resolver.js';
import { UserResolver } from './user.resolver.js';
import { ViewerResolver } from './viewer.resolver.js';

export const RESOLVERS = [
  NodeResolver,
  ViewerResolver,
  ApiKeyResolver,
  AuditEventResolver,
  PushCertificateResolver,
  TokenResolver,
  TokenHealthResolver,
  ProfileResolver,
  TokenProfilesResolver,
  SyncResolver,
  SyncProgressResolver,
  SyncTokenResolver,
  DeviceResolver,
  DeviceEraseResolver,
  DeviceEnrollmentResolver,
  DeviceEnrollmentProfileResolver,
  ResidentUserResolver,
  AssignmentResolver,
  AssignmentOutcomeResolver,
  AssignmentJobProgressResolver,
  AssignmentTokenResolver,
  UserResolver,
  UserImportResolver,
  UserImportJobProgressResolver,
  RehearsalResolver,
  SchoolManagerResolver,
  MigrationResolver,
] as const;
