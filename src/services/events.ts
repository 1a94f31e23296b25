/**
 * Typed topics for everything Homeroom streams to subscribers.
 *
 * Services publish after their transaction commits, so a subscriber never hears of a change
 * that was rolled back. Payloads are small and JSON-safe (ids and counts, not entities): the
 * same bus can later run over Redis so an event published on one instance reaches subscribers
 * on another, and subscribers re-read rows rather than trust a stale copy.
 */
import { createPubSub, type PubSub } from '@graphql-yoga/subscription';

export interface AuditEventRecorded {
  readonly auditEventId: number;
  readonly action: string;
}

export type HomeroomTopics = {
  AUDIT_EVENT_RECORDED: [AuditEventRecorded];
};

export const Topic = {
  AUDIT_EVENT_RECORDED: 'AUDIT_EVENT_RECORDED',
} as const satisfies Record<keyof HomeroomTopics, keyof HomeroomTopics>;

export type EventBus = PubSub<HomeroomTopics>;

export function createEventBus(): EventBus {
  return createPubSub<HomeroomTopics>();
}
