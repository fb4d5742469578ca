import { BusyError, DomainError } from '@shoplane/contracts';
import type { IngestMessage } from './event-log.js';
import { maxTransactionItems, orderConcerned, planIngest, transactionItemsOf } from './ingest-plan.js';
import type { IngestStore } from './ports.js';

export interface IngestDependencies {
  store: IngestStore;
}

/** A message whose changes exceed one transaction: it cannot be recorded atomically, so it is not recorded at all. */
export class TooManyChangesError extends DomainError<{ eventId: string; items: number }> {
  constructor(eventId: string, items: number) {
    super('too-many-changes', `Event ${eventId} would write ${items} items in one transaction; at most ${maxTransactionItems} fit.`, { data: { eventId, items } });
  }
}

/** An order's facts change at most twice (its creation and its end), so a plan loses a race to them only that often. */
const planAttempts = 3;

/**
 * Records one message: its log entry and what it adds to the numbers, in one
 * transaction. Delivered again (the queue redelivers, a publisher resends), it finds
 * its entry and changes nothing. An order's end that overtakes its creation waits in
 * the order's facts and is counted with it.
 */
export async function ingest(deps: IngestDependencies, ingested: IngestMessage): Promise<'recorded' | 'duplicate'> {
  const orderId = orderConcerned(ingested);
  for (let attempt = 1; attempt <= planAttempts; attempt++) {
    const facts = orderId ? await deps.store.orderFacts(orderId) : undefined;
    const plan = planIngest(ingested, facts);
    const items = transactionItemsOf(plan);
    if (items > maxTransactionItems) throw new TooManyChangesError(plan.entry.eventId, items);
    const outcome = await deps.store.record(plan);
    if (outcome !== 'order-changed') return outcome;
  }
  throw new BusyError(`order ${orderId ?? ''}`.trim());
}
