import * as z from 'zod/mini';
import { EventId, Role, Timestamp, UserId } from './common.js';

/** Every domain event travels in this envelope, as the EventBridge `detail`. */
export function eventEnvelope<T extends string, D extends z.ZodMiniType>(eventType: T, data: D) {
  return z
    .object({
      eventId: EventId,
      eventType: z.literal(eventType),
      source: z.string(),
      occurredAt: Timestamp,
      correlationId: z.string(),
      data,
    })
    .register(z.globalRegistry, { id: `${eventType}Event` });
}

export const UserRegistered = eventEnvelope(
  'UserRegistered',
  z.object({ userId: UserId, email: z.string(), name: z.string(), role: Role }),
);
export type UserRegistered = z.infer<typeof UserRegistered>;

/** Event catalogue: type → schema. Consumers validate what they receive with it. */
export const domainEvents = {
  UserRegistered,
} as const;

export type DomainEventType = keyof typeof domainEvents;
export type DomainEvent<T extends DomainEventType = DomainEventType> = z.infer<(typeof domainEvents)[T]>;
export type EventData<T extends DomainEventType> = DomainEvent<T>['data'];
