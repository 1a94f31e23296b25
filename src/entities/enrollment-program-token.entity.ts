/**
 * An enrollment program token: one MDM server in Apple School Manager, as Homeroom holds it.
 * The OAuth credentials, the session Apple issued and the key pair's private key are sealed at
 * rest; what Apple said about the server and organisation (`GET /account`) is kept in clear.
 */
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { wordsOf } from '../words.js';
import { DateTimeColumn } from './columns.js';
import type { CursorPhase, FallbackReason } from './sync-vocabulary.js';

/** A token's health as clients see it; the column keeps the last one determined. */
export const TokenStatus = wordsOf('ACTIVE', 'EXPIRING_SOON', 'EXPIRED', 'TERMS_NOT_ACCEPTED', 'REJECTED');
export type TokenStatus = (typeof TokenStatus)[keyof typeof TokenStatus];

/** Apple School Manager or Apple Business Manager, from `GET /account`'s `org_type`. */
export const TokenType = wordsOf('APPLE_SCHOOL_MANAGER', 'APPLE_BUSINESS_MANAGER');
export type TokenType = (typeof TokenType)[keyof typeof TokenType];

@Entity()
export class EnrollmentProgramToken {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 100, unique: true })
  name!: string;

  /** The Managed/Apple ID that created the token in ASM; needed to renew it. */
  @Column({ type: 'varchar', length: 254 })
  appleId!: string;

  /** From `org_type`: edu is APPLE_SCHOOL_MANAGER, org APPLE_BUSINESS_MANAGER. */
  @Column({ type: 'varchar', length: 30 })
  tokenType!: TokenType;

  @Column({ type: 'varchar', length: 200 })
  organizationName!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  organizationId!: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  organizationEmail!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  organizationPhone!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  organizationAddress!: string | null;

  @Column({ type: 'varchar', length: 200 })
  serverName!: string;

  /** Apple's `server_uuid`: renewals must carry the same one. */
  @Column({ type: 'varchar', length: 64, unique: true })
  serverUuid!: string;

  /** JSON `{consumerKey, consumerSecret, accessToken, accessSecret}`, sealed. */
  @Column({ type: 'text' })
  sealedCredentials!: string;

  @DateTimeColumn()
  accessTokenExpiry!: Date;

  /** The certificate ASM encrypts this server's tokens to. */
  @Column({ type: 'text' })
  certificatePem!: string;

  /** Its PEM private key, sealed. */
  @Column({ type: 'text' })
  sealedPrivateKey!: string;

  /** The last `X-ADM-Auth-Session` Apple issued, sealed; null until the first call. */
  @Column({ type: 'text', nullable: true })
  sealedSession!: string | null;

  /** As last determined (`services/token/token-status.ts` decides what clients see). */
  @Column({ type: 'varchar', length: 30 })
  status!: TokenStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  statusReason!: string | null;

  @DateTimeColumn({ nullable: true })
  statusCheckedAt!: Date | null;

  /** Legacy: School Data Sync (Classic) was retired at the end of 2024; at most one token has it. */
  @Column({ type: 'boolean' })
  sharedWithSchoolDataSync!: boolean;

  /** The profile new devices get; not a foreign key, to keep token and profile rows free of a cycle. */
  @Column({ type: 'integer', nullable: true })
  defaultProfileId!: number | null;

  /** Apple's cursor to continue from; stored only after the page it came with is committed. */
  @Column({ type: 'text', nullable: true })
  syncCursor!: string | null;

  /** Whether `syncCursor` continues a FETCH (full listing) or a SYNC (change log). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  syncCursorPhase!: CursorPhase | null;

  /** The run holding the 15-minute lease, and until when; taken atomically with a conditional UPDATE. */
  @Column({ type: 'integer', nullable: true })
  syncLeaseRunId!: number | null;

  @DateTimeColumn({ nullable: true })
  syncLeaseUntil!: Date | null;

  @DateTimeColumn({ nullable: true })
  lastSyncAt!: Date | null;

  @DateTimeColumn({ nullable: true })
  lastSuccessfulSyncAt!: Date | null;

  @DateTimeColumn({ nullable: true })
  lastFullSyncAt!: Date | null;

  /** Devices Apple listed at the last full sync: the estimate for progress percentages. */
  @Column({ type: 'integer', nullable: true })
  lastFullSyncDeviceCount!: number | null;

  /** When the last manual sync (trigger MANUAL) started: the next may start 15 minutes later. */
  @DateTimeColumn({ nullable: true })
  lastManualSyncAt!: Date | null;

  /**
   * Why the next sync asked for must be FULL whatever the calendar says (`PREVIOUS_LIMITED_FAILED`,
   * `PREVIOUS_FULL_FAILED`); null when the 7-day calendar decides. Cleared when a full run succeeds.
   */
  @Column({ type: 'varchar', length: 40, nullable: true })
  fullSyncRequiredReason!: FallbackReason | null;

  /** The last failed call to Apple made with the token (null once a call succeeds): Homeroom's code. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  lastAppleErrorCode!: string | null;

  /** Apple's own code of that failure (`ACCESS_DENIED`, `token_rejected`, …); null when Apple sent none. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  lastAppleErrorAppleCode!: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastAppleErrorMessage!: string | null;

  /** Method and path, e.g. `POST /devices/sync`. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  lastAppleErrorEndpoint!: string | null;

  @DateTimeColumn({ nullable: true })
  lastAppleErrorAt!: Date | null;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn()
  updatedAt!: Date;
}
