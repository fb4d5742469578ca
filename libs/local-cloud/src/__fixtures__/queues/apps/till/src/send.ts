import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

const sqs = new SQSClient({ maxAttempts: 1 });

/** Sends the request body to the queue and answers how that went, and whether the URL variable was there. */
export async function sendBody(event: APIGatewayProxyEventV2, queueUrl: string): Promise<APIGatewayProxyStructuredResultV2> {
  let outcome: string;
  try {
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: event.body ?? '' }));
    outcome = 'sent';
  } catch (error) {
    outcome = error instanceof Error ? error.name : String(error);
  }
  const body = { outcome, variable: process.env.LEDGER_INGEST_QUEUE_URL ?? null };
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
