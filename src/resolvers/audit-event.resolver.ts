/** The audit log (ADMIN): a connection newest first, a live subscription, and target IDs as global IDs. */
import { Args, Authorized, FieldResolver, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import { badInput } from '../errors.js';
import { mapPage } from '../schema/connection.type.js';
import { fromGlobalId, toGlobalId } from '../global-id.js';
import type { AuditEventRecorded } from '../platform/events/event-bus.js';
import { Topic } from '../platform/events/event-bus.js';
import type { Page } from '../entities/pagination.js';
import { Permission } from '../permissions.js';
import type { Services } from '../services/services.js';
import { AuditEventRecordedArgs, AuditEventsArgs } from './audit-event.input.js';
import { AuditEventConnection, AuditEventType } from './audit-event.type.js';

@Resolver(() => AuditEventType)
export class AuditEventResolver {
  constructor(private readonly services: Services) {}

  @Authorized(Permission.AUDIT_READ)
  @Query(() => AuditEventConnection, { description: 'The audit log, newest first. ADMIN only.' })
  async auditEvents(@Args(() => AuditEventsArgs) { filter, ...page }: AuditEventsArgs): Promise<Page<AuditEventType>> {
    let target = null;
    if (filter?.targetId) {
      const decoded = fromGlobalId(filter.targetId);
      if (!decoded) throw badInput('filter.targetId', 'is not an ID this API issued.');
      target = { type: decoded.typeName, key: decoded.key };
    }
    return mapPage(await this.services.audit.list({ action: filter?.action ?? null, target }, page), AuditEventType.from);
  }

  @Authorized(Permission.AUDIT_READ)
  @Subscription(() => AuditEventType, {
    topics: Topic.AUDIT_EVENT_RECORDED,
    filter: ({ payload, args }: { payload: AuditEventRecorded; args: AuditEventRecordedArgs }) =>
      !args.action || payload.action === args.action,
    description: 'Each audit event as it is recorded (after its transaction commits). ADMIN only.',
  })
  async auditEventRecorded(
    @Root() payload: AuditEventRecorded,
    @Args(() => AuditEventRecordedArgs) _args: AuditEventRecordedArgs,
  ): Promise<AuditEventType> {
    const event = await this.services.audit.findById(payload.auditEventId);
    if (!event) throw new Error(`audit event ${payload.auditEventId} was published but cannot be read`);
    return AuditEventType.from(event);
  }

  @FieldResolver(() => [ID], { description: 'Global IDs of the objects the event concerns.' })
  targetIds(@Root() event: AuditEventType): string[] {
    return event.targets.map((t) => toGlobalId(t.targetType, t.targetKey));
  }
}
