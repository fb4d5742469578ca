import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { getParameter, getParametersByName } from '@aws-lambda-powertools/parameters/ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureRoot, send } from './__fixtures__/index.js';
import { startControlPlane, type ControlPlane } from './control-plane.js';
import { discoverServices, loadFunctions } from './discovery.js';
import { applyEnvironment, localEnvironment } from './environment.js';
import { LocalEventBus } from './event-bus.js';
import { FunctionRegistry } from './functions.js';
import { silentLog } from './log.js';

const signingKey = JSON.stringify({ kid: 'kid-1', privateKeyPem: '-----BEGIN PRIVATE KEY-----…' });
const publicKeys = JSON.stringify({ keys: [{ kid: 'kid-1', publicKeyPem: '-----BEGIN PUBLIC KEY-----…' }] });
const lookup = 'shoplane-local-catalog-lookup';

let controlPlane: ControlPlane;
let bus: LocalEventBus;
let restoreEnvironment: () => void;
beforeAll(async () => {
  const services = await discoverServices(fixtureRoot);
  const functions = new FunctionRegistry();
  for (const fn of await loadFunctions(services)) functions.add(fn);
  bus = new LocalEventBus({ busName: 'shoplane-local', subscriptions: [], invoke: (name, event) => functions.invoke(name, event), log: silentLog });
  controlPlane = await startControlPlane({
    parameters: new Map([
      ['/shoplane/local/platform/jwt-public-keys', publicKeys],
      ['/shoplane/local/catalog/getThing', lookup],
    ]),
    secrets: new Map([['shoplane/local/jwt-signing-key', signingKey]]),
    bus,
    functions,
    log: silentLog,
  });
  const variables = localEnvironment(
    services.map((service) => service.manifest),
    { dynamodb: 'http://127.0.0.1:9', controlPlane: controlPlane.endpoint },
  );
  // Nothing listens on port 9: only the service-specific variables can lead the SDK to the control plane.
  restoreEnvironment = applyEnvironment({ ...variables, AWS_ENDPOINT_URL: 'http://127.0.0.1:9' });
});
afterAll(async () => {
  restoreEnvironment();
  await controlPlane.close();
});

describe('SSM through AWS_ENDPOINT_URL_SSM', () => {
  it('serves a parameter to a plain SSMClient', async () => {
    // Prepare
    const ssm = new SSMClient({});

    // Act
    const { Parameter } = await ssm.send(new GetParameterCommand({ Name: '/shoplane/local/platform/jwt-public-keys' }));

    // Assess
    expect(Parameter).toMatchObject({ Name: '/shoplane/local/platform/jwt-public-keys', Type: 'String', Value: publicKeys, Version: 1 });
    expect(Parameter?.LastModifiedDate).toBeInstanceOf(Date);
  });

  it('answers an unknown parameter with ParameterNotFound', async () => {
    // Prepare
    const ssm = new SSMClient({ maxAttempts: 1 });

    // Act
    const reading = ssm.send(new GetParameterCommand({ Name: '/shoplane/local/nothing' }));

    // Assess
    await expect(reading).rejects.toMatchObject({ name: 'ParameterNotFound', message: 'Parameter /shoplane/local/nothing not found.' });
  });

  it('serves a parameter through Powertools getParameter, JSON-transformed', async () => {
    // Act
    const value = await getParameter('/shoplane/local/platform/jwt-public-keys', { transform: 'json' });

    // Assess
    expect(value).toEqual(JSON.parse(publicKeys));
  });

  it('serves several parameters through Powertools getParametersByName (GetParameters)', async () => {
    // Act
    const values = await getParametersByName({ '/shoplane/local/catalog/getThing': {}, '/shoplane/local/platform/jwt-public-keys': {} });

    // Assess
    expect(values).toEqual({ '/shoplane/local/catalog/getThing': lookup, '/shoplane/local/platform/jwt-public-keys': publicKeys });
  });
});

describe('Secrets Manager through AWS_ENDPOINT_URL_SECRETS_MANAGER', () => {
  it('serves a secret through Powertools getSecret', async () => {
    // Act
    const value = await getSecret('shoplane/local/jwt-signing-key', { transform: 'json' });

    // Assess
    expect(value).toEqual(JSON.parse(signingKey));
  });

  it('serves the same secret by its ARN to a plain client', async () => {
    // Prepare
    const secrets = new SecretsManagerClient({});
    const { ARN } = await secrets.send(new GetSecretValueCommand({ SecretId: 'shoplane/local/jwt-signing-key' }));

    // Act
    const byArn = await secrets.send(new GetSecretValueCommand({ SecretId: ARN }));

    // Assess
    expect(byArn).toMatchObject({ Name: 'shoplane/local/jwt-signing-key', SecretString: signingKey, VersionStages: ['AWSCURRENT'] });
  });

  it('answers an unknown secret with ResourceNotFoundException', async () => {
    // Prepare
    const secrets = new SecretsManagerClient({ maxAttempts: 1 });

    // Act
    const reading = secrets.send(new GetSecretValueCommand({ SecretId: 'shoplane/local/nothing' }));

    // Assess
    await expect(reading).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});

describe('EventBridge through AWS_ENDPOINT_URL_EVENTBRIDGE', () => {
  it('accepts PutEvents from a plain client and answers with the events’ ids', async () => {
    // Prepare
    const events = new EventBridgeClient({});
    const entry = { Source: 'shoplane.tests', DetailType: 'ThingNoticed', Detail: JSON.stringify({ thingId: 'thg_1' }), EventBusName: 'shoplane-local' };

    // Act
    const result = await events.send(new PutEventsCommand({ Entries: [entry] }));

    // Assess
    expect(result.FailedEntryCount).toBe(0);
    const logged = bus.events.find((candidate) => candidate.event.id === result.Entries?.[0]?.EventId);
    expect(logged?.event).toMatchObject({ 'detail-type': 'ThingNoticed', source: 'shoplane.tests', detail: { thingId: 'thg_1' } });
  });

  it('fails an entry sent to another bus, as EventBridge does', async () => {
    // Prepare
    const events = new EventBridgeClient({});
    const entry = { Source: 'shoplane.tests', DetailType: 'ThingNoticed', Detail: '{}', EventBusName: 'someone-elses-bus' };

    // Act
    const result = await events.send(new PutEventsCommand({ Entries: [entry] }));

    // Assess
    expect(result).toMatchObject({ FailedEntryCount: 1, Entries: [{ ErrorCode: 'NotFoundException' }] });
  });

  it('rejects more than ten entries with ValidationException', async () => {
    // Prepare
    const events = new EventBridgeClient({ maxAttempts: 1 });
    const entries = Array.from({ length: 11 }, () => ({ Source: 'shoplane.tests', DetailType: 'ThingNoticed', Detail: '{}' }));

    // Act
    const sending = events.send(new PutEventsCommand({ Entries: entries }));

    // Assess
    await expect(sending).rejects.toMatchObject({ name: 'ValidationException' });
  });
});

describe('Lambda Invoke through AWS_ENDPOINT_URL_LAMBDA', () => {
  const decode = (payload: Uint8Array | undefined) => JSON.parse(Buffer.from(payload ?? new Uint8Array()).toString('utf8')) as unknown;

  it('runs the function and returns its result as the payload', async () => {
    // Prepare
    const lambda = new LambdaClient({});

    // Act
    const result = await lambda.send(new InvokeCommand({ FunctionName: lookup, Payload: JSON.stringify({ thingId: 'thg_9' }) }));

    // Assess
    expect(result.StatusCode).toBe(200);
    expect(result.FunctionError).toBeUndefined();
    expect(decode(result.Payload)).toEqual({ thingId: 'thg_9', found: true });
  });

  it('accepts the function’s ARN as its name', async () => {
    // Prepare
    const lambda = new LambdaClient({});
    const arn = `arn:aws:lambda:us-east-1:000000000000:function:${lookup}`;

    // Act
    const result = await lambda.send(new InvokeCommand({ FunctionName: arn, Payload: JSON.stringify({ thingId: 'x' }) }));

    // Assess
    expect(decode(result.Payload)).toEqual({ thingId: 'x', found: false });
  });

  it('reports a function that throws as an Unhandled function error with its type and message', async () => {
    // Prepare
    const lambda = new LambdaClient({});

    // Act
    const result = await lambda.send(new InvokeCommand({ FunctionName: lookup, Payload: JSON.stringify({}) }));

    // Assess
    expect(result.StatusCode).toBe(200);
    expect(result.FunctionError).toBe('Unhandled');
    expect(decode(result.Payload)).toMatchObject({ errorType: 'RangeError', errorMessage: 'thingId is required' });
  });

  it('answers an unknown function with ResourceNotFoundException', async () => {
    // Prepare
    const lambda = new LambdaClient({ maxAttempts: 1 });

    // Act
    const invoking = lambda.send(new InvokeCommand({ FunctionName: 'shoplane-local-nobody-nothing', Payload: '{}' }));

    // Assess
    await expect(invoking).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});

describe('services the control plane does not emulate', () => {
  it('are refused by name rather than forwarded anywhere', async () => {
    // Prepare
    const headers = { 'x-amz-target': 'AmazonSQS.ReceiveMessage', 'content-type': 'application/x-amz-json-1.0' };

    // Act
    const reply = await send(`${controlPlane.endpoint}/`, { method: 'POST', headers, body: '{}' });

    // Assess
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({ __type: 'UnknownOperationException', message: 'The local runtime does not emulate AmazonSQS.ReceiveMessage.' });
  });
});
