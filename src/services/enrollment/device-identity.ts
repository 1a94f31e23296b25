/**
 * How an enrolling device gets the identity its check-ins are signed with, one issuer per kind
 * (`DeviceIdentityKind`): the profile's kind, else the server's `MDM_IDENTITY`.
 *
 * An issuer prepares, before the enrollment's transaction, the identity payload the profile
 * carries. PKCS#12 issues the certificate there and then, so the enrollment is pinned to it at
 * once; SCEP hands out a one-time challenge instead, and the certificate (and the pin) comes when
 * the device sends its request to `/scep`; ACME likewise hands out a one-time client identifier,
 * and the pin comes when the device finalizes its attested order at `/acme`. What must be kept for
 * later (the challenge, the identifier) is written by `persist`, inside the enrollment's
 * transaction, so a refused enrollment leaves nothing behind.
 * Another kind is one more issuer in the record.
 */
import type { EntityManager } from 'typeorm';
import { DeviceIdentityKind } from '../../entities/enrollment-profile.entity.js';
import { pkcs12Payload, type IdentityPayload } from '../../mdm/mobileconfig.js';
import type { MdmAuthorityService } from './mdm-authority.service.js';

/** The device asking, as the enrollment knows it. */
export interface EnrollingDevice {
  readonly deviceId: number;
  readonly serialNumber: string;
  readonly udid: string;
}

/** The enrollment attempt being saved: what binds later issuance to it. */
export interface EnrollmentAttempt {
  readonly deviceId: number;
  readonly startedAt: Date;
}

/** An identity ready for the profile. */
export interface PreparedIdentity {
  readonly payload: IdentityPayload;
  /** The certificate when issued now (serial upper-case hex, PEM); null when the device asks for it later. */
  readonly issued: { readonly serialNumber: string; readonly certificatePem: string } | null;
  /** Keeps what later issuance needs, inside the enrollment's transaction. */
  persist(tx: EntityManager, attempt: EnrollmentAttempt): Promise<void>;
}

export interface DeviceIdentityIssuer {
  /** Runs before the enrollment's transaction (the CPU-heavy part, if any, happens here). */
  prepare(device: EnrollingDevice, now: Date): Promise<PreparedIdentity>;
}

export type DeviceIdentityIssuers = Readonly<Record<DeviceIdentityKind, DeviceIdentityIssuer>>;

/** Homeroom makes the key and the certificate and sends both in the profile (any iOS). */
export class Pkcs12IdentityIssuer implements DeviceIdentityIssuer {
  constructor(private readonly authority: MdmAuthorityService) {}

  async prepare(device: EnrollingDevice): Promise<PreparedIdentity> {
    const identity = await this.authority.issueIdentity({ serialNumber: device.serialNumber, udid: device.udid });
    return {
      payload: pkcs12Payload(identity),
      issued: { serialNumber: identity.serialNumber, certificatePem: identity.certificatePem },
      persist: async () => {},
    };
  }
}

/** The kind a profile's devices get: its own setting, else the server's default. */
export function identityKindOf(
  profile: { readonly identityKind: DeviceIdentityKind | null },
  fallback: DeviceIdentityKind,
): DeviceIdentityKind {
  return profile.identityKind ?? fallback;
}
