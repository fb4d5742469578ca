import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { epochSeconds, readRequestBody, sendAwsJson, sendAwsJsonError } from './aws-wire.js';
import { localAccountId } from './aws-identity.js';
import { localRegion } from './dynamodb-local.js';
import { PutEventsValidationError, type PutEventsEntry, type LocalEventBus } from './event-bus.js';
import type { FunctionRegistry, LocalFunction } from './functions.js';
import { handleInvoke, invokePath } from './lambda-api.js';
import type { LocalLog } from './log.js';
import { serveMessaging } from './messaging-api.js';
import type { LocalOutbox } from './outbox.js';
import { accessDeniedMessage, isAllowed, type LocalAccess } from './permissions.js';
import type { LocalQueue } from './local-queues.js';
import { stepFunctionsOperations } from './sfn-api.js';
import { sqsOperations } from './sqs-api.js';
import type { LocalStateMachines } from './state-machines.js';

/**
 * The slice of AWS the Lambdas' own adapters call, on a loopback port, so their real
 * SDK code runs unchanged: SSM GetParameter(s), Secrets Manager GetSecretValue,
 * EventBridge PutEvents, Lambda Invoke, SES v2 SendEmail and SNS Publish (into the
 * outbox, messaging-api.ts) and, for the local state machines, Step Functions
 * (StartExecution, DescribeExecution, StopExecution, SendTask*) and SQS SendMessage into the
 * manifests' queues (sqs-api.ts). The SDK is pointed here by
 * `AWS_ENDPOINT_URL_<SERVICE>` variables (environment.ts).
 */
export interface ControlPlaneBackends {
  /** SSM parameters by name (plain String parameters). */
  parameters: ReadonlyMap<string, string>;
  /** Secrets Manager secrets by name (SecretString). */
  secrets: ReadonlyMap<string, string>;
  bus: Pick<LocalEventBus, 'put' | 'send'>;
  /**
   * The manifests' queues SendMessage may address; none by default. Their URLs carry this
   * control plane's address, so the caller may fill the list once it listens.
   */
  queues?: readonly LocalQueue[];
  functions: FunctionRegistry;
  /** The local state machines, when any stack declares one. */
  stateMachines?: LocalStateMachines;
  log: LocalLog;
  /** Where SES SendEmail and SNS Publish deliver; without it those calls are refused as unknown. */
  outbox?: LocalOutbox;
}

export interface ControlPlane {
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

const startedAt = new Date();

function parameterArn(name: string): string {
  return `arn:aws:ssm:${localRegion}:${localAccountId}:parameter${name.startsWith('/') ? '' : '/'}${name}`;
}

function secretArn(name: string): string {
  // Real secret ARNs end in a random six-character suffix; a fixed one keeps them stable across runs.
  return `arn:aws:secretsmanager:${localRegion}:${localAccountId}:secret:${name}-local0`;
}

function parameter(name: string, value: string) {
  return { Name: name, Type: 'String', Value: value, Version: 1, LastModifiedDate: epochSeconds(startedAt), ARN: parameterArn(name), DataType: 'text' };
}

/** `caller` is the function whose invocation sent the request; none for the operator (seeds, tests, tools). */
type Operation = (input: Record<string, unknown>, response: ServerResponse, caller: LocalFunction | undefined) => void;

/** Answers AccessDeniedException, as IAM would, when the caller's declarations do not grant the access. */
function denied(response: ServerResponse, caller: LocalFunction | undefined, access: LocalAccess, resourceArn: string): boolean {
  if (!caller || isAllowed(caller, access)) return false;
  sendAwsJsonError(response, 400, 'AccessDeniedException', accessDeniedMessage(caller, access.action, resourceArn));
  return true;
}

function operations(backends: ControlPlaneBackends): Record<string, Operation> {
  const parameterName = (value: unknown) => {
    const name = String(value ?? '');
    // Callers may pass the ARN; the parameter is stored under its name.
    return name.startsWith('arn:') ? name.slice(name.indexOf(':parameter') + ':parameter'.length) : name;
  };
  return {
    'AmazonSSM.GetParameter': (input, response, caller) => {
      const name = parameterName(input.Name);
      if (denied(response, caller, { action: 'ssm:GetParameter', parameter: name }, parameterArn(name))) return;
      const value = backends.parameters.get(name);
      if (value === undefined) return sendAwsJsonError(response, 400, 'ParameterNotFound', `Parameter ${name} not found.`);
      sendAwsJson(response, 200, { Parameter: parameter(name, value) });
    },
    'AmazonSSM.GetParameters': (input, response, caller) => {
      const names = Array.isArray(input.Names) ? input.Names.map(parameterName) : [];
      const [first = ''] = names;
      if (denied(response, caller, { action: 'ssm:GetParameters', parameter: first }, parameterArn(first))) return;
      const found = names.filter((name) => backends.parameters.has(name));
      sendAwsJson(response, 200, {
        Parameters: found.map((name) => parameter(name, backends.parameters.get(name) ?? '')),
        InvalidParameters: names.filter((name) => !backends.parameters.has(name)),
      });
    },
    'secretsmanager.GetSecretValue': (input, response, caller) => {
      const id = String(input.SecretId ?? '');
      const name = [...backends.secrets.keys()].find((candidate) => candidate === id || secretArn(candidate) === id);
      if (denied(response, caller, { action: 'secretsmanager:GetSecretValue', secret: name }, name ? secretArn(name) : id)) return;
      const value = name === undefined ? undefined : backends.secrets.get(name);
      if (name === undefined || value === undefined) {
        return sendAwsJsonError(response, 400, 'ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
      }
      sendAwsJson(response, 200, {
        ARN: secretArn(name),
        Name: name,
        VersionId: '00000000-0000-4000-8000-000000000001',
        SecretString: value,
        VersionStages: ['AWSCURRENT'],
        CreatedDate: epochSeconds(startedAt),
      });
    },
    'AWSEvents.PutEvents': (input, response, caller) => {
      const entries = Array.isArray(input.Entries) ? (input.Entries as PutEventsEntry[]) : [];
      const busArn = `arn:aws:events:${localRegion}:${localAccountId}:event-bus/${String(entries[0]?.EventBusName ?? 'default')}`;
      if (denied(response, caller, { action: 'events:PutEvents' }, busArn)) return;
      try {
        sendAwsJson(response, 200, backends.bus.put(entries));
      } catch (error) {
        if (!(error instanceof PutEventsValidationError)) throw error;
        sendAwsJsonError(response, 400, 'ValidationException', error.message);
      }
    },
    ...(backends.stateMachines ? stepFunctionsOperations(backends.stateMachines) : {}),
    ...sqsOperations({ bus: backends.bus, queues: backends.queues ?? [], denied }),
  };
}

export async function startControlPlane(backends: ControlPlaneBackends): Promise<ControlPlane> {
  const table = operations(backends);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const invoke = invokePath.exec(path);
    if (request.method === 'POST' && invoke?.[1]) return handleInvoke(request, response, invoke[1], backends.functions, backends.log);
    if (backends.outbox && (await serveMessaging(request, response, path, backends.outbox))) return;
    const target = String(request.headers['x-amz-target'] ?? '');
    const operation = request.method === 'POST' && path === '/' ? table[target] : undefined;
    if (!operation) {
      await readRequestBody(request);
      const what = target || `${request.method} ${path}`;
      return sendAwsJsonError(response, 400, 'UnknownOperationException', `The local runtime does not emulate ${what}.`);
    }
    let input: unknown;
    try {
      input = JSON.parse((await readRequestBody(request)).toString('utf8') || '{}');
    } catch {
      return sendAwsJsonError(response, 400, 'SerializationException', 'The request body is not valid JSON.');
    }
    const caller = backends.functions.callerOf(request.headers['x-amzn-trace-id']);
    operation(typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {}, response, caller);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      backends.log.error(`Control plane failed on ${request.headers['x-amz-target'] ?? request.url}:`, error);
      if (!response.headersSent) sendAwsJsonError(response, 500, 'InternalFailure', 'The local control plane failed; see its log.');
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    close: () => closeServer(server),
  };
}

/** Closes a server, cutting idle keep-alive connections the SDK holds open. */
export function closeServer(server: ReturnType<typeof createServer>): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
