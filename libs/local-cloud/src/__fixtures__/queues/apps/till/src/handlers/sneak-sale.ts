import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { sendBody } from '../send.js';

/** Declares nothing: sends to the queue URL the caller names. */
export const handler = (event: APIGatewayProxyEventV2) => sendBody(event, event.queryStringParameters?.queue ?? '');
