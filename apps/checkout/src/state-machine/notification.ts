import { sendNotification, type NotificationTemplate } from '@shoplane/contracts';
import { JsonPath, type IChainable } from 'aws-cdk-lib/aws-stepfunctions';
import type { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import type { OperationFunctions } from './operation-functions.js';
import { statePath } from './state.js';
import { operationTask } from './tasks.js';

export interface NotificationStepProps {
  template: Extract<NotificationTemplate, 'order-confirmation' | 'order-failure'>;
  /** The message text, with `{}` standing for the order id. */
  message: string;
  /** Where the saga goes on, whatever notifications answered. */
  next: IChainable;
  /** Send what was confirmed along (from ConfirmOrder's answer), so the message lists lines and total. */
  withConfirmedOrder?: boolean;
}

/**
 * SendNotification (DESIGN.md §5): tells the customer how their order ended. It keys the
 * message by order and template, as notifications does for the OrderConfirmed and
 * OrderFailed events, so the customer gets one message whichever arrives first. Its
 * answer never decides the order's outcome: a refusal or an error that outlasts the
 * retries goes on to `next` all the same (a paid order stays confirmed).
 */
export function notificationStep(scope: Construct, id: string, functions: OperationFunctions, props: NotificationStepProps): LambdaInvoke {
  const task = operationTask(scope, id, functions, {
    operation: sendNotification,
    payload: {
      userId: JsonPath.stringAt(statePath('order', 'result', 'userId')),
      type: 'EMAIL',
      orderId: JsonPath.stringAt(statePath('orderId')),
      template: props.template,
      message: JsonPath.format(props.message, JsonPath.stringAt(statePath('orderId'))),
      ...(props.withConfirmedOrder
        ? {
            order: {
              lines: JsonPath.listAt(statePath('confirmation', 'result', 'lines')),
              total: JsonPath.objectAt(statePath('confirmation', 'result', 'total')),
            },
          }
        : {}),
    },
    resultPath: statePath('notification'),
  });
  task.addCatch(props.next, { resultPath: JsonPath.DISCARD });
  task.next(props.next);
  return task;
}
