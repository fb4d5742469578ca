import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { json } from '../lambda-answers.js';

const lambda = new LambdaClient({ maxAttempts: 1 });

/** Calls the internal operation its route declares it invokes, by the name its variable carries. */
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const result = await lambda.send(
    new InvokeCommand({ FunctionName: process.env.INVOKE_CATALOG_GETTHING, Payload: JSON.stringify({ thingId: event.pathParameters?.thingId }) }),
  );
  return json(JSON.parse(Buffer.from(result.Payload ?? new Uint8Array()).toString('utf8')));
}
