import { failOrder, refundPayment, releaseReservation, type OrderFailureReason } from '@shoplane/contracts';
import { Choice, Condition, Fail, JsonPath, Pass, Succeed, type IChainable, type TaskStateBase } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { OperationFunctions } from './operation-functions.js';
import { statePath, type CheckoutFailure } from './state.js';
import { notificationStep } from './notification.js';
import { operationTask } from './tasks.js';

export interface FailureProps extends Omit<CheckoutFailure, 'reason'> {
  /** The reason, or where in the state to read it (only where a Choice has checked it is one). */
  reason: OrderFailureReason | { path: string };
}

/** Where every kind of failure continues: fail the order, then undo what may have been done. */
export interface Compensation {
  /** A Pass state recording why the saga fails and what to undo, followed by the compensation. */
  failure(id: string, props: FailureProps): Pass;
}

/** Where a compensation step that keeps failing leaves its error (the forward steps use `$.error`). */
const compensationError = statePath('compensationError');

/**
 * The compensation, in this order:
 *
 * 1. FailOrder first. orders only fails an order that is CREATED or PAYMENT_PENDING (a
 *    CANCELLED one stays CANCELLED), so once it answers, the order can never be confirmed
 *    and undoing the rest is safe. If it refuses — the order is already CONFIRMED, e.g. a
 *    confirm whose answer was lost — nothing is undone: a paid, confirmed order keeps its
 *    payment and its stock.
 * 2. ReleaseReservation, when stock may be held (also after a reserve that errored:
 *    inventory records a release that arrives first, so a late reserve cannot hold stock).
 * 3. RefundPayment, when processPayment was invoked: refunds a capture, cancels a pending
 *    payment, answers NOTHING_TO_REFUND otherwise.
 *
 * Every step is idempotent and retried like the forward steps. A step that still fails
 * does not stop the others; the execution then ends FAILED (CompensationIncomplete), and
 * the backstop (on-execution-ended) runs the same three calls again.
 */
export function compensation(scope: Construct, functions: OperationFunctions): Compensation {
  const incomplete = new Fail(scope, 'CompensationIncomplete', {
    error: 'CheckoutCompensationIncomplete',
    causePath: `${compensationError}.Cause`,
  });
  const orderFailed = new Succeed(scope, 'OrderFailed', { comment: 'The order is FAILED (or stays CANCELLED) and nothing is held or charged for it.' });
  // The customer hears of a failed order; a cancelled one they cancelled themselves, and one never validated names nobody.
  const notifyFailure = new Choice(scope, 'ShouldNotifyFailure')
    .when(
      Condition.and(Condition.isPresent(statePath('order', 'result', 'userId')), Condition.stringEquals(statePath('failed', 'result', 'status'), 'FAILED')),
      notificationStep(scope, 'SendFailureNotification', functions, {
        template: 'order-failure',
        message: 'Your Shoplane order {} could not be completed, and you have not been charged for it.',
        next: orderFailed,
      }),
    )
    .otherwise(orderFailed);
  const checkComplete = new Choice(scope, 'CheckCompensationComplete')
    .when(Condition.isPresent(compensationError), incomplete)
    .otherwise(notifyFailure);

  const refund = operationTask(scope, 'RefundPayment', functions, {
    operation: refundPayment,
    payload: { orderId: JsonPath.stringAt(statePath('orderId')) },
    resultPath: statePath('refund'),
  });
  const refundRefused = new Pass(scope, 'RefundRefused', {
    parameters: { Error: 'RefundRefused', 'Cause.$': statePath('refund', 'problem', 'type') },
    resultPath: compensationError,
  });
  refund.addCatch(checkComplete, { resultPath: compensationError });
  refund.next(
    new Choice(scope, 'CheckRefunded')
      .when(Condition.booleanEquals(statePath('refund', 'ok'), true), checkComplete)
      .otherwise(refundRefused.next(checkComplete)),
  );
  const wasPaymentAttempted = new Choice(scope, 'WasPaymentAttempted')
    .when(Condition.booleanEquals(statePath('failure', 'paymentAttempted'), true), refund)
    .otherwise(checkComplete);

  // A refused release (already committed, already released) leaves nothing held: move on.
  const release = operationTask(scope, 'ReleaseReservation', functions, {
    operation: releaseReservation,
    payload: { reservationId: JsonPath.stringAt(statePath('orderId')) },
    resultPath: statePath('release'),
  });
  release.addCatch(wasPaymentAttempted, { resultPath: compensationError });
  release.next(wasPaymentAttempted);
  const isStockReserved = new Choice(scope, 'IsStockReserved')
    .when(Condition.booleanEquals(statePath('failure', 'reserved'), true), release)
    .otherwise(wasPaymentAttempted);

  const failTheOrder = operationTask(scope, 'FailOrder', functions, {
    operation: failOrder,
    payload: {
      orderId: JsonPath.stringAt(statePath('orderId')),
      reason: JsonPath.stringAt(statePath('failure', 'reason')),
      detail: JsonPath.stringAt(statePath('failure', 'detail')),
    },
    resultPath: statePath('failed'),
  });
  // Without an answer from orders the order might be CONFIRMED: undo nothing, leave it to the backstop.
  failTheOrder.addCatch(incomplete, { resultPath: compensationError });
  failTheOrder.next(
    new Choice(scope, 'CheckOrderFailed')
      .when(Condition.booleanEquals(statePath('failed', 'ok'), true), isStockReserved)
      .otherwise(
        new Fail(scope, 'OrderNotFailed', {
          error: 'CheckoutOrderNotFailed',
          cause: 'orders refused to fail the order (it is confirmed or unknown); nothing was undone.',
        }),
      ),
  );

  return {
    failure(id, props): Pass {
      const { reason, ...rest } = props;
      const reasonField = typeof reason === 'string' ? { reason } : { 'reason.$': reason.path };
      const recorded = new Pass(scope, id, { parameters: { ...reasonField, ...rest }, resultPath: statePath('failure') });
      recorded.next(failTheOrder);
      return recorded;
    },
  };
}

/** A forward Task whose error outlasts its retries goes on to `handler` with the error at `$.error`. */
export function catchInto(task: TaskStateBase, handler: IChainable, errors?: string[]): void {
  task.addCatch(handler, { resultPath: statePath('error'), ...(errors ? { errors } : {}) });
}
