import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { OrderSettlement } from '../domain/backstop.js';
import { onExecutionEndedHandler } from './on-execution-ended.js';

const orderId = 'ord_01JD8Z4M6Q5J3K2N1P0R9S8T7V';
const executionArn = `arn:aws:states:us-east-1:000000000000:execution:shoplane-dev-checkout:${orderId}`;

/** The event Step Functions puts on the default bus, as the backstop queue delivers it. */
function statusChange(status: string, input: string | null = JSON.stringify({ orderId, correlationId: 'corr-1' })) {
  return JSON.stringify({
    version: '0',
    id: 'eb-1',
    'detail-type': 'Step Functions Execution Status Change',
    source: 'aws.states',
    detail: { executionArn, stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:shoplane-dev-checkout', name: orderId, status, input },
  });
}

function messages(...bodies: string[]): SQSEvent {
  return {
    Records: bodies.map((body, index) => ({
      messageId: `message-${index}`,
      receiptHandle: 'receipt',
      body,
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 'events', ApproximateFirstReceiveTimestamp: '0' },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:checkout-backstop',
      awsRegion: 'us-east-1',
    })),
  };
}

function recordingSettlement(options: { unavailable?: boolean } = {}): OrderSettlement & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    failOrder: async (id) => {
      calls.push(`failOrder ${id}`);
      if (options.unavailable) throw new Error('orders could not be reached');
      return 'FAILED';
    },
    releaseReservation: async (id) => (calls.push(`releaseReservation ${id}`), 'released'),
    refundPayment: async (id) => (calls.push(`refundPayment ${id}`), 'NOTHING_TO_REFUND'),
  };
}

describe('on-execution-ended (the backstop)', () => {
  it('settles the order of a timed-out execution', async () => {
    const settlement = recordingSettlement();

    const response = await onExecutionEndedHandler(() => settlement)(messages(statusChange('TIMED_OUT')));

    expect(response.batchItemFailures).toEqual([]);
    expect(settlement.calls).toEqual([`failOrder ${orderId}`, `releaseReservation ${orderId}`, `refundPayment ${orderId}`]);
  });

  it('finds the order by the execution name when the event carries no input', async () => {
    const settlement = recordingSettlement();

    await onExecutionEndedHandler(() => settlement)(messages(statusChange('ABORTED', null)));

    expect(settlement.calls[0]).toBe(`failOrder ${orderId}`);
  });

  it('ignores a succeeded execution and drops what is not a status change, retrying neither', async () => {
    const settlement = recordingSettlement();

    const response = await onExecutionEndedHandler(() => settlement)(messages(statusChange('SUCCEEDED'), '{"detail-type":"OrderCreated"}', 'not json'));

    expect(response.batchItemFailures).toEqual([]);
    expect(settlement.calls).toEqual([]);
  });

  it('reports the message for a retry when orders cannot be reached', async () => {
    const settlement = recordingSettlement({ unavailable: true });

    const response = await onExecutionEndedHandler(() => settlement)(messages(statusChange('FAILED')));

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'message-0' }]);
  });
});
