/**
 * Enrollment program tokens: the encryption key pair handed to ASM, upload, renewal, status,
 * School Data Sync, and every call to Apple on a token's behalf. SKELETON: helper A implements it.
 */
import type { DepClient } from '../apple/dep-client.js';
import type { EnrollmentProgramToken } from '../entities/enrollment-program-token.entity.js';
import type { AuditService } from './audit.service.js';
import type { ServiceDependencies } from './services.js';

export class TokenService {
  constructor(
    private readonly deps: ServiceDependencies,
    private readonly audit: AuditService,
  ) {}

  async findById(_id: number): Promise<EnrollmentProgramToken | null> {
    void this.deps;
    void this.audit;
    throw new Error('not implemented');
  }

  /**
   * Runs `work` with a DEP client for the token (credentials unsealed, the saved session reused
   * and rotated ones saved). Apple's verdict updates the token's status: a refusal
   * (`APPLE_TOKEN_REJECTED`, `APPLE_TERMS_NOT_ACCEPTED`) is recorded and rethrown; success marks
   * it ACTIVE/EXPIRING_SOON/EXPIRED by expiry. Never call it inside a database transaction.
   */
  async callApple<T>(_tokenId: number, _work: (client: DepClient) => Promise<T>): Promise<T> {
    throw new Error('not implemented');
  }
}
