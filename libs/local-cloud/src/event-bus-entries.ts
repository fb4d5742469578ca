import { randomUUID } from 'node:crypto';
import { localAccountId } from './aws-identity.js';
import { localRegion } from './dynamodb-local.js';

/** One PutEvents entry, as the EventBridge API takes it. */
export interface PutEventsEntry {
  Source?: string;
  DetailType?: string;
  Detail?: string;
  EventBusName?: string;
  Resources?: string[];
  /** Epoch seconds, as the SDK sends timestamps. */
  Time?: number;
}

export interface PutEventsResultEntry {
  EventId?: string;
  ErrorCode?: string;
  ErrorMessage?: string;
}

/** The EventBridge event a rule target receives (here: the body of the SQS message). */
export interface BusEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: unknown;
}

/** A PutEvents call EventBridge refuses as a whole (not entry by entry). */
export class PutEventsValidationError extends Error {
  override readonly name = 'ValidationException';
}

/** EventBridge's answer for an entry it refuses, or undefined when `busName` accepts it. */
export function rejectionOf(entry: PutEventsEntry, busName: string): PutEventsResultEntry | undefined {
  const bus = entry.EventBusName;
  if (bus !== undefined && bus !== busName && !bus.endsWith(`:event-bus/${busName}`)) {
    return { ErrorCode: 'NotFoundException', ErrorMessage: `Event bus ${bus} does not exist.` };
  }
  for (const field of ['Source', 'DetailType', 'Detail'] as const) {
    if (!entry[field]) {
      return { ErrorCode: 'InvalidArgument', ErrorMessage: `Parameter ${field} is not valid. Reason: ${field} is a required argument.` };
    }
  }
  try {
    const detail: unknown = JSON.parse(entry.Detail ?? '');
    if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) throw new Error('not an object');
  } catch {
    return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
  }
  return undefined;
}

/** The event EventBridge makes of an accepted entry, as rule targets receive it. */
export function toBusEvent(entry: PutEventsEntry): BusEvent {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': entry.DetailType ?? '',
    source: entry.Source ?? '',
    account: localAccountId,
    time: (entry.Time === undefined ? new Date() : new Date(entry.Time * 1000)).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: localRegion,
    resources: entry.Resources ?? [],
    detail: JSON.parse(entry.Detail ?? '{}'),
  };
}

/** SendMessage to a queue no manifest declares. */
export class QueueNotFoundError extends Error {
  constructor(readonly queueName: string) {
    super(`The specified queue ${queueName} does not exist.`);
    this.name = 'QueueNotFoundError';
  }
}
