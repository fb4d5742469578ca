import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { catalogTable, documents } from '../table.js';

const events = new EventBridgeClient({});

/** Stores a thing and announces it on the bus, both through the default SDK clients. */
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const thing = JSON.parse(event.body ?? '{}') as { thingId: string; name: string; failReceives?: number };
  await documents.send(new PutCommand({ TableName: catalogTable(), Item: { PK: `THING#${thing.thingId}`, SK: 'THING', ...thing } }));
  const published = await events.send(
    new PutEventsCommand({
      Entries: [{ Source: 'shoplane.catalog', DetailType: 'ThingCreated', Detail: JSON.stringify(thing), EventBusName: process.env.EVENT_BUS_NAME }],
    }),
  );
  return {
    statusCode: 201,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...thing, eventId: published.Entries?.[0]?.EventId }),
  };
}
