/**
 * What the services are built from: the database, the clock, the event bus, the secret box,
 * where Apple is, and the settings that shape their rules. Its own module, not `services.ts`,
 * because every domain service takes it and `services.ts` imports every domain service: keeping
 * them apart keeps the import graph free of cycles.
 */
import type { AppleConnection } from '../apple/apple-connection.js';
import type { Database } from '../entities/database.js';
import type { DeviceIdentityKind } from '../entities/enrollment-profile.entity.js';
import type { IdentityKeyType } from '../mdm/certificate-authority.js';
import type { Clock } from '../platform/clock.js';
import type { EventBus } from '../platform/events/event-bus.js';
import type { SecretBox } from '../platform/secret-box.js';
import type { Ticker } from '../platform/ticker.js';

/** The `MDM_*` settings of device identities; each has its default when not given. */
export interface IdentitySettings {
  /** The key of the identities Homeroom makes (`MDM_IDENTITY_KEY`); RSA-2048 when not given. */
  readonly keyType?: IdentityKeyType;
  /** How a device gets its identity unless its profile says (`MDM_IDENTITY`); SCEP when not given. */
  readonly kind?: DeviceIdentityKind;
  /** How long a SCEP challenge stays usable (`MDM_SCEP_CHALLENGE_MINUTES`); 15 minutes when not given. */
  readonly scepChallengeTtlMs?: number;
  /** Device CAs whose MachineInfo signers may enroll, besides Apple's iPhone Device CA (always trusted). */
  readonly trustedDeviceCas?: readonly string[];
  /**
   * Attestation roots an ACME `device-attest-01` may end at, besides Apple's Enterprise Attestation
   * Root CA (always trusted): the built-in simulator's when its device CA is trusted.
   */
  readonly trustedAttestationRoots?: readonly string[];
}

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
  /** How enrolling devices get their MDM identities (the `MDM_*` settings); defaults when not given. */
  readonly identities?: IdentitySettings;
  /** scrypt cost (log2 N) of new user password hashes (`USER_PASSWORD_SCRYPT_LOG_N`); 15 when not given. */
  readonly userPasswordScryptLogN?: number;
  /** The once-a-second wake-up of live countdowns; a real one-second timer when not given (tests pass a ManualTicker). */
  readonly ticker?: Ticker;
  /**
   * The Apple simulator this process runs (`APPLE_DEP_URL=simulator`), and whether enrollment
   * trusts its device CA; absent or null when Homeroom talks to Apple or to a simulator elsewhere.
   * Rehearsals need both: virtual iPads get their identities and configurations from it.
   */
  readonly embeddedSimulator?: { readonly url: string; readonly deviceCaTrusted: boolean } | null;
}
