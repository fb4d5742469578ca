import type { CheckoutCompleted } from '@shoplane/contracts';
import type { IResolvable } from 'aws-cdk-lib';
import { JsonPath } from 'aws-cdk-lib/aws-stepfunctions';
import { statePath } from './state.js';

/** The event's shape with JSONPath references for values: a missing or misspelt field does not compile. */
type Template<T> = {
  [K in keyof T]: T[K] extends string ? string : T[K] extends readonly unknown[] ? unknown : T[K] extends object ? Template<T[K]> | IResolvable : unknown;
};

/**
 * The CheckoutCompleted envelope (contracts/events.ts), filled from the state. Its event
 * id is `evt_` + the order id's ULID: deterministic, so a retried PutEvents carries the
 * same id and analytics, which dedupes by eventId, counts the checkout once.
 */
export function checkoutCompletedDetail(): Record<string, unknown> {
  const orderUlid = JsonPath.arrayGetItem(JsonPath.stringSplit(JsonPath.stringAt(statePath('orderId')), '_'), 1);
  const detail: Template<CheckoutCompleted> = {
    eventId: JsonPath.format('evt_{}', orderUlid),
    eventType: 'CheckoutCompleted',
    source: 'shoplane.checkout',
    occurredAt: JsonPath.stringAt('$$.State.EnteredTime'),
    correlationId: JsonPath.stringAt(statePath('correlationId')),
    data: {
      orderId: JsonPath.stringAt(statePath('orderId')),
      userId: JsonPath.stringAt(statePath('order', 'result', 'userId')),
      paymentId: JsonPath.stringAt(statePath('payment', 'paymentId')),
      total: JsonPath.objectAt(statePath('order', 'result', 'total')),
      lines: JsonPath.listAt(statePath('order', 'result', 'lines')),
      startedAt: JsonPath.stringAt('$$.Execution.StartTime'),
    },
  };
  return detail;
}
