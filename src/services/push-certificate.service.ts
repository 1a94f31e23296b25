/**
 * The Apple MDM push certificate: upload (PEM certificate + private key), read, and the
 * simulated one the embedded demo generates. SKELETON: helper A implements it.
 */
import type { MdmPushCertificate } from '../entities/mdm-push-certificate.entity.js';
import type { AuditService } from './audit.service.js';
import type { RequestContext } from './request-context.js';
import type { ServiceDependencies } from './services.js';

export class PushCertificateService {
  constructor(
    private readonly deps: ServiceDependencies,
    private readonly audit: AuditService,
  ) {}

  /** The certificate in use, or null before the first upload. */
  async current(): Promise<MdmPushCertificate | null> {
    void this.deps;
    void this.audit;
    throw new Error('not implemented');
  }

  /** Validates and stores (replacing any previous one) in one audited transaction. */
  async upload(_ctx: RequestContext, _input: { certificate: string; privateKey: string }): Promise<MdmPushCertificate> {
    throw new Error('not implemented');
  }

  /** Embedded demo only: when there is no certificate, generates a self-signed one (simulated: true). */
  async ensureSimulated(_ctx: RequestContext): Promise<MdmPushCertificate> {
    throw new Error('not implemented');
  }
}
