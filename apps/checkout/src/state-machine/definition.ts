import {
  beginPayment,
  commitReservation,
  confirmOrder,
  OrderFailureReason,
  processPayment,
  reserveStock,
  validateOrder,
} from '@shoplane/contracts';
import type { Duration } from 'aws-cdk-lib';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { Choice, Condition, JsonPath, Succeed, type IChainable } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { catchInto, compensation } from './compensation.js';
import { checkoutCompletedDetail } from './analytics.js';
import { notificationStep } from './notification.js';
import type { OperationFunctions } from './operation-functions.js';
import { statePath } from './state.js';
import { operationTask, paymentTask, putEventTask } from './tasks.js';

export interface CheckoutDefinitionProps {
  functions: OperationFunctions;
  /** The platform bus, for the analytics event. */
  eventBus: IEventBus;
  /** How long the payment Task waits for payments to report the outcome. */
  paymentTimeout: Duration;
}

const orderId = () => JsonPath.stringAt(statePath('orderId'));
const answered = (key: 'order' | 'reservation' | 'paymentStart' | 'commit' | 'confirmation') => Condition.booleanEquals(statePath(key, 'ok'), true);
const refusedAs = (key: 'reservation', ...codes: string[]) =>
  Condition.or(...codes.map((code) => Condition.stringMatches(statePath(key, 'problem', 'type'), `*/${code}`)));
/** Only a value that is one of the reasons may become the order's failure reason. */
const isFailureReason = (path: string) => Condition.or(...OrderFailureReason.options.map((reason) => Condition.stringEquals(path, reason)));

/**
 * The checkout saga (DESIGN.md §5), forward:
 * ValidateOrder → ReserveStock → BeginPayment → ProcessPayment (waits for payments)
 * → UpdateInventory → ConfirmOrder → SendNotification → EmitAnalytics → OrderConfirmed.
 *
 * After each Task a Choice reads `ok`: a refusal is a business outcome and goes straight
 * to compensation with its reason; an error is retried (tasks.ts) and, if it persists,
 * caught into compensation as `internal-error` (`payment-unavailable` for the payment).
 */
export function checkoutDefinition(scope: Construct, props: CheckoutDefinitionProps): IChainable {
  const { functions } = props;
  const { failure } = compensation(scope, functions);

  const validate = operationTask(scope, 'ValidateOrder', functions, {
    operation: validateOrder,
    payload: { orderId: orderId() },
    resultPath: statePath('order'),
  });
  const reserve = operationTask(scope, 'ReserveStock', functions, {
    operation: reserveStock,
    // One reservation per order, named after it: a retried reserve is answered, never doubled.
    payload: { reservationId: orderId(), items: JsonPath.listAt(statePath('order', 'result', 'lines')) },
    resultPath: statePath('reservation'),
  });
  const begin = operationTask(scope, 'BeginPayment', functions, {
    operation: beginPayment,
    payload: { orderId: orderId() },
    resultPath: statePath('paymentStart'),
  });
  const pay = paymentTask(scope, 'ProcessPayment', functions, {
    operation: processPayment,
    payload: {
      orderId: orderId(),
      userId: JsonPath.stringAt(statePath('order', 'result', 'userId')),
      amount: JsonPath.objectAt(statePath('order', 'result', 'total')),
      method: JsonPath.stringAt(statePath('order', 'result', 'payment', 'method')),
      token: JsonPath.stringAt(statePath('order', 'result', 'payment', 'token')),
      taskToken: JsonPath.taskToken,
    },
    resultPath: statePath('payment'),
    timeout: props.paymentTimeout,
  });
  const commit = operationTask(scope, 'UpdateInventory', functions, {
    operation: commitReservation,
    payload: { reservationId: orderId() },
    resultPath: statePath('commit'),
  });
  const confirm = operationTask(scope, 'ConfirmOrder', functions, {
    operation: confirmOrder,
    payload: { orderId: orderId(), paymentId: JsonPath.stringAt(statePath('payment', 'paymentId')) },
    resultPath: statePath('confirmation'),
  });
  const emit = putEventTask(scope, 'EmitAnalytics', {
    eventBus: props.eventBus,
    source: 'shoplane.checkout',
    detailType: 'CheckoutCompleted',
    detail: checkoutCompletedDetail(),
  });
  const confirmed = new Succeed(scope, 'OrderConfirmed', { comment: 'Paid, stock committed, order CONFIRMED.' });

  const nothingDone = { reserved: false, paymentAttempted: false };
  const stockHeld = { reserved: true, paymentAttempted: false };
  const paymentMade = { reserved: true, paymentAttempted: true };

  catchInto(validate, failure('ValidateOrderFailed', { reason: 'internal-error', detail: 'The order could not be validated.', ...nothingDone }));
  validate.next(
    new Choice(scope, 'CheckOrderValid')
      .when(answered('order'), reserve)
      .otherwise(failure('OrderInvalid', { reason: 'invalid-order', detail: 'The order cannot be paid for.', ...nothingDone })),
  );

  // A reserve that errored may still have reserved: release it (a refusal reserved nothing).
  catchInto(reserve, failure('ReserveStockFailed', { reason: 'internal-error', detail: 'Stock could not be reserved.', ...stockHeld }));
  reserve.next(
    new Choice(scope, 'CheckStockReserved')
      .when(answered('reservation'), begin)
      .when(refusedAs('reservation', 'insufficient-stock', 'unknown-product'), failure('OutOfStock', { reason: 'out-of-stock', detail: 'Some items are out of stock.', ...nothingDone }))
      .otherwise(failure('ReservationRefused', { reason: 'invalid-order', detail: 'Inventory refused the order lines.', ...nothingDone })),
  );

  catchInto(begin, failure('BeginPaymentFailed', { reason: 'internal-error', detail: 'Payment could not be started.', ...stockHeld }));
  begin.next(
    new Choice(scope, 'CheckPaymentBegun')
      .when(answered('paymentStart'), pay)
      // The customer's cancel won the race: orders keeps the order CANCELLED whatever reason failOrder gets.
      .otherwise(failure('OrderCancelled', { reason: 'invalid-order', detail: 'The order was cancelled before payment.', ...stockHeld })),
  );

  catchInto(pay, failure('PaymentTimedOut', { reason: 'payment-timeout', detail: 'The payment was not completed in time.', ...paymentMade }), ['States.Timeout']);
  catchInto(
    pay,
    new Choice(scope, 'ClassifyPaymentError')
      .when(isFailureReason(statePath('error', 'Error')), failure('PaymentRefused', { reason: { path: statePath('error', 'Error') }, detail: 'The payment failed.', ...paymentMade }))
      .otherwise(failure('PaymentUnavailable', { reason: 'payment-unavailable', detail: 'The payment provider could not be reached.', ...paymentMade })),
  );
  pay.next(
    new Choice(scope, 'CheckPaymentCaptured')
      .when(Condition.stringEquals(statePath('payment', 'status'), 'CAPTURED'), commit)
      .when(
        Condition.and(Condition.stringEquals(statePath('payment', 'status'), 'DECLINED'), Condition.isPresent(statePath('payment', 'reason')), isFailureReason(statePath('payment', 'reason'))),
        failure('PaymentDeclinedWithReason', { reason: { path: statePath('payment', 'reason') }, detail: 'The payment was declined.', ...paymentMade }),
      )
      .when(Condition.stringEquals(statePath('payment', 'status'), 'DECLINED'), failure('PaymentDeclined', { reason: 'payment-declined', detail: 'The payment was declined.', ...paymentMade }))
      .otherwise(failure('PaymentNotCaptured', { reason: 'internal-error', detail: 'The payment ended without a capture.', ...paymentMade })),
  );

  catchInto(commit, failure('UpdateInventoryFailed', { reason: 'internal-error', detail: 'The stock could not be committed.', ...paymentMade }));
  commit.next(
    new Choice(scope, 'CheckInventoryCommitted')
      .when(answered('commit'), confirm)
      .otherwise(failure('CommitRefused', { reason: 'internal-error', detail: 'Inventory no longer held the stock.', ...paymentMade })),
  );

  const notify = notificationStep(scope, 'SendNotification', functions, {
    template: 'order-confirmation',
    message: 'Your Shoplane order {} is paid and confirmed. Thank you!',
    next: emit,
    withConfirmedOrder: true,
  });

  catchInto(confirm, failure('ConfirmOrderFailed', { reason: 'internal-error', detail: 'The order could not be confirmed.', ...paymentMade }));
  confirm.next(
    new Choice(scope, 'CheckOrderConfirmed')
      .when(answered('confirmation'), notify)
      .otherwise(failure('ConfirmRefused', { reason: 'internal-error', detail: 'orders refused to confirm the order.', ...paymentMade })),
  );

  // The order is confirmed: an analytics event that cannot be sent must not undo it.
  emit.addCatch(confirmed, { resultPath: JsonPath.DISCARD });
  emit.next(confirmed);

  return validate;
}
