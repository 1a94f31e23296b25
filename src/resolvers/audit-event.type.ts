/** The `AuditEvent` Node type and its connection. */
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { AuditOutcome, type AuditEvent, type AuditEventTarget } from '../entities/audit-event.entity.js';
import type { JsonFacts } from '../entities/columns.js';
import { ErrorCode } from '../errors.js';
import { toGlobalId } from '../global-id.js';
import { Connection } from '../schema/connection.type.js';
import { Node } from '../schema/node.type.js';

export const AUDIT_EVENT_TYPE = 'AuditEvent';

@ObjectType(AUDIT_EVENT_TYPE, { implements: Node, description: 'One mutation attempt: who, what, on which objects, and how it ended.' })
export class AuditEventType extends Node {
  id!: number;

  /** The objects the event concerns; the `targetIds` field resolver shows them as global IDs. */
  targets!: readonly Pick<AuditEventTarget, 'targetType' | 'targetKey'>[];

  @Field(() => Date, { description: 'When the attempt finished.' })
  occurredAt!: Date;

  @Field(() => String, { description: "Who acted: the API key's name, `cli:<user>` for the command line, or `system`." })
  actorName!: string;

  @Field(() => String, { description: 'What was attempted: the mutation name, e.g. `createApiKey`.' })
  action!: string;

  @Field(() => AuditOutcome, { description: 'Whether the change was made.' })
  outcome!: AuditOutcome;

  @Field(() => ErrorCode, { nullable: true, description: 'The error code when the attempt failed.' })
  errorCode!: ErrorCode | null;

  @Field(() => String, { nullable: true, description: 'The error message when the attempt failed.' })
  errorMessage!: string | null;

  @Field(() => String, { nullable: true, description: 'Request id, to find the matching server log lines.' })
  requestId!: string | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Facts about the change, such as counts; never secrets.' })
  details!: JsonFacts | null;

  override get globalId(): string {
    return toGlobalId(AUDIT_EVENT_TYPE, this.id);
  }

  static from(event: AuditEvent): AuditEventType {
    return Object.assign(new AuditEventType(), {
      id: event.id,
      targets: event.targets ?? [],
      occurredAt: event.occurredAt,
      actorName: event.actorName,
      action: event.action,
      outcome: event.outcome,
      errorCode: event.errorCode,
      errorMessage: event.errorMessage,
      requestId: event.requestId,
      details: event.details,
    });
  }
}

export const AuditEventConnection = Connection(AuditEventType, AUDIT_EVENT_TYPE);
