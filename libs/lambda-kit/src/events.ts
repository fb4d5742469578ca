import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { DomainEvent } from '@shoplane/contracts';
import { platformVariables } from '@shoplane/manifest';
import { requireEnv } from './config.js';
import { tracedClient } from './tracing.js';

// The envelope is the shared vocabulary's (domain code builds events); lambda-kit passes it on.
export { toEnvelope, type EventToPublish } from '@shoplane/contracts';

export interface EventBus {
  /** Puts envelopes on the platform bus; resolves the ids of those the bus refused. */
  put(envelopes: DomainEvent[]): Promise<{ failedEventIds: string[] }>;
}

const eventBridge = tracedClient(new EventBridgeClient({}));
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
