import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  InvalidToken,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  TaskDoesNotExist,
} from '@aws-sdk/client-sfn';
import type { StateMachineDefinition } from 'aws-local-stepfunctions';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startControlPlane, type ControlPlane } from './control-plane.js';
import { localCredentials, localRegion } from './dynamodb-local.js';
import { LocalEventBus } from './event-bus.js';
import { FunctionRegistry, noGrants } from './functions.js';
import { silentLog } from './log.js';
import { executionStatusChange, LocalStateMachines } from './state-machines.js';

const arn = 'arn:aws:states:us-east-1:000000000000:stateMachine:shoplane-local-approvals';
const fn = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;

/** Asks for approval (waits for a task token), then records the answer; a refusal reported with SendTaskFailure is caught. */
const definition: StateMachineDefinition = {
  StartAt: 'AskForApproval',
  States: {
    AskForApproval: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: fn('ask'), Payload: { 'request.$': '$.request', 'taskToken.$': '$$.Task.Token' } },
      ResultPath: '$.approval',
      TimeoutSeconds: 30,
      Catch: [{ ErrorEquals: ['Refused'], ResultPath: '$.refusal', Next: 'Refused' }],
      Next: 'Record',
    },
    Record: { Type: 'Task', Resource: fn('record'), Parameters: { 'approval.$': '$.approval' }, ResultPath: '$.recorded', End: true },
    Refused: { Type: 'Fail', Error: 'RequestRefused', CausePath: '$.refusal.Cause' },
  },
};

const tokens = new Map<string, string>();
const recorded: unknown[] = [];
let controlPlane: ControlPlane;
let bus: LocalEventBus;
let machines: LocalStateMachines;
let sfn: SFNClient;

beforeAll(async () => {
  const functions = new FunctionRegistry();
  const backstopInbox: unknown[] = [];
  functions.add({
    ...noGrants,
    name: 'ask',
    service: 'approvals',
    handler: 'ask',
    run: async (event) => {
      const { request, taskToken } = event as { request: string; taskToken: string };
      tokens.set(request, taskToken);
      // As payments does for an outcome it knows at once: reported before the function returns.
      if (request.startsWith('answered-at-once')) await sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ approvedBy: 'the asker' }) }));
      if (request.startsWith('refused-at-once')) await sfn.send(new SendTaskFailureCommand({ taskToken, error: 'Refused', cause: 'at once' }));
      await new Promise((resolve) => setTimeout(resolve, 20));
    },
  });
  functions.add({ ...noGrants, name: 'record', service: 'approvals', handler: 'record', run: (event) => (recorded.push(event), { ok: true }) });
  functions.add({ ...noGrants, name: 'watch', service: 'approvals', handler: 'watch', run: (event) => void backstopInbox.push(event) });
  bus = new LocalEventBus({
    busName: 'shoplane-local',
    subscriptions: [{ functionName: 'watch', eventTypes: [executionStatusChange], queueName: 'watch' }],
    invoke: (name, event) => functions.invoke(name, event),
    log: silentLog,
  });
  machines = new LocalStateMachines({ functions, bus, log: silentLog, retryIntervalMs: 0 });
  await machines.register({ arn, name: 'shoplane-local-approvals', definition });
  controlPlane = await startControlPlane({ parameters: new Map(), secrets: new Map(), bus, functions, stateMachines: machines, log: silentLog });
  sfn = new SFNClient({ endpoint: controlPlane.endpoint, region: localRegion, credentials: localCredentials, maxAttempts: 1 });
});
afterAll(async () => {
  await machines.stop();
  bus.stop();
  await controlPlane.close();
});

const eventually = { timeout: 10_000, interval: 20 };
const start = (name: string, request = name) => sfn.send(new StartExecutionCommand({ stateMachineArn: arn, name, input: JSON.stringify({ request }) }));
const tokenFor = async (request: string) => {
  await vi.waitFor(() => expect(tokens.get(request)).toBeDefined(), eventually);
  return tokens.get(request) ?? '';
};

describe('Step Functions on the local AWS endpoint, through @aws-sdk/client-sfn', () => {
  it('starts an execution, waits for its task token and finishes with the output SendTaskSuccess delivered', async () => {
    // Act
    const { executionArn } = await start('exec-ok');
    await sfn.send(new SendTaskSuccessCommand({ taskToken: await tokenFor('exec-ok'), output: JSON.stringify({ approvedBy: 'ada' }) }));
    await machines.ended(executionArn ?? '');
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));

    // Assess
    expect(executionArn).toBe('arn:aws:states:us-east-1:000000000000:execution:shoplane-local-approvals:exec-ok');
    expect(described).toMatchObject({ status: 'SUCCEEDED', name: 'exec-ok', stateMachineArn: arn, input: JSON.stringify({ request: 'exec-ok' }) });
    expect(described.startDate).toBeInstanceOf(Date);
    expect(JSON.parse(described.output ?? '{}')).toMatchObject({ approval: { approvedBy: 'ada' }, recorded: { ok: true } });
  });

  it('answers the same start of a running execution again, and refuses any other start of that name', async () => {
    // Prepare
    const first = await start('exec-twice');

    // Act
    const again = await start('exec-twice');
    const otherInput = start('exec-twice', 'something else');

    // Assess
    expect(again.executionArn).toBe(first.executionArn);
    await expect(otherInput).rejects.toBeInstanceOf(ExecutionAlreadyExists);
    await sfn.send(new SendTaskSuccessCommand({ taskToken: await tokenFor('exec-twice'), output: '{}' }));
    await machines.ended(first.executionArn ?? '');
    await expect(start('exec-twice')).rejects.toBeInstanceOf(ExecutionAlreadyExists);
  });

  it('fails the waiting Task with the error SendTaskFailure reports, so its Catch applies', async () => {
    // Act
    const { executionArn } = await start('exec-refused');
    await sfn.send(new SendTaskFailureCommand({ taskToken: await tokenFor('exec-refused'), error: 'Refused', cause: 'not today' }));
    const ended = await machines.ended(executionArn ?? '');

    // Assess
    expect(ended).toMatchObject({ status: 'FAILED', error: 'RequestRefused', cause: 'not today' });
    expect(ended.states.find((visit) => visit.name === 'AskForApproval')?.caught).toEqual({ error: 'Refused', next: 'Refused' });
  });

  it.each([
    ['answered-at-once', { status: 'SUCCEEDED' }],
    ['refused-at-once', { status: 'FAILED', error: 'RequestRefused', cause: 'at once' }],
  ])('takes an outcome reported while the invoked function still runs (%s)', async (name, outcome) => {
    // Act
    const { executionArn } = await start(name);
    const ended = await machines.ended(executionArn ?? '');

    // Assess
    expect(ended).toMatchObject(outcome);
  });

  it('puts every status change on the bus as Step Functions does on EventBridge', async () => {
    // Act
    const { executionArn } = await start('exec-events');
    await sfn.send(new SendTaskSuccessCommand({ taskToken: await tokenFor('exec-events'), output: '{}' }));
    await machines.ended(executionArn ?? '');
    await bus.drain();

    // Assess
    const statuses = bus.events
      .filter((logged) => logged.event['detail-type'] === executionStatusChange)
      .map((logged) => logged.event.detail as { executionArn: string; status: string })
      .filter((detail) => detail.executionArn === executionArn)
      .map((detail) => detail.status);
    expect(statuses).toEqual(['RUNNING', 'SUCCEEDED']);
    expect(bus.events.find((logged) => logged.event['detail-type'] === executionStatusChange)?.event.source).toBe('aws.states');
  });

  it('refuses task tokens it never issued and executions that do not exist, with the AWS errors', async () => {
    // Act / Assess
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: 'AQnotatokenthisruntimeissued', output: '{}' }))).rejects.toBeInstanceOf(TaskDoesNotExist);
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: 'garbage', output: '{}' }))).rejects.toBeInstanceOf(InvalidToken);
    await expect(sfn.send(new DescribeExecutionCommand({ executionArn: `${arn.replace('stateMachine', 'execution')}:nope` }))).rejects.toBeInstanceOf(ExecutionDoesNotExist);
  });
});
