import { CheckoutInput, OrderId } from '@shoplane/contracts';
import * as z from 'zod/mini';
import type { ExecutionStatus } from '../domain/backstop.js';
import { executionStatusChange } from '../service.js';

const ExecutionStatusChangeEvent = z.object({
  'detail-type': z.literal(executionStatusChange),
  source: z.literal('aws.states'),
  detail: z.object({
    executionArn: z.string(),
    name: z.string(),
    status: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE']),
    input: z.optional(z.nullable(z.string())),
  }),
});

export interface EndedExecution {
  executionArn: string;
  orderId: string;
  status: ExecutionStatus;
  /** The execution input's: the request that placed the order. */
  correlationId?: string;
}

function identityOf(detail: z.infer<typeof ExecutionStatusChangeEvent>['detail']): { orderId: string; correlationId?: string } | undefined {
  try {
    const input = z.safeParse(CheckoutInput, JSON.parse(detail.input ?? 'null'));
    if (input.success) return input.data;
  } catch {
    // Input omitted or truncated (EventBridge drops inputs over 248 KB): the execution name is the order id.
  }
  const name = z.safeParse(OrderId, detail.name);
  return name.success ? { orderId: name.data } : undefined;
}

/**
 * Reads a Step Functions "Execution Status Change" event (the body of an SQS message
 * from the backstop rule). Undefined for anything else: retrying cannot make it readable.
 */
export function endedExecutionOf(body: string): EndedExecution | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const event = z.safeParse(ExecutionStatusChangeEvent, parsed);
  if (!event.success) return undefined;
  const identity = identityOf(event.data.detail);
  return identity ? { executionArn: event.data.detail.executionArn, status: event.data.detail.status, ...identity } : undefined;
}
