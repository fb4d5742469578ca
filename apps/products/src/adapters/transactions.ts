import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { cancellationReasons, retryOnConflict, ServiceUnavailableError, type CancellationReason, type TransactItem } from '@shoplane/lambda-kit';

export type { TransactItem };
export type DocumentClient = Pick<DynamoDBDocumentClient, 'send'>;

/**
 * Runs one transaction, retrying while it loses races to other writes. When DynamoDB
 * cancels it for another reason, `refusal` turns the per-item reasons into the domain
 * error to throw (or undefined to rethrow the original).
 */
export async function transactWrite(
  client: DocumentClient,
  items: TransactItem[],
  refusal: (reasons: CancellationReason[]) => Error | undefined,
): Promise<void> {
  const command = new TransactWriteCommand({ TransactItems: items });
  try {
    await retryOnConflict(
      () => client.send(command),
      (cause) => new ServiceUnavailableError('The catalogue is busy right now; try again.', { cause }),
    );
  } catch (error) {
    const reasons = cancellationReasons(error);
    const refused = reasons ? refusal(reasons) : undefined;
    throw refused ?? error;
  }
}
