import { ExecutionAlreadyExists, StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import type { CheckoutExecutions } from '../domain/checkout-start.js';

/**
 * Executions of the checkout state machine, named after their order. Step Functions
 * answers a second start of a running execution with the same input as the first (and
 * ExecutionAlreadyExists for any other repeat), so a start never runs an order twice.
 */
export function stepFunctionsExecutions(client: Pick<SFNClient, 'send'>, stateMachineArn: string): CheckoutExecutions {
  return {
    async start(input) {
      try {
        await client.send(new StartExecutionCommand({ stateMachineArn, name: input.orderId, input: JSON.stringify(input) }));
        return 'started';
      } catch (error) {
        if (error instanceof ExecutionAlreadyExists) return 'already-started';
        throw error;
      }
    },
  };
}
