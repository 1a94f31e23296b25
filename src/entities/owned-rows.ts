/**
 * Column blocks several entities share, declared once: rows that belong to an enrollment program
 * token, and certificates Homeroom made with their private key sealed at rest.
 */
import { Column, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { EnrollmentProgramToken } from './enrollment-program-token.entity.js';

/**
 * A row of one token: its id, the token's id and the relation. The token cannot be deleted while
 * such a row remains (RESTRICT): devices and profiles must go first (`TOKEN_IN_USE`).
 */
export abstract class TokenOwnedRow {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  tokenId!: number;

  @ManyToOne(() => EnrollmentProgramToken, { onDelete: 'RESTRICT', nullable: false })
  token!: Relation<EnrollmentProgramToken>;
}

/** A certificate Homeroom made, with its private key sealed at rest (secret box, HOMEROOM_SECRET_KEY). */
export abstract class SealedCertificateRow {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'text' })
  certificatePem!: string;

  /** The PEM private key, sealed with the secret box. */
  @Column({ type: 'text' })
  sealedPrivateKey!: string;
}
