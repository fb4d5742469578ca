import type { StateMachineDefinition } from 'aws-local-stepfunctions';
import type { LocalEventBus, PutEventsEntry } from './event-bus.js';
import { FunctionNotFoundError, type FunctionRegistry } from './functions.js';
import { functionNameOf } from './lambda-api.js';
import type { TaskTokens } from './task-tokens.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type TaskHandler = (input: Json) => Promise<Json>;

/** A state as the runner reads it: the fields that decide how its Task runs. */
interface StateShape {
  Type: string;
  Resource?: string;
  TimeoutSeconds?: number;
  Retry?: unknown[];
  Branches?: Pick<StateMachineDefinition, 'States'>[];
  Iterator?: Pick<StateMachineDefinition, 'States'>;
  ItemProcessor?: Pick<StateMachineDefinition, 'States'>;
}

/** Every state, nested ones (Parallel branches, Map iterators) included, by name. */
export function allStates(definition: Pick<StateMachineDefinition, 'States'>): [string, StateShape][] {
  return Object.entries(definition.States as Record<string, StateShape>).flatMap(([name, state]): [string, StateShape][] => [
    [name, state],
    ...[...(state.Branches ?? []), ...(state.Iterator ? [state.Iterator] : []), ...(state.ItemProcessor ? [state.ItemProcessor] : [])].flatMap(allStates),
  ]);
}

/** An error as the Task reports it: `Error` is the name, `Cause` the message. */
function taskError(name: string, cause: string): Error {
  const error = new Error(cause);
  error.name = name;
  return error;
}

export interface TaskBackends {
  functions: Pick<FunctionRegistry, 'invoke'>;
  bus: Pick<LocalEventBus, 'put'>;
  tokens: TaskTokens;
}

export interface ExecutionIdentity {
  executionArn: string;
  /** The value the execution's context gives `$$.Task.Token`; replaced by a fresh token in each waiting Task's input. */
  tokenPlaceholder: string;
}

/** Invokes a local function as Lambda Invoke would: a thrown error becomes the Task's error, named as Lambda names it. */
async function invokeFunction(backends: TaskBackends, functionIdentifier: unknown, payload: unknown): Promise<Json> {
  const name = functionNameOf(String(functionIdentifier ?? ''));
  try {
    return JSON.parse(JSON.stringify((await backends.functions.invoke(name, payload ?? {})) ?? null)) as Json;
  } catch (error) {
    if (error instanceof FunctionNotFoundError) throw taskError('Lambda.ResourceNotFoundException', `Function not found: ${name}`);
    const errorType = error instanceof Error ? error.name : 'Error';
    const errorMessage = error instanceof Error ? error.message : String(error);
    // As AWS reports a function error: Error is the errorType, Cause the error payload.
    throw taskError(errorType, JSON.stringify({ errorType, errorMessage }));
  }
}

function replaceValue(value: Json, placeholder: string, replacement: string): Json {
  if (value === placeholder) return replacement;
  if (Array.isArray(value)) return value.map((item) => replaceValue(item, placeholder, replacement));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceValue(item, placeholder, replacement)]));
  }
  return value;
}

function field(input: Json, key: string): Json | undefined {
  return input !== null && typeof input === 'object' && !Array.isArray(input) ? input[key] : undefined;
}

function handlerFor(name: string, state: StateShape, backends: TaskBackends, execution: ExecutionIdentity): TaskHandler {
  const resource = state.Resource ?? '';
  if (/^arn:aws:lambda:[^:]+:[^:]+:function:/.test(resource)) {
    return (input) => invokeFunction(backends, resource, input);
  }
  switch (resource) {
    case 'arn:aws:states:::lambda:invoke':
      return async (input) => ({ ExecutedVersion: '$LATEST', Payload: await invokeFunction(backends, field(input, 'FunctionName'), field(input, 'Payload')), StatusCode: 200 });
    case 'arn:aws:states:::lambda:invoke.waitForTaskToken':
      return async (input) => {
        // Issued before the invocation: the outcome may be reported while the function still runs.
        const { token, result } = backends.tokens.issue({ executionArn: execution.executionArn, stateName: name, timeoutSeconds: state.TimeoutSeconds });
        // A SendTaskFailure that arrives while the function runs must not count as unhandled until it is awaited below.
        result.catch(() => undefined);
        // Each attempt of the Task gets its own token, as in AWS.
        const payload = replaceValue(field(input, 'Payload') ?? null, execution.tokenPlaceholder, token);
        try {
          await invokeFunction(backends, field(input, 'FunctionName'), payload);
        } catch (error) {
          backends.tokens.close(token);
          throw error;
        }
        return (await result) as Json;
      };
    case 'arn:aws:states:::events:putEvents':
      return async (input) => {
        const entries = (field(input, 'Entries') ?? []) as Array<Record<string, Json>>;
        const answer = backends.bus.put(
          entries.map((entry): PutEventsEntry => ({ ...entry, Detail: typeof entry['Detail'] === 'string' ? entry['Detail'] : JSON.stringify(entry['Detail']) }) as PutEventsEntry),
        );
        if (answer.FailedEntryCount > 0) throw taskError('EventBridge.FailedEntry', JSON.stringify(answer));
        return answer as unknown as Json;
      };
    default:
      throw new Error(`State ${name}: the local runtime does not run Task resource ${resource} (Lambda invoke, .waitForTaskToken and EventBridge PutEvents only)`);
  }
}

/** The local stand-in of every Task state, keyed by state name as aws-local-stepfunctions takes them. */
export function taskHandlers(definition: StateMachineDefinition, backends: TaskBackends, execution: ExecutionIdentity): Record<string, TaskHandler> {
  return Object.fromEntries(
    allStates(definition)
      .filter(([, state]) => state.Type === 'Task')
      .map(([name, state]) => [name, handlerFor(name, state, backends, execution)]),
  );
}

/** Every state with a Retry field, waiting `intervalMs` instead of its backoff (local runs need no real backoff). */
export function retryOverrides(definition: StateMachineDefinition, intervalMs: number): Record<string, number> {
  return Object.fromEntries(allStates(definition).filter(([, state]) => state.Retry).map(([name]) => [name, intervalMs]));
}
