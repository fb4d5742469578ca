import { actionsOf, appWithFeatureFlags, createStubBundles, environmentOfFunction, resourcesOfStatement, type StackGrants } from '@shoplane/cdk-kit';
import { serviceStackSuite } from '@shoplane/cdk-kit/stack-suite';
import { configurationOf, functionName, handlerNames } from '@shoplane/manifest';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { service } from './service.js';
import { createPaymentsStack, functionGrants } from './stack.js';
import { paymentsVariables } from './variables.js';

const taskCallbacks = ['states:SendTaskSuccess', 'states:SendTaskFailure'];

/**
 * What stack.ts adds to the manifest: the secrets each function declares (read, named),
 * task callbacks, the gateway mode and the sandbox's platform values.
 */
const stackGrants: StackGrants = {
  actions: Object.fromEntries(
    Object.entries(functionGrants).map(([handler, grants]) => [
      handler,
      [
        ...(configurationOf(service, handler).secrets.length > 0 ? ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'] : []),
        ...(grants.completesTasks ? taskCallbacks : []),
      ],
    ]),
  ),
  variables: Object.fromEntries(
    Object.keys(functionGrants).map((handler) => {
      const configuration = configurationOf(service, handler);
      return [handler, [paymentsVariables.gateway, ...configuration.secrets.map((secret) => secret.variable), ...Object.keys(configuration.platformValues)]];
    }),
  ),
};

const synthesized = serviceStackSuite(service, createPaymentsStack, { stackGrants });
const stubBundles = () => createStubBundles(service.name, handlerNames(service));

describe('payments stack', () => {
  const secretId = (name: string) =>
    Object.keys(synthesized().template.findResources('AWS::SecretsManager::Secret', { Properties: { Name: `shoplane/dev/payments/${name}` } }))[0];
  /** Logical ids of the secrets a handler may read. */
  const secretsReadBy = (handler: string) =>
    synthesized()
      .statementsOf(handler)
      .filter((statement) => actionsOf(statement).includes('secretsmanager:GetSecretValue'))
      .flatMap(resourcesOfStatement)
      .map((resource) => (resource as { Ref?: string }).Ref ?? JSON.stringify(resource))
      .sort();
  const environmentOf = (handler: string) => environmentOfFunction(synthesized().template, functionName('dev', 'payments', handler));

  it('creates the four provider secrets, removed with a dev stack and kept in every other stage', () => {
    const { template } = synthesized();
    const prod = Template.fromStack(createPaymentsStack(appWithFeatureFlags({ context: { stage: 'prod' } }), { assetsRoot: stubBundles() }));
    const policies = (of: Template) => Object.values(of.findResources('AWS::SecretsManager::Secret')).map((secret) => secret['DeletionPolicy']);

    template.resourceCountIs('AWS::SecretsManager::Secret', 4);
    for (const name of ['stripe-api-key', 'stripe-webhook-secret', 'razorpay-api-key', 'razorpay-webhook-secret']) expect(secretId(name), name).toBeDefined();
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

  it('lets only process-payment and the two webhooks complete the checkout saga\'s waiting Tasks, on its state machine only', () => {
    const { statementsOf } = synthesized();
    const callbacksOf = (handler: string) => statementsOf(handler).filter((statement) => actionsOf(statement).some((action) => action.startsWith('states:')));

    const completers = handlerNames(service).filter((handler) => callbacksOf(handler).length > 0);

    expect(completers.sort()).toEqual(['process-payment', 'razorpay-webhook', 'stripe-webhook']);
    for (const handler of completers) {
      expect(callbacksOf(handler).flatMap(actionsOf).sort()).toEqual([...taskCallbacks].sort());
      const resources = callbacksOf(handler).flatMap(resourcesOfStatement);
      expect(resources).toHaveLength(1);
      expect(JSON.stringify(resources)).toContain(':stateMachine:shoplane-dev-checkout');
      expect(JSON.stringify(resources)).not.toContain('*');
    }
  });

  it('runs the sandbox by default, sending its approvals to the platform\'s HTTP API', () => {
    const variables = environmentOf('process-payment');

    expect(variables[paymentsVariables.gateway]).toBe('sandbox');
    expect(JSON.stringify(variables[paymentsVariables.sandboxWebhookUrl])).toMatch(/"Ref":"SsmParameterValueshoplanedevplatformhttpapiurl/);
  });

  it('switches every provider function to the live providers with -c paymentsGateway=live', () => {
    const live = Template.fromStack(createPaymentsStack(appWithFeatureFlags({ context: { paymentsGateway: 'live' } }), { assetsRoot: stubBundles() }));
    const functions = Object.values(live.findResources('AWS::Lambda::Function')).map(
      (fn) => (fn['Properties'] as { Environment?: { Variables?: Record<string, unknown> } }).Environment?.Variables ?? {},
    );

    expect(functions.filter((variables) => variables[paymentsVariables.gateway] === 'live')).toHaveLength(Object.keys(functionGrants).length);
    expect(functions.some((variables) => paymentsVariables.sandboxWebhookUrl in variables)).toBe(false);
  });

  it('gives the functions that charge and refund time for a slow provider', () => {
    for (const handler of ['process-payment', 'refund-payment']) {
      synthesized().template.hasResourceProperties('AWS::Lambda::Function', { FunctionName: functionName('dev', 'payments', handler), Timeout: 25 });
    }
  });
});
