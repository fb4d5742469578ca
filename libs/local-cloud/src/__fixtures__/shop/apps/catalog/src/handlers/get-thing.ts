import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { catalogTable, documents } from '../table.js';

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const thingId = event.pathParameters?.thingId ?? '';
  const { Item } = await documents.send(new GetCommand({ TableName: catalogTable(), Key: { PK: `THING#${thingId}`, SK: 'THING' } }));
  if (!Item) return { statusCode: 404, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify({ status: 404 }) };
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ thingId: Item.thingId, name: Item.name }) };
}
