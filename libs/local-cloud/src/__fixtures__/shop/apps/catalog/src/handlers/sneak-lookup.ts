import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { json } from '../lambda-answers.js';

const lambda = new LambdaClient({ maxAttempts: 1 });

/** Calls an internal operation its route does not declare, by the function's well-known name. */
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  try {
    await lambda.send(new InvokeCommand({ FunctionName: 'shoplane-local-catalog-lookup', Payload: JSON.stringify({ thingId: event.pathParameters?.thingId }) }));
    return json({ invoked: true });
  } catch (error) {
    return json({ invoked: false, error: error instanceof Error ? { name: error.name, message: error.message } : String(error), variable: process.env.INVOKE_CATALOG_GETTHING ?? null });
  }
}
