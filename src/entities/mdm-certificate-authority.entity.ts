/**
 * Homeroom's MDM certificate authority: it issues each enrolling device the identity
 * its check-ins are signed with. Made on first use; the row with the lowest id is the one in use
 * (two instances starting at once may both make one: they then agree on the first). The private
 * key is sealed at rest like every secret.
 */
import { Entity } from 'typeorm';
import { DateTimeColumn } from './columns.js';
import { SealedCertificateRow } from './owned-rows.js';

@Entity()
export class MdmCertificateAuthority extends SealedCertificateRow {
  @DateTimeColumn()
  notAfter!: Date;

  @DateTimeColumn()
  createdAt!: Date;
}
