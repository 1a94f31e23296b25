/**
 * Every service, wired once per server (or CLI run) from its dependencies. Resolvers receive
 * this bundle through the type-graphql container; tests build it directly.
 */
import { ApiKeyService } from './api-key/api-key.service.js';
import { AssignmentService } from './assignment/assignment.service.js';
import { AuditService } from './audit/audit.service.js';
import { APPLE_IPHONE_DEVICE_CA_PEM } from '../mdm/apple-device-ca.js';
import { DeviceService } from './device/device.service.js';
import { AcmeIssuanceService } from './enrollment/acme-issuance.js';
import { EnrollmentQueries } from './enrollment/enrollment-queries.js';
import { EnrollmentService } from './enrollment/enrollment.service.js';
import { ReturnToServiceService } from './enrollment/return-to-service.service.js';
import { deviceTrust } from './enrollment/mdm-authentication.js';
import { MdmAuthorityService } from './enrollment/mdm-authority.service.js';
import { Pkcs12IdentityIssuer } from './enrollment/device-identity.js';
import { ScepService } from './enrollment/scep.service.js';
import { DeviceIdentityKind } from '../entities/enrollment-profile.entity.js';
import { ProfileService } from './profile/profile.service.js';
import { PushCertificateService } from './enrollment/push-certificate.service.js';
import { RehearsalService } from './rehearsal/rehearsal.service.js';
import { MigrationService } from './migration/migration.service.js';
import { SchoolManagerService } from './school-manager/school-manager.service.js';
import { SyncService } from './sync/sync.service.js';
import { AppleSessionGateway } from './token/apple-session-gateway.js';
import { TokenService } from './token/token.service.js';
import { UserImportService } from './user/user-import.service.js';
import { UserService } from './user/user.service.js';
import type { ServiceDependencies } from './service-dependencies.js';

export class Services {
  readonly audit: AuditService;
  readonly apiKeys: ApiKeyService;
  readonly pushCertificates: PushCertificateService;
  /** Every call to Apple on a token's behalf, and Apple's verdict on the token. */
  readonly appleSessions: AppleSessionGateway;
  readonly tokens: TokenService;
  readonly profiles: ProfileService;
  readonly sync: SyncService;
  /** Device reads: a token's devices by filter, devices by id. */
  readonly devices: DeviceService;
  readonly assignments: AssignmentService;
  readonly mdmAuthority: MdmAuthorityService;
  /** Devices' enrollment state, read for GraphQL. */
  readonly enrollmentQueries: EnrollmentQueries;
  /** The SCEP endpoint's rules: devices of the SCEP kind get their identity there. */
  readonly scep: ScepService;
  /** Device identities by ACME with Apple's attestation (`/acme`): devices of the ACME kind get theirs there. */
  readonly acmeIssuance: AcmeIssuanceService;
  /** The MDM endpoints' rules: enrollment, check-in, connect. */
  readonly enrollment: EnrollmentService;
  readonly returnToService: ReturnToServiceService;
  /** The user directory: students and teachers who sign in on iPads. */
  readonly users: UserService;
  /** CSV imports of directory users, as background jobs. */
  readonly userImports: UserImportService;
  /** Virtual iPads powered on from the API, with the built-in Apple simulator only. */
  readonly rehearsals: RehearsalService;
  /** The Apple School Manager API: the organisation's API account and the reconcile of devices with it. */
  readonly schoolManager: SchoolManagerService;
  /** Migration without erase: deadlines scheduled, moved and cancelled through the School Manager API. */
  readonly migrations: MigrationService;

  constructor(readonly deps: ServiceDependencies) {
    this.audit = new AuditService(deps.database, deps.clock, deps.events);
    this.apiKeys = new ApiKeyService(deps.database, this.audit, deps.clock, deps.events);
    this.pushCertificates = new PushCertificateService(deps, this.audit);
    // A token's first device sync starts when it is uploaded.
    this.appleSessions = new AppleSessionGateway(deps);
    this.tokens = new TokenService(deps, this.audit, this.appleSessions, (ctx, token) => this.sync.afterTokenUploaded(ctx, token));
    this.profiles = new ProfileService(deps, this.audit, this.tokens, this.appleSessions);
    this.sync = new SyncService(deps, this.appleSessions, this.audit);
    this.schoolManager = new SchoolManagerService(deps, this.audit);
    // DEP says nothing of released devices, orders or AppleCare: each successful sync is followed by a reconcile.
    this.sync.afterSucceeded = (ctx, tokenId) => void this.schoolManager.afterSync(ctx, tokenId);
    this.migrations = new MigrationService(deps, this.audit, this.schoolManager);
    this.devices = new DeviceService(deps.database);
    this.assignments = new AssignmentService(deps, this.appleSessions, this.audit);
    this.mdmAuthority = new MdmAuthorityService(deps);
    this.enrollmentQueries = new EnrollmentQueries(deps.database);
    this.users = new UserService(deps.database, this.audit, deps.clock, deps.userPasswordScryptLogN);
    this.userImports = new UserImportService(deps, this.audit);
    this.rehearsals = new RehearsalService(deps, this.audit);
    const trust = deviceTrust(deps.identities?.trustedDeviceCas ?? [], [APPLE_IPHONE_DEVICE_CA_PEM]);
    this.scep = new ScepService(deps, this.mdmAuthority);
    this.acmeIssuance = new AcmeIssuanceService(deps, this.mdmAuthority, {
      extraAttestationRoots: deps.identities?.trustedAttestationRoots ?? [],
    });
    const issuers = {
      [DeviceIdentityKind.SCEP]: this.scep.issuer(),
      [DeviceIdentityKind.ACME]: this.acmeIssuance.issuer(),
      [DeviceIdentityKind.PKCS12]: new Pkcs12IdentityIssuer(this.mdmAuthority),
    };
    this.returnToService = new ReturnToServiceService(deps, issuers, this.pushCertificates, this.mdmAuthority, this.audit);
    this.enrollment = new EnrollmentService(deps, issuers, this.pushCertificates, trust, this.users, this.returnToService);
  }
}
