/**
 * An enrollment program token: one MDM server in Apple School Manager, as Homeroom holds it.
 * The OAuth credentials, the session Apple issued and the key pair's private key are sealed at
 * rest; what Apple said about the server and organisation (`GET /account`) is kept in clear.
 */
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from './columns.js';

@Entity()
export class EnrollmentProgramToken {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 100, unique: true })
  name!: string;

  /** The Managed/Apple ID that created the token in ASM; needed to renew it. */
  @Column({ type: 'varchar', length: 254 })
  appleId!: string;

  /** `APPLE_SCHOOL_MANAGER` (org_type edu) or `APPLE_BUSINESS_MANAGER` (org). */
  @Column({ type: 'varchar', length: 30 })
  tokenType!: string;

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

  /** ACTIVE, EXPIRING_SOON, EXPIRED, TERMS_NOT_ACCEPTED or REJECTED, as last determined. */
  @Column({ type: 'varchar', length: 30 })
  status!: string;

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
  syncCursorPhase!: string | null;

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

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn()
  updatedAt!: Date;
}
