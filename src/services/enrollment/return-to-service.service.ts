/**
 * Return to Service (Apple, iPadOS 17 and 26): an enrolled device is erased and comes back by
 * itself, without a person: it joins the profile's Wi-Fi, skips Setup Assistant, installs the MDM
 * enrollment profile it was handed and enrolls again.
 *
 * Two ways in, one configuration ({@link ReturnToServiceService.prepare}):
 * - `eraseDevice` (an admin): queues EraseDevice with `ReturnToService {Enabled, WiFiProfileData,
 *   MDMProfileData}`, plus the escrowed `BootstrapToken` for a device in return-to-service mode
 *   (Apple requires it then, and preserves the managed apps with it); when the device acknowledges
 *   it, its enrollment becomes the prepared attempt (ENROLLING), so the identity handed out in
 *   MDMProfileData (SCEP challenge, ACME identifier or PKCS#12) is the one it enrolls with;
 * - the `ReturnToService` check-in (a device in the return-to-service mode its profile's
 *   `is_return_to_service` set): answered `{Enabled, WiFiProfileData, MDMProfileData, BootstrapToken}`
 *   and the attempt starts at once, since the device erases right after. `Enabled` is false, with
 *   the reason logged, when the device or its profile is not ready ({@link returnToServiceRefusal}).
 *
 * The Wi-Fi password is sealed at rest; so is the queued command's ReturnToService dictionary
 * (it carries the password and the identity), opened only to send it ({@link revealCommand}).
 */
import crypto from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Device } from '../../entities/device.entity.js';
import { DeviceEnrollment, type EnrollmentStateName, type PreparedReturn } from '../../entities/device-enrollment.entity.js';
import { DeviceIdentityKind, EnrollmentProfile } from '../../entities/enrollment-profile.entity.js';
import { EnrollmentProgramToken } from '../../entities/enrollment-program-token.entity.js';
import { MdmCommand } from '../../entities/mdm-command.entity.js';
import { ErrorCode, HomeroomError, rowNotFound } from '../../errors.js';
import { normalizedSerial } from '../../crypto/x509.js';
import { buildEnrollmentProfile } from '../../mdm/mobileconfig.js';
import {
  buildWifiProfile,
  returnToServiceAnswerPlist,
  returnToServiceDict,
  signProfile,
  type ReturnToServiceConfiguration,
} from '../../mdm/return-to-service.js';
import type { RequestContext } from '../../platform/request-context.js';
import { AuditRecord, type AuditService } from '../audit/audit.service.js';
import type { ServiceDependencies } from '../service-dependencies.js';
import { clearQueue, enqueueCommand, findWaitingCommand, hasWaitingCommand, type CommandBody } from './command-queue.js';
import { identityKindOf, type DeviceIdentityIssuers, type PreparedIdentity } from './device-identity.js';
import { certificateFingerprint } from './mdm-authentication.js';
import type { MdmAuthorityService } from './mdm-authority.service.js';
import type { PushCertificateService } from './push-certificate.service.js';
import { clearResidentUsers } from './resident-users.js';
import { FORGOTTEN } from './enrollment-state.js';
import { WIFI_PASSWORD_CONTEXT } from '../profile/wifi-settings.js';

/** Why a device cannot return to service now (`extensions.reason` of RETURN_TO_SERVICE_UNAVAILABLE, and the logged reason). */
export type ReturnToServiceRefusal =
  | 'NOT_ENROLLED'
  | 'NOT_SUPERVISED'
  | 'PROFILE_WITHOUT_RETURN_TO_SERVICE'
  | 'NO_WIFI'
  | 'NO_BOOTSTRAP_TOKEN'
  | 'NO_PUSH_CERTIFICATE'
  | 'ERASE_PENDING';

/** States an enrolled device is in: the ones an erase can reach. */
const ENROLLED_STATES: readonly EnrollmentStateName[] = ['ENROLLED', 'AWAITING_CONFIGURATION'];

/** What the rule looks at. */
export interface ReturnToServiceFacts {
  readonly state: EnrollmentStateName | null;
  /** What the device said (DeviceInformation); null: unknown, the profile decides. */
  readonly supervised: boolean | null;
  readonly profile: Pick<EnrollmentProfile, 'supervised' | 'isReturnToService' | 'wifiSsid'> | null;
  readonly hasBootstrapToken: boolean;
}

/**
 * The first reason the device cannot return to service, or null. An admin's erase (`ERASE`) needs
 * an enrolled, supervised device and the profile's Wi-Fi; a device asking by check-in (`CHECK_IN`)
 * also needs its profile's `isReturnToService` and an escrowed bootstrap token.
 */
export function returnToServiceRefusal(facts: ReturnToServiceFacts, purpose: 'ERASE' | 'CHECK_IN'): ReturnToServiceRefusal | null {
  if (facts.state === null || !ENROLLED_STATES.includes(facts.state)) return 'NOT_ENROLLED';
  if (!facts.profile || (purpose === 'CHECK_IN' && !facts.profile.isReturnToService)) return 'PROFILE_WITHOUT_RETURN_TO_SERVICE';
  if (!(facts.supervised ?? facts.profile.supervised)) return 'NOT_SUPERVISED';
  if (!facts.profile.wifiSsid) return 'NO_WIFI';
  if (purpose === 'CHECK_IN' && !facts.hasBootstrapToken) return 'NO_BOOTSTRAP_TOKEN';
  return null;
}

const REFUSAL_MESSAGES: Record<ReturnToServiceRefusal, string> = {
  NOT_ENROLLED: 'the device is not enrolled (ENROLLED or AWAITING_CONFIGURATION)',
  NOT_SUPERVISED: 'the device is not supervised',
  PROFILE_WITHOUT_RETURN_TO_SERVICE: "the device's enrollment profile does not have isReturnToService",
  NO_WIFI: "the device's enrollment profile has no Return to Service Wi-Fi (setEnrollmentProfileWifi)",
  NO_BOOTSTRAP_TOKEN: 'the device has not escrowed a bootstrap token',
  NO_PUSH_CERTIFICATE: 'Homeroom has no MDM push certificate',
  ERASE_PENDING: 'an EraseDevice already waits for the device',
};

function unavailable(reason: ReturnToServiceRefusal, serialNumber: string): HomeroomError {
  return new HomeroomError(
    ErrorCode.RETURN_TO_SERVICE_UNAVAILABLE,
    `Device ${serialNumber} cannot return to service: ${REFUSAL_MESSAGES[reason]}.`,
    { reason, serialNumber },
  );
}

/** What binds the queued command's sealed ReturnToService dictionary to its use. */
const COMMAND_CONTEXT = 'erase-device-return-to-service';
/** What binds a sealed bootstrap token to its use (the enrollment service's). */
const BOOTSTRAP_TOKEN_CONTEXT = 'device-bootstrap-token';
/** MDM_SCEP_CHALLENGE_MINUTES' default, when the dependencies name none. */
const DEFAULT_CHALLENGE_TTL_MS = 15 * 60_000;
/** The key a queued command keeps its sealed dictionary under. */
const SEALED = 'Sealed';

/** The result of {@link ReturnToServiceService.eraseDevice}. */
export interface ErasedDevice {
  readonly deviceId: number;
  readonly serialNumber: string;
  readonly commandUuid: string;
  readonly returnToService: boolean;
}

/** The ReturnToService check-in's answer, and the attempt it starts when enabled. */
export interface ReturnToServiceAnswer {
  /** The plist to answer with. */
  readonly reply: string;
  /** Why `Enabled` is false; null when it is true. */
  readonly refusal: ReturnToServiceRefusal | null;
  /** Starts the prepared attempt inside the check-in's transaction; null when not enabled. */
  readonly start: ((tx: EntityManager, row: DeviceEnrollment) => Promise<Partial<DeviceEnrollment>>) | null;
}

/** A device with what Return to Service reads about it. */
interface Subject {
  readonly device: Device;
  readonly enrollment: DeviceEnrollment | null;
  readonly profile: EnrollmentProfile | null;
}

/** A configuration ready to hand out, and the attempt to record with it. */
interface Prepared {
  readonly configuration: ReturnToServiceConfiguration;
  readonly identity: PreparedIdentity;
  readonly pending: PreparedReturn;
}

export class ReturnToServiceService {
  constructor(
    private readonly deps: ServiceDependencies,
    private readonly issuers: DeviceIdentityIssuers,
    private readonly pushCertificates: PushCertificateService,
    private readonly authority: MdmAuthorityService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Queues EraseDevice for an enrolled device, with Return to Service when asked. Errors: NOT_FOUND,
   * RETURN_TO_SERVICE_UNAVAILABLE (`extensions.reason`; a plain erase needs an enrolled device too).
   * Nothing is written on a refusal; the identity of the next enrollment is prepared before the transaction.
   */
  async eraseDevice(ctx: RequestContext, deviceId: number, options: { readonly returnToService: boolean }): Promise<ErasedDevice> {
    const action = 'eraseDevice';
    const record = new AuditRecord().target('Device', deviceId);
    return this.audit.recordingFailures(ctx, action, record, async () => {
      const subject = await this.subjectOf(this.deps.database.manager, deviceId);
      const { device, enrollment } = subject;
      const facts = this.factsOf(subject);
      const refusal = options.returnToService
        ? returnToServiceRefusal(facts, 'ERASE')
        : facts.state && ENROLLED_STATES.includes(facts.state)
          ? null
          : 'NOT_ENROLLED';
      if (refusal) throw unavailable(refusal, device.serialNumber);
      const now = this.deps.clock.now();
      const prepared = options.returnToService ? await this.prepare(subject, now) : null;
      return this.audit.mutate(ctx, action, async (tx, rec) => {
        rec.target('Device', deviceId).detail({ serialNumber: device.serialNumber, returnToService: options.returnToService });
        const row = await tx.findOneBy(DeviceEnrollment, { deviceId });
        // Changed since it was read (re-enrolled, checked out): the prepared identity would be for another enrollment.
        if (!row || !ENROLLED_STATES.includes(row.state) || row.startedAt.getTime() !== enrollment!.startedAt.getTime())
          throw unavailable('NOT_ENROLLED', device.serialNumber);
        // A second erase would hand out a second identity, and the first one acknowledged would hold the wrong one.
        if (await hasWaitingCommand(tx, deviceId, 'EraseDevice')) throw unavailable('ERASE_PENDING', device.serialNumber);
        if (prepared) {
          await prepared.identity.persist(tx, { deviceId, startedAt: new Date(prepared.pending.startedAt) });
          await tx.update(DeviceEnrollment, { deviceId }, { returnToService: prepared.pending, updatedAt: now });
        }
        const command = await enqueueCommand(tx, deviceId, this.eraseCommand(prepared?.configuration ?? null), now);
        return { deviceId, serialNumber: device.serialNumber, commandUuid: command.commandUuid, returnToService: prepared !== null };
      });
    });
  }

  /**
   * The answer to a device's ReturnToService check-in, prepared before the check-in's transaction.
   * When enabled, `start` (run inside that transaction) begins the prepared attempt at once, since the
   * device erases right after; when not, `refusal` says why, for the log.
   */
  async answerCheckIn(deviceId: number): Promise<ReturnToServiceAnswer> {
    const subject = await this.subjectOf(this.deps.database.manager, deviceId);
    const refusal = returnToServiceRefusal(this.factsOf(subject), 'CHECK_IN');
    const off = (reason: ReturnToServiceRefusal): ReturnToServiceAnswer => ({
      reply: returnToServiceAnswerPlist({ enabled: false, wifiProfileData: null, mdmProfileData: null }),
      refusal: reason,
      start: null,
    });
    if (refusal) return off(refusal);
    const now = this.deps.clock.now();
    let prepared: Prepared;
    try {
      prepared = await this.prepare(subject, now);
    } catch (error) {
      if (error instanceof HomeroomError && error.details.reason === 'NO_PUSH_CERTIFICATE') return off('NO_PUSH_CERTIFICATE');
      throw error;
    }
    return {
      reply: returnToServiceAnswerPlist(prepared.configuration),
      refusal: null,
      start: async (tx, row) => {
        await prepared.identity.persist(tx, { deviceId, startedAt: now });
        return this.erasedChanges(tx, row, prepared.pending);
      },
    };
  }

  /**
   * What the device's acknowledged EraseDevice changes: it forgot its enrollment. With Return to
   * Service prepared it is ENROLLING with that attempt; without, UNENROLLED.
   */
  async erasedChanges(tx: EntityManager, row: DeviceEnrollment, pending: PreparedReturn | null): Promise<Partial<DeviceEnrollment>> {
    await clearQueue(tx, row.deviceId);
    await clearResidentUsers(tx, row.deviceId);
    const forgotten = { ...FORGOTTEN, failureReason: null };
    if (!pending) return { ...forgotten, state: 'UNENROLLED', identitySerial: null, identityFingerprint: null };
    return {
      ...forgotten,
      state: 'ENROLLING',
      startedAt: new Date(pending.startedAt),
      enrolledAt: null,
      identitySerial: pending.identitySerial,
      identityFingerprint: pending.identityFingerprint,
    };
  }

  /**
   * Before a session starts (an Idle connect) of a device with an erase waiting: when the prepared
   * attempt is older than half a SCEP challenge's life, a new one replaces it and the queued command's
   * profiles, so the identity the device gets is still usable when it comes back. A device whose
   * erase waited offline for hours still returns.
   */
  async refreshIfStale(row: DeviceEnrollment): Promise<void> {
    const pending = row.returnToService;
    const now = this.deps.clock.now();
    const freshFor = (this.deps.identities?.scepChallengeTtlMs ?? DEFAULT_CHALLENGE_TTL_MS) / 2;
    if (!pending || now.getTime() - new Date(pending.startedAt).getTime() < freshFor) return;
    const subject = await this.subjectOf(this.deps.database.manager, row.deviceId);
    const prepared = await this.prepare(subject, now);
    await this.deps.database.transaction(async (tx) => {
      const current = await tx.findOneBy(DeviceEnrollment, { deviceId: row.deviceId });
      // Acknowledged or replaced meanwhile: nothing waits for these profiles.
      if (current?.returnToService?.startedAt !== pending.startedAt) return;
      const waiting = await findWaitingCommand(tx, row.deviceId, 'EraseDevice');
      if (!waiting) return;
      await prepared.identity.persist(tx, { deviceId: row.deviceId, startedAt: now });
      await tx.update(DeviceEnrollment, { deviceId: row.deviceId }, { returnToService: prepared.pending, updatedAt: now });
      await tx.update(MdmCommand, { id: waiting.id }, { command: { ...this.eraseCommand(prepared.configuration) } });
    });
  }

  /** The command as the device gets it: the sealed ReturnToService dictionary opened. */
  revealCommand(command: MdmCommand): Record<string, unknown> {
    const body = command.command as Record<string, unknown>;
    const sealed = (body.ReturnToService as Record<string, unknown> | undefined)?.[SEALED];
    if (typeof sealed !== 'string') return body;
    const dict = JSON.parse(this.deps.secretBox.openText(sealed, COMMAND_CONTEXT)) as Record<string, boolean | string>;
    const opened = Object.fromEntries(
      Object.entries(dict).map(([key, value]) => [key, typeof value === 'string' ? new Uint8Array(Buffer.from(value, 'base64')) : value]),
    );
    return { ...body, ReturnToService: opened };
  }

  private eraseCommand(configuration: ReturnToServiceConfiguration | null): CommandBody {
    if (!configuration) return { RequestType: 'EraseDevice' };
    const dict = Object.fromEntries(
      Object.entries(returnToServiceDict(configuration)).map(([key, value]) => [
        key,
        typeof value === 'boolean' ? value : Buffer.from(value).toString('base64'),
      ]),
    );
    return { RequestType: 'EraseDevice', ReturnToService: { [SEALED]: this.deps.secretBox.seal(JSON.stringify(dict), COMMAND_CONTEXT) } };
  }

  /** The Wi-Fi profile (signed) and the MDM enrollment profile with a new identity for the device. */
  private async prepare(subject: Subject, now: Date): Promise<Prepared> {
    const { device, enrollment, profile } = subject;
    const push = await this.pushCertificates.current();
    if (!push) throw unavailable('NO_PUSH_CERTIFICATE', device.serialNumber);
    const token = await this.deps.database.manager.findOneByOrFail(EnrollmentProgramToken, { id: profile!.tokenId });
    const organization = profile!.departmentName ?? token.organizationName;
    const kind = identityKindOf(profile!, this.deps.identities?.kind ?? DeviceIdentityKind.SCEP);
    const identity = await this.issuers[kind].prepare(
      { deviceId: device.id, serialNumber: device.serialNumber, udid: enrollment!.udid ?? device.serialNumber },
      now,
    );
    const base = this.deps.publicUrl();
    const mdmProfile = buildEnrollmentProfile({
      topic: push.topic,
      serverUrl: `${base}/mdm/connect`,
      checkInUrl: `${base}/mdm/checkin`,
      identity: identity.payload,
      organization,
      sharedIPad: profile!.sharedIPad,
    });
    const password = profile!.sealedWifiPassword ? this.deps.secretBox.openText(profile!.sealedWifiPassword, WIFI_PASSWORD_CONTEXT) : null;
    const wifi = buildWifiProfile({ ssid: profile!.wifiSsid!, security: profile!.wifiSecurity ?? 'NONE', password }, organization);
    const signer = await this.authority.authority();
    // In return-to-service mode (the profile's isReturnToService) the escrowed token goes with the profiles; a device
    // that escrowed none still returns, without keeping its apps (Apple: the standard flow then).
    const bootstrapToken =
      profile!.isReturnToService && enrollment!.sealedBootstrapToken
        ? this.deps.secretBox.open(enrollment!.sealedBootstrapToken, BOOTSTRAP_TOKEN_CONTEXT)
        : null;
    return {
      configuration: {
        enabled: true,
        wifiProfileData: signProfile(wifi, signer, now),
        mdmProfileData: Buffer.from(mdmProfile, 'utf8'),
        bootstrapToken,
      },
      identity,
      pending: {
        startedAt: now.toISOString(),
        identitySerial: identity.issued ? normalizedSerial(identity.issued.serialNumber) : null,
        identityFingerprint: identity.issued ? certificateFingerprint(new crypto.X509Certificate(identity.issued.certificatePem)) : null,
      },
    };
  }

  private factsOf(subject: Subject): ReturnToServiceFacts {
    return {
      state: subject.enrollment?.state ?? null,
      supervised: subject.enrollment?.supervised ?? null,
      profile: subject.profile,
      hasBootstrapToken: Boolean(subject.enrollment?.sealedBootstrapToken),
    };
  }

  private async subjectOf(manager: EntityManager, deviceId: number): Promise<Subject> {
    const device = await manager.findOneBy(Device, { id: deviceId });
    if (!device) throw rowNotFound('device', 'Device', [deviceId]);
    const enrollment = await manager.findOneBy(DeviceEnrollment, { deviceId });
    // The profile the device enrolled with: the one whose MDM profile it holds.
    const profileId = enrollment?.profileId ?? device.profileId;
    const profile = profileId === null ? null : await manager.findOneBy(EnrollmentProfile, { id: profileId });
    return { device, enrollment, profile };
  }
}
