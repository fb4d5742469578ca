import {
  capabilityVariables,
  functionDeclarations,
  functionName,
  functionPermissions,
  internalOperationVariable,
  parameterName,
  parseInternalOperationKey,
  parseQueueKey,
  platformVariables,
  queueParameterName,
  queueUrlVariable,
  tableNameVariable,
} from '@shoplane/manifest';
import { platformParameterName } from './naming.js';
import { actionsIn, json, withPrefix, type FunctionUnderCheck, type StackFacts } from './permission-facts.js';
import { queueMismatches, sendingStatements } from './queue-permissions.js';
import type { SynthesizedService } from './synthesized-service.js';
import {
  actionsOf,
  environmentOfFunction,
  oneStatementPerResource,
  referencesIn,
  resourcesOfStatement,
  roleOfFunction,
  ssmParametersOf,
  statementsOfRole,
  type PolicyStatementJson,
} from './testing.js';

/** What every function gets from ServiceFunction and ServiceStack, whatever it declares. */
const baseVariables = ['NODE_OPTIONS', 'POWERTOOLS_SERVICE_NAME', 'POWERTOOLS_METRICS_NAMESPACE', platformVariables.stage];
const writeActions = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
const readActions = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'];

function tableMismatches(fn: FunctionUnderCheck, facts: StackFacts): string[] {
  const dynamo = withPrefix(fn.statements, 'dynamodb:');
  const targets = (statement: PolicyStatementJson) => resourcesOfStatement(statement).map((resource) => ({ resource, json: json(resource) }));
  const found: string[] = [];
  if (dynamo.some((statement) => statement.NotResource !== undefined)) found.push('may use DynamoDB on every resource but some (NotResource)');
  for (const { resource, json: text } of dynamo.flatMap(targets)) {
    if (resource === '*' || !text.includes(`"Fn::GetAtt":["${facts.tableLogicalId}",`)) found.push(`reaches a table other than its own: ${text}`);
  }
  const onStream = dynamo.filter((statement) => statement.Resource !== undefined && targets(statement).every(({ json: text }) => text.includes('"StreamArn"]')));
  const onTable = dynamo.filter((statement) => !onStream.includes(statement));
  const actions = actionsIn(onTable);
  const missing = (wanted: string[]) => wanted.filter((action) => !actions.includes(action));
  const writes = actions.filter((action) => writeActions.includes(action));
  switch (fn.granted.tableAccess) {
    case 'none':
      if (actions.length > 0) found.push(`declares tableAccess none but may ${actions.join(', ')}`);
      break;
    case 'read':
      if (writes.length > 0) found.push(`declares tableAccess read but may ${writes.join(', ')}`);
      if (missing(readActions).length > 0) found.push(`declares tableAccess read but may not ${missing(readActions).join(', ')}`);
      break;
    case 'readWrite':
      if (missing([...readActions, ...writeActions]).length > 0) {
        found.push(`declares tableAccess readWrite but may not ${missing([...readActions, ...writeActions]).join(', ')}`);
      }
      break;
  }
  const streamHandler = fn.kinds.has('stream');
  if (onStream.length > 0 && !streamHandler) found.push('reads the table stream but is not the stream handler');
  if (onStream.length === 0 && streamHandler) found.push('is the stream handler but may not read the stream');
  return found;
}

function eventMismatches(fn: FunctionUnderCheck): string[] {
  const statements = withPrefix(fn.statements, 'events:');
  const actions = actionsIn(statements);
  const declared = fn.granted.capabilities.includes('publishEvents');
  const found: string[] = [];
  if (actions.some((action) => action !== 'events:PutEvents')) found.push(`may ${actions.join(', ')}; only events:PutEvents is ever granted`);
  if (!declared && actions.length > 0) found.push('may events:PutEvents but declares no publishEvents');
  if (declared && !actions.includes('events:PutEvents')) found.push('declares publishEvents but may not events:PutEvents');
  if (statements.some((statement) => !json(statement.Resource).includes(':event-bus/'))) found.push('may put events elsewhere than the platform bus');
  return found;
}

function parameterMismatches(fn: FunctionUnderCheck, facts: StackFacts): string[] {
  const statements = withPrefix(fn.statements, 'ssm:');
  const declared = fn.granted.capabilities.includes('verifyTokens');
  const publicKeys = `:parameter${platformParameterName(facts.stage, 'publicKeys')}"`;
  const found: string[] = [];
  const exact = statements.filter((statement) => json(actionsOf(statement)) === '["ssm:GetParameter"]' && json(statement.Resource).includes(publicKeys));
  if (exact.length < statements.length) found.push(`may ${actionsIn(statements).join(', ')} beyond ssm:GetParameter on the public keys`);
  if (!declared && statements.length > 0) found.push('may read the public keys but verifies no tokens');
  if (declared && exact.length === 0) found.push('verifies tokens but may not ssm:GetParameter the public keys');
  return found;
}

function secretMismatches(fn: FunctionUnderCheck, facts: StackFacts): string[] {
  const statements = withPrefix(fn.statements, 'secretsmanager:');
  const declared = fn.granted.capabilities.includes('signTokens');
  const signingKey = platformParameterName(facts.stage, 'signingKeySecretArn');
  const readsSigningKey = (statement: PolicyStatementJson) =>
    json(actionsOf(statement)) === '["secretsmanager:GetSecretValue"]' &&
    referencesIn(statement.Resource).length > 0 &&
    referencesIn(statement.Resource).every((reference) => facts.ssm.get(reference) === signingKey);
  const found: string[] = [];
  const exact = statements.filter(readsSigningKey);
  if (exact.length < statements.length) found.push(`may ${actionsIn(statements).join(', ')} beyond GetSecretValue on the signing key`);
  if (!declared && statements.length > 0) found.push('may read the signing key but declares no signTokens');
  if (declared && exact.length === 0) found.push('declares signTokens but may not secretsmanager:GetSecretValue the signing key');
  return found;
}

/** `<service>.<name>` of an internal operation whose SSM parameter a template parameter reads. */
function operationOf(facts: StackFacts, logicalId: string): string | undefined {
  const match = /^\/shoplane\/[^/]+\/([^/]+)\/([^/]+)$/.exec(facts.ssm.get(logicalId) ?? '');
  return match?.[1] && match[1] !== 'platform' ? `${match[1]}.${match[2]}` : undefined;
}

function invokeMismatches(fn: FunctionUnderCheck, facts: StackFacts): string[] {
  const statements = withPrefix(fn.statements, 'lambda:');
  const found: string[] = [];
  const actions = actionsIn(statements);
  if (actions.some((action) => action !== 'lambda:InvokeFunction')) found.push(`may ${actions.join(', ')}; only lambda:InvokeFunction is ever granted`);
  const invoked = new Set<string>();
  for (const resource of statements.flatMap(resourcesOfStatement)) {
    const operations = referencesIn(resource).flatMap((reference) => operationOf(facts, reference) ?? []);
    if (operations.length !== 1) found.push(`may invoke ${json(resource)}, which is no declared internal operation`);
    for (const operation of operations) invoked.add(operation);
  }
  for (const operation of invoked) if (!fn.granted.invokes.includes(operation)) found.push(`may invoke ${operation} but does not declare it`);
  for (const operation of fn.granted.invokes) if (!invoked.has(operation)) found.push(`declares it invokes ${operation} but may not`);
  return found;
}

function otherMismatches(fn: FunctionUnderCheck, facts: StackFacts): string[] {
  const explained = ['logs:', 'xray:', 'dynamodb:', 'events:', 'ssm:', 'secretsmanager:', 'lambda:'];
  if (fn.kinds.has('subscription') || fn.kinds.has('queue') || fn.kinds.has('stream')) explained.push('sqs:');
  const sending = sendingStatements(fn, facts);
  return actionsIn(fn.statements.filter((statement) => !sending.includes(statement)))
    .filter((action) => !explained.some((prefix) => action.startsWith(prefix)))
    .map((action) => `may ${action}, which no declaration explains`);
}

function environmentMismatches(fn: FunctionUnderCheck, facts: StackFacts): string[] {
  const expected = new Map<string, string | undefined>(
    [...baseVariables, tableNameVariable(facts.service)].map((name) => [name, undefined] as const),
  );
  for (const capability of fn.granted.capabilities) {
    for (const variable of capabilityVariables[capability]) expected.set(platformVariables[variable], undefined);
  }
  for (const target of fn.granted.invokes) {
    const { service, name } = parseInternalOperationKey(target);
    expected.set(internalOperationVariable(target), parameterName(facts.stage, service, name));
  }
  for (const target of fn.granted.sendsTo ?? []) expected.set(queueUrlVariable(target), queueParameterName(facts.stage, parseQueueKey(target), 'url'));
  const found: string[] = [];
  for (const [name, value] of Object.entries(fn.environment)) {
    if (!expected.has(name)) {
      found.push(`has environment variable ${name}, which no declaration asks for`);
      continue;
    }
    const parameter = expected.get(name);
    if (parameter && !referencesIn(value).some((reference) => facts.ssm.get(reference) === parameter)) {
      found.push(`has ${name} = ${json(value)}, not the ${name.startsWith('INVOKE_') ? 'function name' : 'queue URL'} published in ${parameter}`);
    }
  }
  for (const name of expected.keys()) if (!(name in fn.environment)) found.push(`lacks environment variable ${name}, which its declaration needs`);
  return found;
}

/**
 * What a service's own stack.ts grants a function on top of its manifest
 * declaration (its own secrets, an SES identity, a state machine's task
 * callbacks), by handler. The check still holds those functions to exactly
 * their declaration plus these, and every other function to its declaration.
 */
export interface StackGrants {
  /** IAM actions (e.g. `ses:SendEmail`), by handler. */
  actions?: Record<string, readonly string[]>;
  /** Environment variables that name what those actions reach, by handler. */
  variables?: Record<string, readonly string[]>;
}

/** The statements and variables left once the stack's own, named grants are set aside. */
function withoutStackGrants(fn: FunctionUnderCheck, grants: StackGrants): FunctionUnderCheck {
  const actions = grants.actions?.[fn.handler] ?? [];
  const variables = grants.variables?.[fn.handler] ?? [];
  return {
    ...fn,
    statements: fn.statements.filter((statement) => !actionsOf(statement).every((action) => actions.includes(action))),
    environment: Object.fromEntries(Object.entries(fn.environment).filter(([name]) => !variables.includes(name))),
  };
}

/**
 * Every way a synthesized service's functions differ from what their
 * declarations ask for: IAM statements (table actions for its tableAccess,
 * PutEvents only with publishEvents, the public keys only with verifyTokens,
 * the signing key only with signTokens, lambda:InvokeFunction on exactly the
 * declared operations) and environment variables. Empty when they match.
 *
 * `stackGrants` names what the service's own stack.ts adds to some handlers;
 * only those handlers may hold those actions and variables.
 */
export function permissionMismatches(synthesized: Pick<SynthesizedService, 'stack' | 'template' | 'tableLogicalId'>, stackGrants: StackGrants = {}): string[] {
  const { manifest, stage } = synthesized.stack;
  const { template } = synthesized;
  const facts: StackFacts = {
    service: manifest.name,
    stage,
    tableLogicalId: synthesized.tableLogicalId,
    ssm: ssmParametersOf(template),
    ownQueues: new Set(Object.keys(template.findResources('AWS::SQS::Queue'))),
  };
  const declarations = functionDeclarations(manifest);
  return [...functionPermissions(manifest)].flatMap(([handler, granted]) => {
    const physicalName = functionName(stage, manifest.name, handler);
    const fn: FunctionUnderCheck = withoutStackGrants({
      handler,
      granted,
      kinds: new Set(declarations.filter((declaration) => declaration.handler === handler).map((declaration) => declaration.kind)),
      statements: oneStatementPerResource(statementsOfRole(template, roleOfFunction(template, physicalName))),
      environment: environmentOfFunction(template, physicalName),
    }, stackGrants);
    return [
      ...tableMismatches(fn, facts),
      ...eventMismatches(fn),
      ...parameterMismatches(fn, facts),
      ...secretMismatches(fn, facts),
      ...invokeMismatches(fn, facts),
      ...queueMismatches(fn, facts),
      ...otherMismatches(fn, facts),
      ...environmentMismatches(fn, facts),
    ].map((mismatch) => `${handler}: ${mismatch}`);
  });
}
