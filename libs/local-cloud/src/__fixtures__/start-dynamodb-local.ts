/** Starts DynamoDB Local, prints its endpoint and waits: a stand-in for `npm start` that a test can kill. */
import { startDynamoDbLocal } from '../dynamodb-local.js';

const dynamo = await startDynamoDbLocal();
console.log(JSON.stringify({ endpoint: dynamo.endpoint }));
setInterval(() => undefined, 60_000);
