/**
 * Homeroom's ACME server state (`src/mdm/acme/`, rules in `services/enrollment/acme-issuance.ts`):
 *
 * - `AcmeClientIdentifier`: the one-time identifier an enrollment profile's ACME payload carries,
 *   for one device: stored as its SHA-256 only (like API keys), short-lived, used once;
 * - `AcmeAccount`: an ACME client's account key (its JWK and thumbprint);
 * - `AcmeOrder`: one order with its single authorization and `device-attest-01` challenge, what
 *   Apple attested, and at the end the certificate chain. Orders outlive restarts: a device may
 *   finalize after Homeroom restarted mid-flow.
 *
 * Nonces are not here: they live minutes, in memory (see `src/mdm/acme/nonces.ts`).
 */
import { Column, Entity, Index, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { DateTimeColumn, JsonColumn } from './columns.js';
import { DeviceOneTimeSecret } from './device-owned-row.js';
import type { AcmeAuthorizationStatus, AcmeOrderStatus } from '../mdm/acme/resources.js';

@Entity()
@Index('acme_client_identifier_hash', ['identifierHash'], { unique: true })
@Index('acme_client_identifier_device', ['deviceId'])
export class AcmeClientIdentifier extends DeviceOneTimeSecret {
  /** SHA-256 of the identifier, hex. */
  @Column({ type: 'varchar', length: 64 })
  identifierHash!: string;

  /** The UDID the attestation must carry, when the device told it (its MachineInfo). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  udid!: string | null;
}

@Entity()
@Index('acme_account_thumbprint', ['thumbprint'], { unique: true })
export class AcmeAccount {
  /** Random, base64url: the last part of the account URL. */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  /** RFC 7638 SHA-256 thumbprint of the key, base64url. */
  @Column({ type: 'varchar', length: 64 })
  thumbprint!: string;

  /** The public key, a JWK. */
  @JsonColumn()
  jwk!: Record<string, string>;

  @DateTimeColumn()
  createdAt!: Date;
}

@Entity()
@Index('acme_order_account', ['accountId'])
export class AcmeOrder {
  /** Random, base64url: the last part of the order, authorization, challenge, finalize and certificate URLs. */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  accountId!: string;

  @ManyToOne(() => AcmeAccount, { onDelete: 'CASCADE', nullable: false })
  account!: Relation<AcmeAccount>;

  @Column({ type: 'integer' })
  clientIdentifierId!: number;

  @ManyToOne(() => AcmeClientIdentifier, { onDelete: 'CASCADE', nullable: false })
  clientIdentifier!: Relation<AcmeClientIdentifier>;

  @Column({ type: 'varchar', length: 20 })
  status!: AcmeOrderStatus;

  /** The identifier as ordered (type `permanent-identifier`, the client identifier): orders echo it. */
  @Column({ type: 'varchar', length: 200 })
  identifierValue!: string;

  @Column({ type: 'varchar', length: 20 })
  authorizationStatus!: AcmeAuthorizationStatus;

  /** The challenge token, base64url: the attestation's freshness code is its SHA-256. */
  @Column({ type: 'varchar', length: 64 })
  token!: string;

  @DateTimeColumn()
  expiresAt!: Date;

  @DateTimeColumn({ nullable: true })
  validatedAt!: Date | null;

  /** The attested key's SubjectPublicKeyInfo, base64: the CSR must be for it. */
  @Column({ type: 'text', nullable: true })
  attestedPublicKey!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  attestedSerialNumber!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  attestedUdid!: string | null;

  /** The issued certificate then the CA's, PEM. */
  @Column({ type: 'text', nullable: true })
  certificateChain!: string | null;

  @DateTimeColumn()
  createdAt!: Date;
}
