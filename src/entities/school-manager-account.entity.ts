/**
 * An Apple School Manager API account (client id, key id, P-256 private key), one per
 * organisation: Apple creates API accounts at the organisation's level and one sees every MDM
 * server and device of it, so the tokens of one organisation share it instead of each holding a
 * copy to rotate. Kept apart from the DEP token: it is another credential with its own life
 * (revoked or re-keyed in ASM's settings, never by a token renewal). The private key is sealed.
 */
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from './columns.js';

@Entity()
export class SchoolManagerAccount {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** Apple's organisation id, as the tokens' `GET /account` reported it (`EnrollmentProgramToken.organizationId`). */
  @Column({ type: 'varchar', length: 64, unique: true })
  organizationId!: string;

  /** `SCHOOLAPI.<uuid>` (or `BUSINESSAPI.<uuid>`): the assertion's issuer and subject. */
  @Column({ type: 'varchar', length: 200 })
  clientId!: string;

  /** The key's id: the assertion's `kid`. */
  @Column({ type: 'varchar', length: 200 })
  keyId!: string;

  /** PKCS#8 PEM of the P-256 key, sealed under `school-manager-account:<organizationId>:private-key`. */
  @Column({ type: 'text' })
  sealedPrivateKey!: string;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn()
  updatedAt!: Date;
}
