import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  internalOperationKey,
  isCorrelationId,
  type InternalInput,
  type InternalOperation,
  type InternalOutput,
  type InternalResult,
  type Problem,
} from '@shoplane/contracts';
import { internalOperationVariable } from '@shoplane/manifest';
import type { Context } from 'aws-lambda';
import { requireEnv } from './config.js';
import { HttpError, ServiceUnavailableError, ValidationError } from './errors.js';
import { instrumented } from './instrumentation.js';
import type { Logger } from './logger.js';
import { problemTypeBase, toProblemResponse } from './problem.js';
import type { ProblemTable } from './problems.js';
import { tracedClient } from './tracing.js';
import { validateInput } from './validation.js';

export type InternalLambdaHandler = (payload: unknown, context?: Context) => Promise<InternalResult<unknown>>;

export interface InternalHandlerOptions {
  logger: Logger;
  /** The service's one domain-error → problem table (`src/problems.ts`). */
  problems: ProblemTable;
}

/** What an internal operation knows of its call besides its input. */
export interface InternalCall {
  /** The correlation id the caller passed along (the request that started the work), if any. */
  correlationId?: string;
}

/**
 * The caller's correlation id travels beside the input, as `correlationId` in the payload
 * (internalClient and the checkout saga's Tasks put it there). Operations' input schemas
 * are plain objects, so validation strips it from what the implementation sees.
 */
function correlationIdOf(payload: unknown): string | undefined {
  const value = payload && typeof payload === 'object' && 'correlationId' in payload ? payload.correlationId : undefined;
  return typeof value === 'string' && isCorrelationId(value) ? value : undefined;
}

/**
 * Serves an internal operation: validates the caller's input against the contract
 * and answers a result or the problem (a refused request is an answer, not a crash,
 * so callers get typed failures and the Lambda is not retried for it). Its log lines
 * carry the caller's correlation id.
 */
export function internalHandler<Op extends InternalOperation>(
  operation: Op,
  options: InternalHandlerOptions,
  implementation: (input: InternalInput<Op>, call: InternalCall) => Promise<InternalOutput<Op>>,
): InternalLambdaHandler {
  const key = internalOperationKey(operation);
  const { logger } = options;
  async function handle(payload: unknown): Promise<InternalResult<unknown>> {
    const correlationId = correlationIdOf(payload);
    if (correlationId) logger.appendKeys({ correlationId });
    try {
      const parsed = validateInput<Op['input']>(operation.input, payload);
      if (!parsed.success) throw new ValidationError(parsed.errors);
      return { ok: true, result: await implementation(parsed.data, correlationId ? { correlationId } : {}) };
    } catch (thrown) {
      const error = options.problems.toHttpError(thrown);
      if (!(error instanceof HttpError) || error.status >= 500) {
        logger.error(`internal operation ${key} failed`, error instanceof Error ? error : String(error));
        throw error;
      }
      logger.info(`internal operation ${key} refused`, { status: error.status, problemType: error.problemType });
      return { ok: false, problem: JSON.parse(toProblemResponse(error).body ?? '{}') as Problem };
    } finally {
      logger.removeKeys(['correlationId']);
    }
  }
  return instrumented(logger, handle);
}

/** A problem another service answered, surfaced to this service's caller unchanged. */
export class RemoteProblemError extends HttpError {
  constructor(problem: Problem) {
    super(problem.status, problem.type.replace(problemTypeBase, ''), { detail: problem.detail, errors: problem.errors });
  }
}

export interface InternalClient<Op extends InternalOperation> {
  /** `call.correlationId` travels with the input, so the operation's log lines carry it. */
  call(input: InternalInput<Op>, call?: InternalCall): Promise<InternalOutput<Op>>;
}

const lambda = tracedClient(new LambdaClient({}));

/** Calls another service's internal operation through Lambda Invoke (the local runtime serves the same API). */
export function internalClient<Op extends InternalOperation>(
  operation: Op,
  options: { env?: NodeJS.ProcessEnv; client?: LambdaClient } = {},
): InternalClient<Op> {
  const key = internalOperationKey(operation);
  const client = options.client ?? lambda;
  return {
    async call(input, call = {}) {
      const functionName = requireEnv(internalOperationVariable(key), options.env);
      let answer: InternalResult<unknown>;
      try {
        const response = await client.send(
          new InvokeCommand({ FunctionName: functionName, Payload: new TextEncoder().encode(JSON.stringify({ ...(input as object), ...call })) }),
        );
        const text = new TextDecoder().decode(response.Payload ?? new Uint8Array());
        if (response.FunctionError) throw new Error(`${key} failed: ${text}`);
        answer = JSON.parse(text) as InternalResult<unknown>;
      } catch (cause) {
        throw new ServiceUnavailableError(`${operation.service} could not be reached; try again.`, { cause });
      }
      if (!answer.ok) throw new RemoteProblemError(answer.problem);
      const result = validateInput<Op['output']>(operation.output, answer.result);
      if (!result.success) {
        throw new ServiceUnavailableError(`${key} answered outside its contract.`, { cause: new Error(JSON.stringify(result.errors)) });
      }
      return result.data;
    },
  };
}
