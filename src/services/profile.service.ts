/**
 * Enrollment profiles per token, with the seed's rules, defined at Apple on every change.
 * SKELETON: helper B implements it.
 */
import type { AuditService } from './audit.service.js';
import type { ServiceDependencies } from './services.js';
import type { TokenService } from './token.service.js';

export class ProfileService {
  constructor(
    private readonly deps: ServiceDependencies,
    private readonly audit: AuditService,
    private readonly tokens: TokenService,
  ) {
    void this.deps;
    void this.audit;
    void this.tokens;
  }
}
