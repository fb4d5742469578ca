import { sqsBatch } from '@shoplane/testing';
import type { SQSEvent } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { metrics } from '../adapters/dependencies.js';
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

    const response = await onExecutionEndedHandler(() => settlement)(sqsBatch(statusChange('TIMED_OUT')));

    expect(response.batchItemFailures).toEqual([]);
    expect(settlement.calls).toEqual([`failOrder ${orderId}`, `releaseReservation ${orderId}`, `refundPayment ${orderId}`]);
  });

  it('finds the order by the execution name when the event carries no input', async () => {
    const settlement = recordingSettlement();

    await onExecutionEndedHandler(() => settlement)(sqsBatch(statusChange('ABORTED', null)));

    expect(settlement.calls[0]).toBe(`failOrder ${orderId}`);
  });

  it('ignores a succeeded execution and drops what is not a status change, retrying neither', async () => {
    const settlement = recordingSettlement();

    const response = await onExecutionEndedHandler(() => settlement)(sqsBatch(statusChange('SUCCEEDED'), '{"detail-type":"OrderCreated"}', 'not json'));

    expect(response.batchItemFailures).toEqual([]);
    expect(settlement.calls).toEqual([]);
  });

  it('reports the message for a retry when orders cannot be reached', async () => {
    const settlement = recordingSettlement({ unavailable: true });

    const response = await onExecutionEndedHandler(() => settlement)(sqsBatch(statusChange('FAILED')));

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm-0' }]);
  });
});

describe('what the backstop counts', () => {
  afterEach(() => vi.restoreAllMocks());
  const onReceive = (batch: SQSEvent, receiveCount: number): SQSEvent => ({
    Records: batch.Records.map((record) => ({ ...record, attributes: { ...record.attributes, ApproximateReceiveCount: String(receiveCount) } })),
  });

  it('counts MessagesDeadLettered for an event it drops and for one it fails on the queue\'s last receive, not before', async () => {
    const counted = vi.spyOn(metrics, 'count');
    const handle = onExecutionEndedHandler(() => recordingSettlement({ unavailable: true }));

    await handle(sqsBatch('not json'));
    await handle(onReceive(sqsBatch(statusChange('FAILED')), 4));
    await handle(onReceive(sqsBatch(statusChange('FAILED')), 5));

    expect(counted.mock.calls).toEqual([['MessagesDeadLettered'], ['MessagesDeadLettered']]);
  });
});
