import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { cancellationReasons, ServiceUnavailableError } from '@shoplane/lambda-kit';
import type { TransactItem } from './table-items.js';

export type TransactionResult =
  | { committed: true }
  /** Cancelled because conditions failed: one flag per item, in request order. */
  | { committed: false; conditionFailed: boolean[] };

/**
 * Transactions touching a popular product's record collide inside DynamoDB
 * (TransactionConflict) when many checkouts run at once; the loser retries after a
 * jittered, growing pause. Enough attempts that a burst of 50 on one product settles.
 */
const defaultAttempts = 10;
const basePauseMs = 10;
const maxPauseMs = 400;

function pause(attempt: number): Promise<void> {
  const delay = Math.random() * Math.min(maxPauseMs, basePauseMs * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, delay));
}

/** Runs a write transaction; conditions that fail are an answer, contention is retried, anything else is thrown. */
export async function transact(client: DynamoDBDocumentClient, items: TransactItem[], attempts = defaultAttempts): Promise<TransactionResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.send(new TransactWriteCommand({ TransactItems: items }));
      return { committed: true };
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      const conditionFailed = items.map((_item, index) => reasons[index]?.Code === 'ConditionalCheckFailed');
      if (conditionFailed.some(Boolean)) return { committed: false, conditionFailed };
      if (!reasons.some((reason) => reason.Code === 'TransactionConflict')) throw error;
      if (attempt >= attempts) throw new ServiceUnavailableError('Stock is changing too fast right now; try again.', { cause: error });
      await pause(attempt);
    }
  }
}
