/**
 * The Apple MDM push certificate (APNs): what Apple uses to wake enrolled devices, and whose
 * topic every enrollment profile names. Seed 002 lists it before anything else; Homeroom keeps
 * exactly one (an upload replaces it), and the private key is sealed at rest like every secret.
 */
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from './columns.js';

@Entity()
export class MdmPushCertificate {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** The certificate subject's UID (OID 0.9.2342.19200300.100.1.1); starts with `com.apple.mgmt.`. */
  @Column({ type: 'varchar', length: 255 })
  topic!: string;

  /** The subject's common name, for people. */
  @Column({ type: 'varchar', length: 255 })
  subject!: string;

  /** Hex serial number of the certificate. */
  @Column({ type: 'varchar', length: 128 })
  serialNumber!: string;

  @DateTimeColumn()
  notBefore!: Date;

  @DateTimeColumn()
  notAfter!: Date;

  @Column({ type: 'text' })
  certificatePem!: string;

  /** PEM private key, sealed with the secret box. */
  @Column({ type: 'text' })
  sealedPrivateKey!: string;

  /** True when Homeroom generated it for the simulated world (the embedded demo); Apple would never accept it. */
  @Column({ type: 'boolean' })
  simulated!: boolean;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn()
  updatedAt!: Date;
}
