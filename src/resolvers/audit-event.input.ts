/** Filters and arguments of the audit log query and subscription. */
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ConnectionArgs } from '../schema/connection.type.js';

@InputType('AuditEventFilter', { description: 'Narrows the audit log; all given conditions must hold.' })
export class AuditEventFilter {
  @Field(() => String, { nullable: true, description: 'Only this action (a mutation name such as `createApiKey`).' })
  action?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only events about this object (its global ID).' })
  targetId?: string | null;
}

@ArgsType()
export class AuditEventsArgs extends ConnectionArgs {
  @Field(() => AuditEventFilter, { nullable: true, description: 'Conditions on the events.' })
  filter?: AuditEventFilter | null;
}

@ArgsType()
export class AuditEventRecordedArgs {
  @Field(() => String, { nullable: true, description: 'Only events of this action.' })
  action?: string | null;
}
