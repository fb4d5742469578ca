import { TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { cancellationReasons, type CancellationReason } from '@shoplane/lambda-kit';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
export type DocumentClient = Pick<DynamoDBDocumentClient, 'send'>;

/** Two writes to one item at the same moment can cancel each other inside DynamoDB; a short retry settles it. */
const transactionAttempts = 6;

export function backoff(attempt: number, baseMilliseconds = 20): Promise<void> {
  const delay = Math.random() * baseMilliseconds * 2 ** attempt;
  return new Promise((resolve) => setTimeout(resolve, delay));
}

/**
 * Runs one transaction, retrying on transaction conflicts. When DynamoDB cancels
 * it for another reason, `refusal` turns the per-item reasons into the domain
 * error to throw (or undefined to rethrow the original).
 */
export async function transactWrite(
  client: DocumentClient,
  items: TransactItem[],
  refusal: (reasons: CancellationReason[]) => Error | undefined,
): Promise<void> {
  const command = new TransactWriteCommand({ TransactItems: items });
  for (let attempt = 1; ; attempt++) {
    try {
      await client.send(command);
      return;
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      const refused = refusal(reasons);
      if (refused) throw refused;
      const conflicted = reasons.some((reason) => reason.Code === 'TransactionConflict');
      if (!conflicted || attempt >= transactionAttempts) throw error;
      await backoff(attempt);
    }
  }
}
