import { domainEvents, StockCommittedMessage } from '@shoplane/contracts';
import { ingestedEventTypes, type IngestedEvent, type IngestedEventType, type IngestMessage } from '../domain/event-log.js';

/** A message analytics cannot read: retrying will not fix it, so it goes to the dead-letter queue for an operator. */
export class UnreadableMessageError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnreadableMessageError';
  }
}

const isIngested = (type: unknown): type is IngestedEventType => ingestedEventTypes.some((candidate) => candidate === type);
const issuesOf = (error: { issues: { path: PropertyKey[]; message: string }[] }) => error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');

/**
 * What an ingest queue message holds: an EventBridge event whose detail is one of the
 * domain events analytics takes (a rule put it there), or a message another service
 * sent straight to the queue (inventory's StockCommitted). Both are checked against
 * their contracts; anything else is unreadable.
 */
export function readIngestMessage(body: string): IngestMessage {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new UnreadableMessageError('the body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null) throw new UnreadableMessageError('the body is not a JSON object');
  if ('detail-type' in parsed) {
    const type = parsed['detail-type'];
    if (!isIngested(type)) throw new UnreadableMessageError(`analytics takes no ${String(type)} events`);
    const event = domainEvents[type].safeParse('detail' in parsed ? parsed.detail : undefined);
    if (!event.success) throw new UnreadableMessageError(`the ${type} event does not match its contract: ${issuesOf(event.error)}`);
    return { kind: 'event', event: event.data as IngestedEvent };
  }
  const message = StockCommittedMessage.safeParse(parsed);
  if (!message.success) throw new UnreadableMessageError(`the message is neither an event nor a StockCommitted message: ${issuesOf(message.error)}`);
  return { kind: 'message', message: message.data };
}
