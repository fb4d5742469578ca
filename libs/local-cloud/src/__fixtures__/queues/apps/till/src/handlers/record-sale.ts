import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { sendBody } from '../send.js';

/** Declares sendsTo ledger.ingest: sends to the URL its variable carries. */
export const handler = (event: APIGatewayProxyEventV2) => sendBody(event, process.env.LEDGER_INGEST_QUEUE_URL ?? '');
