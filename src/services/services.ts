/**
 * Every service, wired once per server (or CLI run) from its dependencies. Resolvers receive
 * this bundle through the type-graphql container; tests build it directly.
 */
import type { Database } from '../entities/database.js';
import { ApiKeyService } from './api-key.service.js';
import { AuditService } from './audit.service.js';
import type { Clock } from './clock.js';
import type { EventBus } from './events.js';
import type { SecretBox } from './secret-box.js';

export interface ServiceDependencies {
  readonly database: Database;
  readonly clock: Clock;
  readonly events: EventBus;
  readonly secretBox: SecretBox;
}

export class Services {
  readonly audit: AuditService;
  readonly apiKeys: ApiKeyService;

  constructor(readonly deps: ServiceDependencies) {
    this.audit = new AuditService(deps.database, deps.clock, deps.events);
    this.apiKeys = new ApiKeyService(deps.database, this.audit, deps.clock);
  }
}
