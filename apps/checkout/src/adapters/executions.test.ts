import { ExecutionAlreadyExists, StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { stepFunctionsExecutions } from './executions.js';

const stateMachineArn = 'arn:aws:states:us-east-1:000000000000:stateMachine:shoplane-dev-checkout';
const input = { orderId: 'ord_01JD8Z4M6Q5J3K2N1P0R9S8T7V', correlationId: 'corr-1' };

/** Stands in for Step Functions (outside the system): names are unique per state machine. */
function stepFunctions(options: { unavailable?: boolean } = {}) {
  const commands: StartExecutionCommand[] = [];
  const names = new Set<string>();
  const client: Pick<SFNClient, 'send'> = {
    send: async (command: unknown) => {
      if (!(command instanceof StartExecutionCommand)) throw new Error('unexpected command');
      commands.push(command);
      if (options.unavailable) throw new Error('connect ECONNREFUSED');
      const name = command.input.name ?? '';
      if (names.has(name)) throw new ExecutionAlreadyExists({ message: `Execution Already Exists: '${name}'`, $metadata: {} });
      names.add(name);
      return { executionArn: `${stateMachineArn}:${name}`, startDate: new Date() };
    },
  } as Pick<SFNClient, 'send'>;
  return { client, commands };
}

describe('stepFunctionsExecutions', () => {
  it('starts an execution named after the order, with the checkout input', async () => {
    const { client, commands } = stepFunctions();

    const outcome = await stepFunctionsExecutions(client, stateMachineArn).start(input);

    expect(outcome).toBe('started');
    expect(commands[0]?.input).toEqual({ stateMachineArn, name: input.orderId, input: JSON.stringify(input) });
  });

  it('answers already-started when Step Functions has an execution of that name', async () => {
    const { client } = stepFunctions();
    const executions = stepFunctionsExecutions(client, stateMachineArn);
    await executions.start(input);

    expect(await executions.start(input)).toBe('already-started');
  });

  it('lets any other failure through, so the event is retried', async () => {
    const { client } = stepFunctions({ unavailable: true });

    await expect(stepFunctionsExecutions(client, stateMachineArn).start(input)).rejects.toThrow('ECONNREFUSED');
  });
});
