/** Every entity, for the DataSource. */
import { ApiKey } from './api-key.entity.js';
import { AuditEvent, AuditEventTarget } from './audit-event.entity.js';

export const ENTITIES = [ApiKey, AuditEvent, AuditEventTarget];
