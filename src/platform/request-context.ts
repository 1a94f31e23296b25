/**
 * Who is asking, and under which request id. Every service method takes this first, so the
 * audit log, logs and (later) per-request caches know the caller without a global.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';
import { type Permission, Role, ROLE_PERMISSIONS } from '../permissions.js';

export interface Actor {
  /** `apiKey`: a GraphQL caller; `cli`: someone at the server's shell; `system`: Homeroom itself (schedules). */
  readonly kind: 'apiKey' | 'cli' | 'system';
  /** The API key's row id when kind is `apiKey`. */
  readonly apiKeyId: number | null;
  /** What the audit log shows as the actor: the key's name, `cli:<user>` or `system`. */
  readonly name: string;
  readonly role: Role;
}

export interface RequestContext {
  readonly requestId: string;
  readonly actor: Actor | null;
  readonly logger: Logger;
}

export function can(actor: Actor | null, permission: Permission): boolean {
  return actor !== null && ROLE_PERMISSIONS[actor.role].has(permission);
}

export function newRequestId(): string {
  return randomUUID();
}

/** Homeroom acting on its own (first start, schedules): audited as `system`. */
export function systemContext(logger: Logger): RequestContext {
  return { requestId: newRequestId(), actor: { kind: 'system', apiKeyId: null, name: 'system', role: Role.ADMIN }, logger };
}
