/** Every resolver class, for buildSchema. */
import { ApiKeyResolver } from './api-key.resolver.js';
import { AuditEventResolver } from './audit-event.resolver.js';
import { NodeResolver } from './node.resolver.js';
import { ViewerResolver } from './viewer.resolver.js';

export const RESOLVERS = [NodeResolver, ViewerResolver, ApiKeyResolver, AuditEventResolver] as const;
