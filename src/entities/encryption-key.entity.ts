/**
 * The key pair Homeroom hands an admin (as a certificate) to upload in Apple School Manager,
 * while it waits for the token Apple encrypts to it. One at a time: asking again replaces it.
 * When a token arrives, the pair moves onto the token (renewals decrypt with it) and this row goes.
 */
import { Entity } from 'typeorm';
import { DateTimeColumn } from './columns.js';
import { SealedCertificateRow } from './owned-rows.js';

@Entity()
export class EncryptionKey extends SealedCertificateRow {
  @DateTimeColumn()
  createdAt!: Date;

  /** The certificate's notAfter: ASM must encrypt the token before then. */
  @DateTimeColumn()
  expiresAt!: Date;
}
