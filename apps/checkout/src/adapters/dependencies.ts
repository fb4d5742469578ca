import { SFNClient } from '@aws-sdk/client-sfn';
import { failOrder, refundPayment, releaseReservation } from '@shoplane/contracts';
import { createLogger, internalClient, metricsOf, once, requireEnv, tracedClient } from '@shoplane/lambda-kit';
import { orchestrator } from '../service.js';
import { stepFunctionsExecutions } from './executions.js';
import { internalOrderSettlement } from './order-settlement.js';

export const logger = createLogger('checkout');
/** MessagesDeadLettered (the backstop; start-checkout's come from its subscription). */
export const metrics = metricsOf(logger);
const stepFunctions = tracedClient(new SFNClient({}));

/** Wired once per container, on first use, from the environment the stack provides. */
export const executions = once(() => stepFunctionsExecutions(stepFunctions, requireEnv(orchestrator.stateMachine.arnVariable)));

export const settlement = once(() =>
  internalOrderSettlement({
    failOrder: internalClient(failOrder),
    releaseReservation: internalClient(releaseReservation),
    refundPayment: internalClient(refundPayment),
  }),
);
