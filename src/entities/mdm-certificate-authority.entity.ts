/**
 * Homeroom's MDM certificate authority: it issues each enrolling device the identity
 * its check-ins are signed with. Made on first use; the row with the lowest id is the one in use
 * (two instances starting at once may both make one: they then agree on the first). The private
 * key is sealed at rest like every secret.
 */
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from './columns.js';

@Entity()
export class MdmCertificateAuthority {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'text' })
  certificatePem!: string;

  /** The PEM private key, sealed with HOMEROOM_SECRET_KEY (see `src/services/enrollment/mdm-authority.service.ts`). */
  @Column({ type: 'text' })
  sealedPrivateKey!: string;

  @DateTimeColumn()
  notAfter!: Date;

  @DateTimeColumn()
  createdAt!: Date;
}
