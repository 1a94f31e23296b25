/**
 * User affinity at enrollment: a profile with user affinity enrolls a device only once
 * its user has signed in. The device's Setup Assistant asks when the enrollment URL answers 401 with
 * `WWW-Authenticate: Basic`, and sends the same signed MachineInfo again with the credentials.
 *
 * While it waits the device is AWAITING_USER. Wrong credentials count; the third in a row ends the
 * enrollment FAILED (403) with the reason, and nothing else changes: no identity, no user linked.
 * A request without credentials starts the count again (the device was restarted).
 */
import type { EntityManager } from 'typeorm';
import { DeviceEnrollment } from '../../entities/device-enrollment.entity.js';
import { ErrorCode, HomeroomError } from '../../errors.js';
import type { MachineInfo } from '../../mdm/mdm-messages.js';
import { attemptStart, PendingEvents, saveEnrollment } from './enrollment-state.js';

/** Wrong sign-ins in a row that end an enrollment (Setup Assistant's own retries stop there too). */
export const MAX_FAILED_SIGN_INS = 3;

/** A directory user, as enrollment needs it. */
export interface SignedInUser {
  readonly id: number;
  readonly username: string;
}

/** The user directory, as enrollment reads it (`services.users`). */
export interface UserDirectory {
  /** The user when the password is theirs; null otherwise (unknown user or wrong password alike). */
  authenticate(username: string, password: string): Promise<SignedInUser | null>;
  /** Users by lower-case username. */
  findByUsernames(usernames: readonly string[]): Promise<ReadonlyMap<string, { readonly id: number }>>;
}

export interface Credentials {
  readonly username: string;
  readonly password: string;
}

/** `Authorization: Basic base64(username:password)`, or null when absent or not Basic. */
export function basicCredentials(header: string | undefined): Credentials | null {
  const match = /^\s*Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** What `recordSignInNeeded` saves about the device besides its state. */
export interface EnrollingDevice {
  readonly deviceId: number;
  readonly tokenId: number;
  readonly profileId: number;
  readonly serialNumber: string;
  readonly info: MachineInfo;
}

/**
 * Records that the device waits for its user (or failed to sign in) and returns the error to answer
 * with: 401 MDM_USER_AUTHENTICATION_REQUIRED, or 403 MDM_ENROLLMENT_REFUSED (USER_AUTHENTICATION_FAILED)
 * on the last wrong attempt. A new attempt forgets the previous enrollment's identity and push facts.
 */
export async function recordSignInNeeded(
  tx: EntityManager,
  device: EnrollingDevice,
  tried: Credentials | null,
  context: { readonly now: Date; readonly events: PendingEvents },
): Promise<HomeroomError> {
  const existing = await tx.findOneBy(DeviceEnrollment, { deviceId: device.deviceId });
  const row = existing ?? tx.create(DeviceEnrollment, { deviceId: device.deviceId, startedAt: context.now });
  const before = existing?.state ?? 'NOT_CONTACTED';
  // Wrong attempts count on from the last ones (also past a FAILED end, so more guesses stay refused);
  // only a request without credentials (the device restarted) clears the count.
  const failed = tried ? (before === 'AWAITING_USER' || before === 'FAILED' ? row.failedSignIns : 0) + 1 : 0;
  const exhausted = failed >= MAX_FAILED_SIGN_INS;
  const reason = `Wrong username or password ${MAX_FAILED_SIGN_INS} times in a row (last tried: ${tried?.username ?? ''}).`;
  await saveEnrollment(
    tx,
    row,
    {
      ...attemptStart(device, context.now),
      state: exhausted ? 'FAILED' : 'AWAITING_USER',
      failureReason: exhausted ? reason.slice(0, 500) : null,
      failedSignIns: failed,
      userId: null,
      ...(before === 'AWAITING_USER' ? {} : { startedAt: context.now, enrolledAt: null }),
    },
    { previous: before, serialNumber: device.serialNumber, now: context.now, events: context.events },
  );
  if (exhausted) {
    return new HomeroomError(ErrorCode.MDM_ENROLLMENT_REFUSED, reason, {
      reason: 'USER_AUTHENTICATION_FAILED',
      serialNumber: device.serialNumber,
    });
  }
  return new HomeroomError(
    ErrorCode.MDM_USER_AUTHENTICATION_REQUIRED,
    tried ? `Wrong username or password (${failed} of ${MAX_FAILED_SIGN_INS}).` : 'This enrollment needs the user to sign in.',
    { serialNumber: device.serialNumber },
  );
}
