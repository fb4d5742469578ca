import { randomUUID } from 'node:crypto';
import type { StateMachine as LocalStateMachine, StateMachineDefinition } from 'aws-local-stepfunctions';

type Library = typeof import('aws-local-stepfunctions');
import { localAccountId } from './aws-identity.js';
import { localRegion } from './dynamodb-local.js';
import type { LocalEventBus } from './event-bus.js';
import { executionView, recordEvent, type ExecutionLogEvent, type ExecutionRecord, type ExecutionStatus } from './execution-record.js';
import type { FunctionRegistry } from './functions.js';
import type { LocalLog } from './log.js';
import { ensurePromiseWithResolvers } from './promise-polyfill.js';
import { retryOverrides, taskHandlers, type TaskBackends } from './state-machine-tasks.js';
import { StepFunctionsError, TaskTokens } from './task-tokens.js';

export interface LocalStateMachinesOptions {
  functions: Pick<FunctionRegistry, 'invoke'>;
  bus: Pick<LocalEventBus, 'put'>;
  log: LocalLog;
  /** Replaces every Retry wait (backoff and jitter) with this many milliseconds; unset keeps the definition's. */
  retryIntervalMs?: number;
}

interface Machine {
  arn: string;
  name: string;
  definition: StateMachineDefinition;
  runner: LocalStateMachine;
}

interface Execution {
  record: ExecutionRecord;
  abort(): void;
  ended: Promise<void>;
}

const historySize = 200;
const executionNamePattern = /^[A-Za-z0-9_-]{1,80}$/;
export const executionStatusChange = 'Step Functions Execution Status Change';

/**
 * Standard state machines run in this process by aws-local-stepfunctions, from the very
 * definitions the stacks synthesize. Offers what the Step Functions API does for them
 * (StartExecution with unique names, DescribeExecution, StopExecution, task tokens) and
 * reports each status change on the bus as Step Functions does on EventBridge.
 */
export class LocalStateMachines {
  private readonly machines = new Map<string, Machine>();
  private readonly executionsByArn = new Map<string, Execution>();
  private readonly tokens = new TaskTokens();
  private library?: Library;
  private stopped = false;

  constructor(private readonly options: LocalStateMachinesOptions) {}

  async register(machine: { arn: string; name: string; definition: StateMachineDefinition }): Promise<void> {
    ensurePromiseWithResolvers();
    // Loaded on first use: it pulls in the Lambda SDK, which a shop without state machines never needs.
    this.library ??= await import('aws-local-stepfunctions');
    const { StateMachine } = this.library;
    // Fails now, not at the first execution, on a definition or a Task this runtime cannot run.
    const runner = new StateMachine(machine.definition, { validationOptions: { checkArn: true, checkPaths: true } });
    taskHandlers(machine.definition, this.backends, { executionArn: '', tokenPlaceholder: '' });
    this.machines.set(machine.arn, { ...machine, runner });
  }

  get stateMachineArns(): string[] {
    return [...this.machines.keys()];
  }

  start(request: { stateMachineArn: string; name?: string; input?: string }): { executionArn: string; startDate: Date } {
    const machine = this.machines.get(request.stateMachineArn);
    if (!machine) throw new StepFunctionsError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${request.stateMachineArn}'`);
    const name = request.name ?? randomUUID();
    if (!executionNamePattern.test(name)) throw new StepFunctionsError('InvalidName', `Invalid Name: '${name}'`);
    const input = request.input ?? '{}';
    let parsedInput: unknown;
    try {
      parsedInput = JSON.parse(input);
    } catch {
      throw new StepFunctionsError('InvalidExecutionInput', 'Invalid State Machine Execution Input: the input is not JSON.');
    }
    const executionArn = `arn:aws:states:${localRegion}:${localAccountId}:execution:${machine.name}:${name}`;
    const existing = this.executionsByArn.get(executionArn);
    if (existing) {
      // As in AWS: the same request for a running execution is answered again; any other repeat is refused.
      if (existing.record.status === 'RUNNING' && existing.record.input === input) return { executionArn, startDate: existing.record.startDate };
      throw new StepFunctionsError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    if (this.stopped) throw new StepFunctionsError('ServiceUnavailable', 'The local runtime is stopping.');
    const execution = this.run(machine, { executionArn, name, input, parsedInput });
    this.executionsByArn.set(executionArn, execution);
    this.forgetOldExecutions();
    return { executionArn, startDate: execution.record.startDate };
  }

  describe(executionArn: string): ExecutionRecord {
    return { ...this.find(executionArn).record };
  }

  stopExecution(executionArn: string): { stopDate: Date } {
    const execution = this.find(executionArn);
    if (execution.record.status === 'RUNNING') execution.abort();
    return { stopDate: execution.record.stopDate ?? new Date() };
  }

  sendTaskSuccess(token: string, output: string): void {
    this.tokens.succeed(token, output);
  }

  sendTaskFailure(token: string, error: string, cause: string): void {
    this.tokens.fail(token, error, cause);
  }

  sendTaskHeartbeat(token: string): void {
    this.tokens.heartbeat(token);
  }

  /** Every kept execution, newest first, for `/__local/executions`. */
  get executions(): ReturnType<typeof executionView>[] {
    return [...this.executionsByArn.values()].reverse().map((execution) => executionView(execution.record, this.tokens.waiting(execution.record.executionArn)));
  }

  /** How many executions are running (waiting for a task token included). */
  get running(): number {
    return [...this.executionsByArn.values()].filter((execution) => execution.record.status === 'RUNNING').length;
  }

  /** Resolves once the execution has ended and its status change is on the bus. */
  async ended(executionArn: string): Promise<ExecutionRecord> {
    const execution = this.find(executionArn);
    await execution.ended;
    return { ...execution.record };
  }

  /** Aborts what still runs; used when the shop stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    const running = [...this.executionsByArn.values()].filter((execution) => execution.record.status === 'RUNNING');
    for (const execution of running) execution.abort();
    await Promise.all(running.map((execution) => execution.ended));
  }

  private get backends(): TaskBackends {
    return { functions: this.options.functions, bus: this.options.bus, tokens: this.tokens };
  }

  private find(executionArn: string): Execution {
    const execution = this.executionsByArn.get(executionArn);
    if (!execution) throw new StepFunctionsError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return execution;
  }

  private run(machine: Machine, start: { executionArn: string; name: string; input: string; parsedInput: unknown }): Execution {
    const record: ExecutionRecord = {
      executionArn: start.executionArn,
      stateMachineArn: machine.arn,
      name: start.name,
      status: 'RUNNING',
      startDate: new Date(),
      input: start.input,
      states: [],
    };
    const tokenPlaceholder = `local-task-token-of-${start.executionArn}`;
    const context = {
      Execution: { Id: start.executionArn, Name: start.name, RoleArn: `arn:aws:iam::${localAccountId}:role/${machine.name}` },
      StateMachine: { Id: machine.arn, Name: machine.name },
      // Read when a state's parameters are evaluated, which is when the state is entered.
      State: {
        get EnteredTime() {
          return new Date().toISOString();
        },
      },
      Task: { Token: tokenPlaceholder },
    };
    const run = machine.runner.run(start.parsedInput as never, {
      context,
      overrides: {
        taskResourceLocalHandlers: taskHandlers(machine.definition, this.backends, { executionArn: start.executionArn, tokenPlaceholder }) as never,
        ...(this.options.retryIntervalMs === undefined ? {} : { retryIntervalOverrides: retryOverrides(machine.definition, this.options.retryIntervalMs) }),
      },
    });
    this.publishStatus(record);
    const history = (async () => {
      for await (const event of run.eventLogs) recordEvent(record, event as ExecutionLogEvent);
    })();
    const ended = run.result
      .then((output) => this.finish(record, 'SUCCEEDED', { output: JSON.stringify(output ?? null) }))
      .catch((error: unknown) => this.finish(record, ...this.outcomeOf(error)))
      .then(() => history)
      .then(() => {
        this.tokens.closeExecution(record.executionArn);
        this.publishStatus(record);
      })
      .catch((error: unknown) => this.options.log.error(`Execution ${record.executionArn} could not be recorded:`, error));
    return { record, abort: run.abort, ended };
  }

  private finish(record: ExecutionRecord, status: ExecutionStatus, details: { output?: string; error?: string; cause?: string }): void {
    record.status = status;
    record.stopDate = new Date();
    Object.assign(record, details);
    const summary = status === 'SUCCEEDED' ? '' : `: ${details.error ?? ''} ${details.cause ?? ''}`;
    this.options.log.info(`execution ${record.name} of ${record.stateMachineArn.split(':').pop() ?? ''} ${status}${summary}`);
  }

  /** The event Step Functions puts on the default bus for every status change (the backstop's trigger). */
  private publishStatus(record: ExecutionRecord): void {
    const detail = {
      executionArn: record.executionArn,
      stateMachineArn: record.stateMachineArn,
      name: record.name,
      status: record.status,
      startDate: record.startDate.getTime(),
      stopDate: record.stopDate?.getTime() ?? null,
      input: record.input,
      inputDetails: { included: true },
      output: record.output ?? null,
      outputDetails: record.output === undefined ? null : { included: true },
      error: record.error ?? null,
      cause: record.cause ?? null,
    };
    this.options.bus.put([{ Source: 'aws.states', DetailType: executionStatusChange, Detail: JSON.stringify(detail), Resources: [record.executionArn] }]);
  }

  private forgetOldExecutions(): void {
    for (const [arn, execution] of this.executionsByArn) {
      if (this.executionsByArn.size <= historySize) return;
      if (execution.record.status !== 'RUNNING') this.executionsByArn.delete(arn);
    }
  }

  /** How an execution ended, from what aws-local-stepfunctions rejected with. */
  private outcomeOf(error: unknown): [ExecutionStatus, { error?: string; cause?: string }] {
    if (this.library && error instanceof this.library.ExecutionTimeoutError) {
      return ['TIMED_OUT', { error: 'States.Timeout', cause: 'The execution ran longer than its TimeoutSeconds.' }];
    }
    if (this.library && error instanceof this.library.ExecutionAbortedError) return ['ABORTED', {}];
    // An ExecutionError wraps what ended the execution: a Fail state's Error/Cause, or an uncaught Task error.
    const failure = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    return ['FAILED', { error: failure instanceof Error ? failure.name : 'Error', cause: failure instanceof Error ? failure.message : String(failure) }];
  }
}
