/**
 * Homeroom's MDM certificate authority, kept so that every identity it issued stays verifiable
 * across restarts and instances: made on first use and stored with its key sealed, then used to
 * issue each enrolling device its identity (`src/mdm/certificate-authority.ts` has the crypto). Every process reads the same CA: the row with the lowest id, so two instances
 * that both made one on their first enrollment agree on the first.
 *
 * It lives in the enrollment room because enrollment is its only user: the CA exists to issue
 * and later recognise enrolled devices' identities.
 */
import { MdmCertificateAuthority } from '../../entities/mdm-certificate-authority.entity.js';
import {
  createCertificateAuthority,
  issueDeviceIdentity,
  type DeviceIdentity,
  type MdmCertificateAuthority as Authority,
} from '../../mdm/certificate-authority.js';
import { generateRsaKeyPem } from '../../crypto/x509.js';
import type { ServiceDependencies } from '../service-dependencies.js';

/** What binds the sealed CA key to its use. */
const SEAL_CONTEXT = 'mdm-certificate-authority';

export class MdmAuthorityService {
  /** The CA once read (or made) by this process; its key is opened once, not per enrollment. */
  private cached: Promise<Authority> | null = null;

  constructor(private readonly deps: ServiceDependencies) {}

  /** The CA in use, made and stored on first use. */
  authority(): Promise<Authority> {
    this.cached ??= this.load().catch((error: unknown) => {
      this.cached = null;
      throw error;
    });
    return this.cached;
  }

  /** The CA certificate devices' identities chain to (for verifying check-ins and for tests). */
  async certificatePem(): Promise<string> {
    return (await this.authority()).certificatePem;
  }

  /**
   * A new identity for the enrolling device, signed by the CA, with a key of `MDM_IDENTITY_KEY`. An
   * RSA key is made on libuv's thread pool (some 100 ms of work the event loop must not do); an EC
   * P-256 key takes microseconds.
   */
  async issueIdentity(device: { serialNumber: string; udid?: string }): Promise<DeviceIdentity> {
    const keyType = this.deps.identities?.keyType ?? 'rsa-2048';
    const privateKeyPem = keyType === 'rsa-2048' ? await generateRsaKeyPem() : undefined;
    return issueDeviceIdentity(await this.authority(), {
      ...device,
      keyType,
      ...(privateKeyPem ? { privateKeyPem } : {}),
      now: this.deps.clock.now(),
    });
  }

  private async load(): Promise<Authority> {
    const repository = this.deps.database.manager.getRepository(MdmCertificateAuthority);
    let row = await repository.findOne({ where: {}, order: { id: 'ASC' } });
    if (!row) {
      const now = this.deps.clock.now();
      const made = createCertificateAuthority({ commonName: 'Homeroom MDM device CA', now });
      await repository.insert({
        certificatePem: made.certificatePem,
        sealedPrivateKey: this.deps.secretBox.seal(made.privateKeyPem, SEAL_CONTEXT),
        notAfter: made.notAfter,
        createdAt: now,
      });
      row = await repository.findOneOrFail({ where: {}, order: { id: 'ASC' } });
    }
    return { certificatePem: row.certificatePem, privateKeyPem: this.deps.secretBox.openText(row.sealedPrivateKey, SEAL_CONTEXT) };
  }
}
