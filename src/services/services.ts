/**
 * Every service, wired once per server (or CLI run) from its dependencies. Resolvers receive
 * this bundle through the type-graphql container; tests build it directly.
 */
import type { AppleConnection } from '../apple/apple-connection.js';
import type { Database } from '../entities/database.js';
import { ApiKeyService } from './api-key/api-key.service.js';
import { AssignmentService } from './assignment/assignment.service.js';
import { AuditService } from './audit/audit.service.js';
import type { Clock } from '../platform/clock.js';
import type { EventBus } from '../platform/events/event-bus.js';
import { APPLE_IPHONE_DEVICE_CA_PEM } from '../mdm/apple-device-ca.js';
import type { IdentityKeyType } from '../mdm/certificate-authority.js';
import { EnrollmentQueries } from './enrollment/enrollment-queries.js';
import { EnrollmentService } from './enrollment/enrollment.service.js';
import { deviceTrust } from './enrollment/mdm-authentication.js';
import { MdmAuthorityService } from './enrollment/mdm-authority.service.js';
import { ProfileService } from './profile/profile.service.js';
import { PushCertificateService } from './enrollment/push-certificate.service.js';
import type { SecretBox } from '../platform/secret-box.js';
import { SyncService } from './sync/sync.service.js';
import { TokenService } from './token/token.service.js';
import { UserService } from './user/user.service.js';

export interface ServiceDependencies {
  readonly database: Database;
  readonly clock: Clock;
  readonly events: EventBus;
  readonly secretBox: SecretBox;
  /** Where Apple is (or the simulator); a DEP client per token. */
  readonly apple: AppleConnection;
  /** Homeroom's base URL as devices and Apple see it (`PUBLIC_URL`, else the listening address once known). */
  readonly publicUrl: () => string;
  /** Automatic sync period (`AUTOMATIC_SYNC_INTERVAL_HOURS`); 24 hours when not given. */
  readonly automaticSyncIntervalMs?: number;
  /** The key of the identities issued to enrolling devices (`MDM_IDENTITY_KEY`); RSA-2048 when not given. */
  readonly identityKeyType?: IdentityKeyType;
  /** Device CAs whose MachineInfo signers may enroll, besides Apple's iPhone Device CA (always trusted). */
  readonly trustedDeviceCas?: readonly string[];
  /** scrypt cost (log2 N) of new user password hashes (`USER_PASSWORD_SCRYPT_LOG_N`); 15 when not given. */
  readonly userPasswordScryptLogN?: number;
}

export class Services {
  readonly audit: AuditService;
  readonly apiKeys: ApiKeyService;
  readonly pushCertificates: PushCertificateService;
  readonly tokens: TokenService;
  readonly profiles: ProfileService;
  readonly sync: SyncService;
  readonly assignments: AssignmentService;
  readonly mdmAuthority: MdmAuthorityService;
  /** Devices' enrollment state, read for GraphQL. */
  readonly enrollmentQueries: EnrollmentQueries;
  /** The MDM endpoints' rules: enrollment, check-in, connect. */
  readonly enrollment: EnrollmentService;
  /** The user directory: students and teachers who sign in on iPads. */
  readonly users: UserService;

  constructor(readonly deps: ServiceDependencies) {
    this.audit = new AuditService(deps.database, deps.clock, deps.events);
    this.apiKeys = new ApiKeyService(deps.database, this.audit, deps.clock);
    this.pushCertificates = new PushCertificateService(deps, this.audit);
    // A token's first device sync starts when it is uploaded.
    this.tokens = new TokenService(deps, this.audit, (ctx, token) => this.sync.afterTokenUploaded(ctx, token));
    this.profiles = new ProfileService(deps, this.audit, this.tokens);
    this.sync = new SyncService(deps, this.tokens, this.audit);
    this.assignments = new AssignmentService(deps, this.tokens, this.audit);
    this.mdmAuthority = new MdmAuthorityService(deps);
    this.enrollmentQueries = new EnrollmentQueries(deps.database);
    this.users = new UserService(deps.database, this.audit, deps.clock, deps.userPasswordScryptLogN);
    const trust = deviceTrust(deps.trustedDeviceCas ?? [], [APPLE_IPHONE_DEVICE_CA_PEM]);
    this.enrollment = new EnrollmentService(deps, this.mdmAuthority, this.pushCertificates, trust, this.users);
  }
}
