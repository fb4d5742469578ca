import type { ScheduledEvent } from 'aws-lambda';
import { recorded } from '../recorder.js';

const watched = ['AWS_LAMBDA_FUNCTION_NAME', 'CATALOG_TABLE_NAME', 'EVENT_BUS_NAME', 'INVOKE_CATALOG_GETTHING'];

/** Run by its schedule: records the event and which of the watched variables it sees. */
export async function handler(event: ScheduledEvent): Promise<void> {
  recorded().scheduled.push({ event, variables: watched.filter((name) => name in process.env) });
}
