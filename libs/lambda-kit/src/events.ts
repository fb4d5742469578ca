import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { DomainEvent, DomainEventType, EventData } from '@shoplane/contracts';
import { platformVariables } from '@shoplane/manifest';
import { requireEnv } from './config.js';
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

export interface EventBus {
  /** Puts envelopes on the platform bus; resolves the ids of those the bus refused. */
  put(envelopes: DomainEvent[]): Promise<{ failedEventIds: string[] }>;
}

const eventBridge = new EventBridgeClient({});
/** PutEvents takes at most ten entries a call. */
const putEventsLimit = 10;

/** The platform bus: EventBridge in AWS, the local bus on a laptop (same API). */
export function eventBridgeBus(env: NodeJS.ProcessEnv = process.env, client = eventBridge): EventBus {
  return {
    async put(envelopes) {
      const busName = requireEnv(platformVariables.eventBusName, env);
      const failedEventIds: string[] = [];
      for (let start = 0; start < envelopes.length; start += putEventsLimit) {
        const chunk = envelopes.slice(start, start + putEventsLimit);
        const result = await client.send(
          new PutEventsCommand({
            Entries: chunk.map((envelope) => ({
              EventBusName: busName,
              Source: envelope.source,
              DetailType: envelope.eventType,
              Detail: JSON.stringify(envelope),
            })),
          }),
        );
        result.Entries?.forEach((entry, index) => {
          const envelope = chunk[index];
          if (entry.ErrorCode && envelope) failedEventIds.push(envelope.eventId);
        });
      }
      return { failedEventIds };
    },
  };
}
