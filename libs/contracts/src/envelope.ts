import type { DomainEvent, DomainEventType, EventData } from './events.js';
import { newId } from './ids.js';

export interface EventToPublish<T extends DomainEventType = DomainEventType> {
  eventType: T;
  data: EventData<T>;
  correlationId: string;
}

/** Wraps a fact in the one envelope every consumer expects. */
export function toEnvelope<T extends DomainEventType>(service: string, event: EventToPublish<T>, now = new Date()): DomainEvent<T> {
  return {
    eventId: newId('evt'),
    eventType: event.eventType,
    source: `shoplane.${service}`,
    occurredAt: now.toISOString(),
    correlationId: event.correlationId,
    data: event.data,
  } as DomainEvent<T>;
}
