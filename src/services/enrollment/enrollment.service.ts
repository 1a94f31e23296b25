/**
 * Device enrollment with Homeroom's MDM (reference: device-enrollment.md section 2): the
 * rules behind the three endpoints in `src/http/mdm-routes.ts`.
 *
 * - `enroll`: a device POSTs its signed MachineInfo to its profile's enrollment URL. It must be a
 *   trusted device, known to Homeroom, of the profile's token, still listed by Apple, and assigned
 *   that profile. It gets the enrollment profile with its identity payload (the profile's kind, else
 *   `MDM_IDENTITY`: a SCEP challenge, or a PKCS#12; see `device-identity.ts`); state ENROLLING.
 * - `checkIn`: Authenticate (its SerialNumber, when sent, must be the enrolled device's), TokenUpdate
 *   (ENROLLED, or AWAITING_CONFIGURATION with DeviceConfigured queued), CheckOut (UNENROLLED).
 * - `connect`: the device reports Idle or a command's result and gets the next queued command.
 *   DeviceConfigured acknowledged: ENROLLED; refused: FAILED with the device's reason. Supervision is
 *   what the DeviceInformation answer says, null (unknown) until and unless it says.
 *
 * Refusals change nothing. Expensive work (a PKCS#12's new RSA key, the identity's signature) happens before
 * the transaction; events go out after it commits.
 */
import crypto from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Device } from '../../entities/device.entity.js';
import { DeviceEnrollment, type EnrollmentStateName } from '../../entities/device-enrollment.entity.js';
import { EnrollmentProfile } from '../../entities/enrollment-profile.entity.js';
import { EnrollmentProgramToken } from '../../entities/enrollment-program-token.entity.js';
import type { MdmCommand } from '../../entities/mdm-command.entity.js';
import { ErrorCode, HomeroomError } from '../../errors.js';
import { normalizedSerial } from '../../crypto/x509.js';
import { buildEnrollmentProfile } from '../../mdm/mobileconfig.js';
import {
  bootstrapTokenPlist,
  commandPlist,
  parseCheckIn,
  parseConnectReport,
  parseMachineInfo,
  type CheckInMessage,
  type ConnectReport,
  type MachineInfo,
} from '../../mdm/mdm-messages.js';
import { identityKindOf, type DeviceIdentityIssuers } from './device-identity.js';
import { DeviceIdentityKind } from '../../entities/enrollment-profile.entity.js';
import type { PushCertificateService } from './push-certificate.service.js';
import type { ServiceDependencies } from '../service-dependencies.js';
import { clearQueue, enqueueCommand, findCommand, hasWaitingCommand, recordAnswer, takeNextCommand } from './command-queue.js';
import { attemptStart, PendingEvents, saveEnrollment } from './enrollment-state.js';
import { keptAppAnswered, queueKeptApps, REINSTALL_REQUEST_TYPE } from '../migration/migration-steps.js';
import { clearResidentUsers, MAXIMUM_RESIDENT_USERS, maximumResidentUsersOf, recordResidentSignIn } from './resident-users.js';
import { basicCredentials, recordSignInNeeded, type SignedInUser, type UserDirectory } from './user-sign-in.js';
import { UserAffinity } from '../../entities/enrollment-profile.entity.js';
import { authenticateSignedRequest, certificateFingerprint, verifyMachineInfo, type DeviceTrust } from './mdm-authentication.js';
import type { ReturnToServiceAnswer, ReturnToServiceRefusal, ReturnToServiceService } from './return-to-service.service.js';

/** Why a device may not enroll through an enrollment URL (`details.reason` of MDM_ENROLLMENT_REFUSED). */
export type RefusalReason = 'UNKNOWN_PROFILE' | 'UNKNOWN_SERIAL' | 'OTHER_TOKEN' | 'REMOVED' | 'PROFILE_NOT_ASSIGNED';

/** What Homeroom asks every newly enrolled device, to learn what it is (supervision above all). */
export const DEVICE_INFORMATION_QUERIES = ['IsSupervised', 'OSVersion', 'BuildVersion', 'ProductName', 'SerialNumber', 'UDID'];

/** The MDM endpoints' paths under PUBLIC_URL, as the enrollment profile names them. */
export const MDM_PATHS = { checkIn: '/mdm/checkin', connect: '/mdm/connect' } as const;

export interface EnrollmentAccepted {
  /** The enrollment profile, an XML plist (`application/x-apple-aspen-config`). */
  readonly profile: string;
  readonly deviceId: number;
  readonly serialNumber: string;
}

function refuse(reason: RefusalReason, message: string, details: Record<string, unknown> = {}): HomeroomError {
  return new HomeroomError(ErrorCode.MDM_ENROLLMENT_REFUSED, message, { reason, ...details });
}

export class EnrollmentService {
  constructor(
    private readonly deps: ServiceDependencies,
    private readonly issuers: DeviceIdentityIssuers,
    private readonly pushCertificates: PushCertificateService,
    private readonly trust: DeviceTrust,
    private readonly users: UserDirectory,
    private readonly returnToService: ReturnToServiceService,
  ) {}

  /**
   * A device's signed MachineInfo, POSTed to the enrollment URL of the profile `enrollmentKey`, with
   * `authorization` (HTTP Basic) once its user signed in, for profiles with user affinity.
   */
  async enroll(enrollmentKey: string, body: Buffer, authorization?: string): Promise<EnrollmentAccepted> {
    const now = this.deps.clock.now();
    const signed = await verifyMachineInfo(body, this.trust, now);
    const info = parseMachineInfo(signed.content);
    const manager = this.deps.database.manager;
    const profile = await manager.findOneBy(EnrollmentProfile, { enrollmentKey });
    if (!profile) throw refuse('UNKNOWN_PROFILE', 'No enrollment profile has this enrollment URL (deleted, or never made here).');
    const device = await manager.findOneBy(Device, { serialNumber: info.serialNumber });
    const serial = { serialNumber: info.serialNumber };
    if (!device) throw refuse('UNKNOWN_SERIAL', `Homeroom has no device ${info.serialNumber} (not synced from Apple yet?).`, serial);
    if (device.tokenId !== profile.tokenId)
      throw refuse('OTHER_TOKEN', `Device ${info.serialNumber} belongs to another enrollment program token.`, serial);
    if (device.removedAt) throw refuse('REMOVED', `Apple no longer assigns device ${info.serialNumber} to this MDM server.`, serial);
    if (device.profileId !== profile.id)
      throw refuse('PROFILE_NOT_ASSIGNED', `Device ${info.serialNumber} is not assigned the profile "${profile.name}".`, serial);
    const push = await this.pushCertificates.current();
    if (!push)
      throw new HomeroomError(ErrorCode.MDM_PUSH_CERTIFICATE_REQUIRED, 'Homeroom has no MDM push certificate to enroll devices under.');
    const token = await manager.findOneByOrFail(EnrollmentProgramToken, { id: profile.tokenId });
    const user =
      profile.userAffinity === UserAffinity.WITH_USER_AFFINITY ? await this.signIn(device, profile, info, authorization, now) : null;

    // The identity's CPU-heavy part (a PKCS#12's new key and the CA's signature), before any transaction.
    // By SCEP or ACME there is none: the device makes its key.
    const kind = identityKindOf(profile, this.deps.identities?.kind ?? DeviceIdentityKind.SCEP);
    const identity = await this.issuers[kind].prepare({ deviceId: device.id, serialNumber: device.serialNumber, udid: info.udid }, now);
    const events = new PendingEvents();
    await this.deps.database.transaction(async (tx) => {
      const existing = await tx.findOneBy(DeviceEnrollment, { deviceId: device.id });
      const row = existing ?? tx.create(DeviceEnrollment, { deviceId: device.id });
      // A new enrollment starts clean: commands queued for the previous one would go to a device that forgot it.
      await clearQueue(tx, device.id);
      await clearResidentUsers(tx, device.id);
      await saveEnrollment(
        tx,
        row,
        {
          ...attemptStart({ tokenId: device.tokenId, profileId: profile.id, info }, now),
          state: 'ENROLLING',
          failureReason: null,
          // Unknown until the device answers DeviceInformation: the profile's wish is not the device's word.
          supervised: null,
          topic: push.topic,
          // Pinned now when issued now (PKCS#12); by SCEP or ACME, when the device's request is certified.
          identitySerial: identity.issued ? normalizedSerial(identity.issued.serialNumber) : null,
          identityFingerprint: identity.issued ? certificateFingerprint(new crypto.X509Certificate(identity.issued.certificatePem)) : null,
          userId: user?.id ?? null,
          failedSignIns: 0,
          startedAt: now,
          enrolledAt: null,
        },
        { previous: existing?.state ?? 'NOT_CONTACTED', serialNumber: device.serialNumber, now, events },
      );
      await identity.persist(tx, { deviceId: device.id, startedAt: now });
      // Enrolling proves the device fetched its cloud configuration: Apple has it `pushed` (the next sync
      // will say so too). A profile assigned from now on waits for a wipe; and one that waited for a wipe
      // applies now, since the device came back through Setup Assistant.
      await tx.update(
        Device,
        { id: device.id },
        { profileStatus: 'pushed', profilePushTime: device.profilePushTime ?? now, requiresWipe: false },
      );
    });
    events.publish(this.deps.events);

    const base = this.deps.publicUrl();
    return {
      deviceId: device.id,
      serialNumber: device.serialNumber,
      profile: buildEnrollmentProfile({
        topic: push.topic,
        serverUrl: `${base}${MDM_PATHS.connect}`,
        checkInUrl: `${base}${MDM_PATHS.checkIn}`,
        identity: identity.payload,
        organization: profile.departmentName ?? token.organizationName,
        sharedIPad: profile.sharedIPad,
      }),
    };
  }

  /**
   * The user a profile with user affinity enrolls the device for, from the request's credentials.
   * Without valid ones the device's state records the wait (or the failure) and the error to answer
   * with is thrown: 401 to ask the user, 403 after too many wrong passwords.
   */
  private async signIn(
    device: Device,
    profile: EnrollmentProfile,
    info: MachineInfo,
    authorization: string | undefined,
    now: Date,
  ): Promise<SignedInUser> {
    const tried = basicCredentials(authorization);
    const user = tried ? await this.users.authenticate(tried.username, tried.password) : null;
    if (user) return user;
    const events = new PendingEvents();
    const refusal = await this.deps.database.transaction((tx) =>
      recordSignInNeeded(
        tx,
        { deviceId: device.id, tokenId: device.tokenId, profileId: profile.id, serialNumber: device.serialNumber, info },
        tried,
        { now, events },
      ),
    );
    events.publish(this.deps.events);
    throw refusal;
  }

  /**
   * A check-in message (PUT to CheckInURL), signed in `Mdm-Signature`. `reply` is the body to answer
   * with (GetBootstrapToken's and ReturnToService's plists), null for an empty 200; `refusal` why a
   * ReturnToService was answered `Enabled: false`, for the log.
   */
  async checkIn(
    body: Buffer,
    signature: string | undefined,
  ): Promise<{
    messageType: CheckInMessage['messageType'];
    deviceId: number;
    reply: string | null;
    refusal?: ReturnToServiceRefusal | null;
  }> {
    const now = this.deps.clock.now();
    const enrolled = await authenticateSignedRequest(this.deps.database, body, signature, {
      now,
    });
    const message = parseCheckIn(body);
    if (message.udid !== enrolled.udid)
      throw notEnrolled(`The check-in is for UDID ${message.udid}, not the UDID this identity was issued to.`);
    // Prepared before the transaction: a new identity for the device's return (a PKCS#12's key, a signature).
    const returning = message.messageType === 'ReturnToService' ? await this.returnToService.answerCheckIn(enrolled.deviceId) : null;
    const events = new PendingEvents();
    await this.deps.database.transaction(async (tx) => {
      const row = await tx.findOneByOrFail(DeviceEnrollment, { deviceId: enrolled.deviceId });
      const device = await tx.findOneByOrFail(Device, { id: row.deviceId });
      if (message.messageType === 'Authenticate') checkSerialNumber(message.serialNumber, device);
      const context = { previous: row.state, serialNumber: device.serialNumber, now, events };
      const changes = await this.checkInChanges(tx, row, message, now, returning);
      await saveEnrollment(tx, row, { ...changes, lastContactedAt: now }, context);
    });
    events.publish(this.deps.events);
    const reply =
      message.messageType === 'GetBootstrapToken'
        ? bootstrapTokenPlist(
            enrolled.sealedBootstrapToken ? this.deps.secretBox.open(enrolled.sealedBootstrapToken, BOOTSTRAP_TOKEN_CONTEXT) : null,
          )
        : (returning?.reply ?? null);
    return { messageType: message.messageType, deviceId: enrolled.deviceId, reply, refusal: returning?.refusal ?? null };
  }

  /**
   * A connect (PUT to ServerURL), signed in `Mdm-Signature`: records the answer it carries and
   * returns the next command's plist, or null for an empty reply (nothing to do).
   */
  async connect(
    body: Buffer,
    signature: string | undefined,
  ): Promise<{ command: string | null; deviceId: number; requestType: string | null }> {
    const now = this.deps.clock.now();
    const enrolled = await authenticateSignedRequest(this.deps.database, body, signature, {
      now,
    });
    if (enrolled.state === 'UNENROLLED') throw notEnrolled('This device checked out; it must enroll again.');
    const report = parseConnectReport(body);
    if (report.udid !== enrolled.udid)
      throw notEnrolled(`The connect is for UDID ${report.udid}, not the UDID this identity was issued to.`);
    // Only a device with an erase waiting pays for this, and only as a session starts.
    if (enrolled.returnToService && report.status === 'Idle') await this.returnToService.refreshIfStale(enrolled);
    const events = new PendingEvents();
    const next = await this.deps.database.transaction(async (tx) => {
      const row = await tx.findOneByOrFail(DeviceEnrollment, { deviceId: enrolled.deviceId });
      const device = await tx.findOneByOrFail(Device, { id: row.deviceId });
      const context = { previous: row.state, serialNumber: device.serialNumber, now, events };
      const changes = report.status === 'Idle' ? {} : await this.answerChanges(tx, row, report, now);
      await saveEnrollment(tx, row, { ...changes, lastContactedAt: now }, context);
      return takeNextCommand(tx, row.deviceId, now, report.status === 'NotNow');
    });
    events.publish(this.deps.events);
    return {
      deviceId: enrolled.deviceId,
      requestType: next?.requestType ?? null,
      command: next ? commandPlist(next.commandUuid, this.returnToService.revealCommand(next) as Record<string, never>) : null,
    };
  }

  private async checkInChanges(
    tx: EntityManager,
    row: DeviceEnrollment,
    message: CheckInMessage,
    now: Date,
    returning: ReturnToServiceAnswer | null,
  ): Promise<Partial<DeviceEnrollment>> {
    switch (message.messageType) {
      case 'Authenticate':
        // The device installed the MDM payload; its TokenUpdate follows. A device that checked out and
        // installs the same profile again starts over here.
        return {
          state: row.state === 'UNENROLLED' || row.state === 'FAILED' ? 'ENROLLING' : row.state,
          osVersion: message.osVersion ?? row.osVersion,
          buildVersion: message.buildVersion ?? row.buildVersion,
          productName: message.productName ?? row.productName,
        };
      case 'TokenUpdate': {
        // The user channel: a user signed in on a Shared iPad. The device channel is what enrolls.
        if (message.userShortName !== null) {
          await recordResidentSignIn(tx, row, { shortName: message.userShortName, longName: message.userLongName }, this.users, now);
          return {};
        }
        const facts: Partial<DeviceEnrollment> = {
          pushToken: message.token,
          pushMagic: message.pushMagic,
          sealedUnlockToken: message.unlockToken
            ? this.deps.secretBox.seal(message.unlockToken, UNLOCK_TOKEN_CONTEXT)
            : row.sealedUnlockToken,
        };
        const firstToken = row.state === 'ENROLLING';
        if (firstToken && !(await hasWaitingCommand(tx, row.deviceId, 'DeviceInformation'))) {
          await enqueueCommand(tx, row.deviceId, { RequestType: 'DeviceInformation', Queries: DEVICE_INFORMATION_QUERIES }, now);
        }
        if (message.awaitingConfiguration) {
          // Held in Setup Assistant until released: what must be set while it waits goes first (a Shared
          // iPad's cap of cached users can only be set now), then DeviceConfigured.
          if (!(await hasWaitingCommand(tx, row.deviceId, 'DeviceConfigured'))) {
            const profile = row.profileId === null ? null : await tx.findOneBy(EnrollmentProfile, { id: row.profileId });
            if (profile?.sharedIPad && profile.maximumCachedUsers !== null) {
              const item = { Item: MAXIMUM_RESIDENT_USERS, [MAXIMUM_RESIDENT_USERS]: profile.maximumCachedUsers };
              await enqueueCommand(tx, row.deviceId, { RequestType: 'Settings', Settings: [item] }, now);
            }
            // A device migrating without erase: the apps it kept are taken over first, DeviceConfigured after the last.
            if (!(await queueKeptApps(tx, row.deviceId, now)))
              await enqueueCommand(tx, row.deviceId, { RequestType: 'DeviceConfigured' }, now);
          }
          return { ...facts, state: 'AWAITING_CONFIGURATION' };
        }
        if (row.state === 'ENROLLED') return facts;
        return { ...facts, state: 'ENROLLED', enrolledAt: now, failureReason: null };
      }
      case 'CheckOut':
        await clearQueue(tx, row.deviceId);
        await clearResidentUsers(tx, row.deviceId);
        return {
          state: 'UNENROLLED',
          pushToken: null,
          pushMagic: null,
          sealedUnlockToken: null,
          sealedBootstrapToken: null,
          returnToService: null,
        };
      case 'SetBootstrapToken':
        return {
          sealedBootstrapToken:
            message.bootstrapToken && message.bootstrapToken.length > 0
              ? this.deps.secretBox.seal(message.bootstrapToken, BOOTSTRAP_TOKEN_CONTEXT)
              : null,
        };
      case 'GetBootstrapToken':
        return {};
      case 'ReturnToService':
        return returning?.start ? returning.start(tx, row) : {};
    }
  }

  /** What the device's answer to one of its commands changes. */
  private async answerChanges(
    tx: EntityManager,
    row: DeviceEnrollment,
    report: ConnectReport,
    now: Date,
  ): Promise<Partial<DeviceEnrollment>> {
    const command: MdmCommand | null = await findCommand(tx, row.deviceId, report.commandUuid!);
    // An answer to a command this enrollment never sent (a late answer from before a re-enrollment): nothing to record.
    if (!command || report.status === 'Idle') return {};
    await recordAnswer(tx, command, report.status, report.errorChain, now);
    if (report.status === 'NotNow') return {};
    const acknowledged = report.status === 'Acknowledged';
    if (command.requestType === 'DeviceConfigured') {
      if (acknowledged) return row.state === 'AWAITING_CONFIGURATION' ? { state: 'ENROLLED', enrolledAt: now, failureReason: null } : {};
      return {
        state: 'FAILED' as EnrollmentStateName,
        failureReason: `The device refused DeviceConfigured: ${describeErrorChain(report)}`.slice(0, 500),
      };
    }
    if (command.requestType === REINSTALL_REQUEST_TYPE && row.state === 'AWAITING_CONFIGURATION') {
      const released = await keptAppAnswered(tx, row.deviceId, command.command, acknowledged, now);
      if (released && !(await hasWaitingCommand(tx, row.deviceId, 'DeviceConfigured')))
        await enqueueCommand(tx, row.deviceId, { RequestType: 'DeviceConfigured' }, now);
      return {};
    }
    if (command.requestType === 'DeviceInformation' && acknowledged) return deviceInformationFacts(report);
    // Erasing: the device forgets its enrollment; with Return to Service it comes back as the prepared attempt.
    if (command.requestType === 'EraseDevice' && acknowledged) return this.returnToService.erasedChanges(tx, row, row.returnToService);
    if (command.requestType === 'Settings' && acknowledged) {
      const maximum = maximumResidentUsersOf(command.command);
      return maximum === null ? {} : { maximumResidentUsers: maximum };
    }
    return {};
  }
}

/** What binds a sealed unlock token to its use. */
const UNLOCK_TOKEN_CONTEXT = 'device-unlock-token';
/** What binds a sealed bootstrap token to its use. */
const BOOTSTRAP_TOKEN_CONTEXT = 'device-bootstrap-token';

function notEnrolled(message: string): HomeroomError {
  return new HomeroomError(ErrorCode.MDM_DEVICE_NOT_ENROLLED, message);
}

/**
 * An Authenticate that names a serial must name the enrolled device's: the identity was issued to
 * that device, so another serial is another device with its identity (copied), or a confused one.
 * Refused before anything is written. A device that leaves SerialNumber out is not refused: Apple
 * documents it as sent, but older captures lack it, and the signature already pins the identity.
 */
function checkSerialNumber(serialNumber: string | null, device: Device): void {
  if (serialNumber === null || serialNumber === device.serialNumber.toUpperCase()) return;
  throw new HomeroomError(
    ErrorCode.MDM_DEVICE_NOT_ENROLLED,
    `The Authenticate names serial number ${serialNumber}, but this identity was issued to device ${device.serialNumber}.`,
    { reason: 'SERIAL_MISMATCH', serialNumber: device.serialNumber, claimedSerialNumber: serialNumber },
  );
}

function describeErrorChain(report: ConnectReport): string {
  const first = report.errorChain[0];
  if (!first) return report.status;
  const text = first.USEnglishDescription ?? first.LocalizedDescription ?? report.status;
  return `${String(text)}${first.ErrorCode !== undefined ? ` (${String(first.ErrorDomain ?? 'error')} ${String(first.ErrorCode)})` : ''}`;
}

/** The facts a DeviceInformation answer carries, as the device states them. */
function deviceInformationFacts(report: ConnectReport): Partial<DeviceEnrollment> {
  const responses = report.result.QueryResponses;
  if (
    typeof responses !== 'object' ||
    responses === null ||
    Array.isArray(responses) ||
    responses instanceof Date ||
    responses instanceof Uint8Array
  )
    return {};
  const facts: Partial<DeviceEnrollment> = {};
  const answered = responses as Record<string, unknown>;
  // A device that leaves IsSupervised out has not said: unknown, whatever the profile asked for.
  facts.supervised = typeof answered.IsSupervised === 'boolean' ? answered.IsSupervised : null;
  if (typeof answered.OSVersion === 'string') facts.osVersion = answered.OSVersion.slice(0, 30);
  if (typeof answered.BuildVersion === 'string') facts.buildVersion = answered.BuildVersion.slice(0, 30);
  if (typeof answered.ProductName === 'string') facts.productName = answered.ProductName.slice(0, 60);
  return facts;
}
