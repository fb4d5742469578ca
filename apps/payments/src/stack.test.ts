import {
  actionsOf,
  createStubBundles,
  resourcesOfStatement,
  roleOfFunction,
  statementsOfRole,
  synthesizeServiceForTest,
  unacknowledgedNagFindings,
  type ServiceStack,
  type SynthesizedService,
} from '@shoplane/cdk-kit';
import { configurationOf, functionName, handlerNames } from '@shoplane/manifest';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { service } from './service.js';
import { createPaymentsStack, functionGrants } from './stack.js';
import { paymentsVariables } from './variables.js';

describe('payments stack', () => {
  let stack: ServiceStack;
  let template: Template;
  let tableLogicalId: string;
  let tableActionsOf: SynthesizedService['tableActionsOf'];

  const statementsOf = (handler: string) => statementsOfRole(template, roleOfFunction(template, functionName('dev', 'payments', handler)));
  const actionsOfHandler = (handler: string) => statementsOf(handler).flatMap(actionsOf);
  /** Logical ids of the secrets a handler may read. */
  const secretsReadBy = (handler: string) =>
    statementsOf(handler)
      .filter((statement) => actionsOf(statement).includes('secretsmanager:GetSecretValue'))
      .flatMap(resourcesOfStatement)
      .map((resource) => (resource as { Ref?: string }).Ref ?? JSON.stringify(resource))
      .sort();
  const secretId = (name: string) => Object.keys(template.findResources('AWS::SecretsManager::Secret', { Properties: { Name: `shoplane/dev/payments/${name}` } }))[0];
  const environmentOf = (handler: string) => {
    const [fn] = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: functionName('dev', 'payments', handler) } }));
    return (fn?.['Properties'] as { Environment: { Variables: Record<string, unknown> } }).Environment.Variables;
  };

  beforeAll(() => {
    ({ stack, template, tableLogicalId, tableActionsOf } = synthesizeServiceForTest(service, createPaymentsStack));
  });

  it('is the stack shoplane-dev-payments', () => {
    expect(stack.stackName).toBe('shoplane-dev-payments');
  });

  it('owns exactly one table, keyed PK/SK, streaming new and old images, with TTL and point-in-time recovery', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      TableName: 'shoplane-dev-payments',
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
    });
  });

  it.each(['POST /payments/webhooks/stripe', 'POST /payments/webhooks/razorpay'])('routes %s, and nothing else', (key) => {
    template.resourceCountIs('AWS::ApiGatewayV2::Route', 2);
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: key });
  });

  it.each([
    ['processPayment', 'ProcessPayment'],
    ['refundPayment', 'RefundPayment'],
  ])('publishes the internal operation %s in SSM with the name of its function', (name, functionConstruct) => {
    template.hasResourceProperties('AWS::SSM::Parameter', { Name: `/shoplane/dev/payments/${name}`, Value: { Ref: Match.stringLikeRegexp(`^${functionConstruct}`) } });
  });

  it('feeds the table stream to publish-events, which reads no table item', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { EventSourceArn: { 'Fn::GetAtt': [tableLogicalId, 'StreamArn'] }, FunctionName: Match.anyValue() });
    expect(tableActionsOf('publish-events')).not.toContain('dynamodb:GetItem');
  });

  it('creates the four provider secrets, removed with a dev stack and kept in every other stage', () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', 4);
    for (const name of ['stripe-api-key', 'stripe-webhook-secret', 'razorpay-api-key', 'razorpay-webhook-secret']) expect(secretId(name), name).toBeDefined();
    const prod = Template.fromStack(createPaymentsStack(new App({ context: { stage: 'prod' } }), { assetsRoot: createStubBundles(service.name, handlerNames(service)) }));
    const policies = (of: Template) => Object.values(of.findResources('AWS::SecretsManager::Secret')).map((secret) => secret['DeletionPolicy']);
    expect(policies(template)).toEqual(Array(4).fill('Delete'));
    expect(policies(prod)).toEqual(Array(4).fill('Retain'));
  });

  it.each([
    ['process-payment', ['stripe-api-key', 'razorpay-api-key', 'razorpay-webhook-secret']],
    ['refund-payment', ['stripe-api-key', 'razorpay-api-key']],
    ['stripe-webhook', ['stripe-api-key', 'stripe-webhook-secret']],
    ['razorpay-webhook', ['razorpay-api-key', 'razorpay-webhook-secret']],
    ['publish-events', []],
  ])('lets %s read exactly the secrets %j, and names them in its environment', (handler, names) => {
    expect(secretsReadBy(handler)).toEqual(names.map(secretId).sort());
    const variables = environmentOf(handler);
    const declared = configurationOf(service, handler).secrets;
    expect(declared.map((secret) => secret.name).sort()).toEqual([...names].sort());
    for (const { name, variable } of declared) expect(variables[variable]).toEqual({ Ref: secretId(name) });
  });

  it.each(['process-payment', 'stripe-webhook', 'razorpay-webhook'])('lets %s complete the checkout saga\'s waiting Tasks, on its state machine only', (handler) => {
    const callbacks = statementsOf(handler).filter((statement) => actionsOf(statement).some((action) => action.startsWith('states:')));

    expect(callbacks.flatMap(actionsOf).sort()).toEqual(['states:SendTaskFailure', 'states:SendTaskSuccess']);
    expect(JSON.stringify(callbacks.flatMap(resourcesOfStatement))).toContain(':stateMachine:shoplane-dev-checkout');
  });

  it.each(['refund-payment', 'publish-events'])('gives %s no Step Functions permission', (handler) => {
    expect(actionsOfHandler(handler).filter((action) => action.startsWith('states:'))).toEqual([]);
  });

  it('runs the sandbox by default, sending its approvals to the platform\'s HTTP API', () => {
    const variables = environmentOf('process-payment');

    expect(variables[paymentsVariables.gateway]).toBe('sandbox');
    expect(JSON.stringify(variables[paymentsVariables.sandboxWebhookUrl])).toMatch(/"Ref":"SsmParameterValueshoplanedevplatformhttpapiurl/);
  });

  it('switches every function to the live providers with -c paymentsGateway=live', () => {
    const live = Template.fromStack(createPaymentsStack(new App({ context: { paymentsGateway: 'live' } }), { assetsRoot: createStubBundles(service.name, handlerNames(service)) }));
    const functions = Object.values(live.findResources('AWS::Lambda::Function')).map((fn) => (fn['Properties'] as { Environment?: { Variables?: Record<string, unknown> } }).Environment?.Variables ?? {});

    expect(functions.filter((variables) => variables[paymentsVariables.gateway] === 'live')).toHaveLength(Object.keys(functionGrants).length);
    expect(functions.some((variables) => paymentsVariables.sandboxWebhookUrl in variables)).toBe(false);
  });

  it('gives the functions that charge and refund time for a slow provider', () => {
    for (const handler of ['process-payment', 'refund-payment']) template.hasResourceProperties('AWS::Lambda::Function', { FunctionName: functionName('dev', 'payments', handler), Timeout: 25 });
  });

  it('passes cdk-nag AwsSolutions checks with no unacknowledged error', () => {
    expect(unacknowledgedNagFindings(stack)).toEqual([]);
  });
});
