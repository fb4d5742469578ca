import { describe, expect, it } from 'vitest';
import { getCart, receiveRazorpayWebhook } from '@shoplane/contracts';
import { defineService } from '@shoplane/manifest';
import {
  applyEnvironment,
  functionEnvironment,
  functionScopedEnvironment,
  internalOperationFunctions,
  localEnvironment,
  localPlatformValues,
  localServiceSecrets,
} from './environment.js';

const orders = defineService({
  name: 'orders',
  table: { partitionKey: { name: 'PK', type: 'S' } },
  routes: [],
  internalOperations: [{ name: 'getOrder', handler: 'get-order' }],
});
const carts = defineService({
  name: 'carts',
  table: { partitionKey: { name: 'PK', type: 'S' }, stream: { handler: 'publish-events', capabilities: ['publishEvents'] } },
  routes: [{ operation: getCart, handler: 'get-cart', invokes: ['orders.getOrder'] }],
});
const payments = defineService({
  name: 'payments',
  table: { partitionKey: { name: 'PK', type: 'S' } },
  secrets: [
    { name: 'webhook-secret', variable: 'WEBHOOK_SIGNING_SECRET', description: 'signs webhooks' },
    { name: 'api-key', variable: 'API_KEY_SECRET', description: 'the provider key' },
  ],
  routes: [{ operation: receiveRazorpayWebhook, handler: 'webhook', secrets: ['webhook-secret'] }],
  internalOperations: [{ name: 'pay', handler: 'pay', secrets: ['api-key'], platformValues: { APPROVALS_URL: 'http-api-url' } }],
});
const endpoints = { dynamodb: 'http://127.0.0.1:8000', controlPlane: 'http://127.0.0.1:9000' };

describe('the local environment', () => {
  it('names each service’s table and internal operations in service-specific variables', () => {
    // Act
    const variables = localEnvironment([orders], endpoints, {});

    // Assess
    expect(variables).toMatchObject({ ORDERS_TABLE_NAME: 'shoplane-local-orders', INVOKE_ORDERS_GETORDER: 'shoplane-local-orders-get-order' });
  });

  it('points DynamoDB at DynamoDB Local and the other AWS services at the control plane', () => {
    // Act
    const variables = localEnvironment([], endpoints, {});

    // Assess
    expect(variables).toMatchObject({
      AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
      AWS_ENDPOINT_URL_SSM: endpoints.controlPlane,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoints.controlPlane,
      AWS_ENDPOINT_URL_EVENTBRIDGE: endpoints.controlPlane,
      AWS_ENDPOINT_URL_LAMBDA: endpoints.controlPlane,
      AWS_ENDPOINT_URL_SESV2: endpoints.controlPlane,
      AWS_ENDPOINT_URL_SNS: endpoints.controlPlane,
      AWS_ENDPOINT_URL_SFN: endpoints.controlPlane,
      AWS_ENDPOINT_URL_SQS: endpoints.controlPlane,
      AWS_ENDPOINT_URL: endpoints.controlPlane,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
    });
  });

  it('logs warnings and worse from Powertools unless told otherwise', () => {
    // Act
    const quiet = localEnvironment([], endpoints, {});
    const chatty = localEnvironment([], endpoints, { POWERTOOLS_LOG_LEVEL: 'DEBUG' });

    // Assess
    expect(quiet.POWERTOOLS_LOG_LEVEL).toBe('WARN');
    expect(chatty.POWERTOOLS_LOG_LEVEL).toBe('DEBUG');
  });

  it('puts back the previous values when undone, removing what was not set before', () => {
    // Prepare
    const target: NodeJS.ProcessEnv = { AWS_REGION: 'eu-west-1', AWS_SESSION_TOKEN: 'real-session' };

    // Act
    const undo = applyEnvironment({ AWS_REGION: 'us-east-1', AWS_SESSION_TOKEN: '', ORDERS_TABLE_NAME: 't' }, target);
    const during = { ...target };
    undo();

    // Assess
    expect(during).toEqual({ AWS_REGION: 'us-east-1', ORDERS_TABLE_NAME: 't' });
    expect(target).toEqual({ AWS_REGION: 'eu-west-1', AWS_SESSION_TOKEN: 'real-session' });
  });
});

describe('a function’s own environment', () => {
  const operations = internalOperationFunctions([orders, carts]);

  it('names its table, the variables its route implies and the function of each operation it invokes', () => {
    // Act
    const variables = functionEnvironment(carts, 'get-cart', operations);

    // Assess
    expect(variables).toEqual({
      CARTS_TABLE_NAME: 'shoplane-local-carts',
      JWT_ISSUER: 'https://shoplane.local',
      JWT_AUDIENCE: 'shoplane-api',
      JWT_PUBLIC_KEYS_PARAMETER: '/shoplane/local/platform/jwt-public-keys',
      INVOKE_ORDERS_GETORDER: 'shoplane-local-orders-get-order',
    });
  });

  it('gives a stream publisher the bus and nothing it did not declare', () => {
    // Act
    const variables = functionEnvironment(carts, 'publish-events', operations);

    // Assess
    expect(variables).toEqual({ CARTS_TABLE_NAME: 'shoplane-local-carts', EVENT_BUS_NAME: 'shoplane-local' });
  });

  it('names the secrets its declarations read (never their values) and carries the platform values it asks for', () => {
    // Act
    const pay = functionEnvironment(payments, 'pay', operations, localPlatformValues('http://127.0.0.1:3000'));
    const webhook = functionEnvironment(payments, 'webhook', operations, localPlatformValues('http://127.0.0.1:3000'));

    // Assess
    expect(pay).toEqual({ PAYMENTS_TABLE_NAME: 'shoplane-local-payments', API_KEY_SECRET: 'shoplane/local/payments/api-key', APPROVALS_URL: 'http://127.0.0.1:3000' });
    expect(webhook).toEqual({ PAYMENTS_TABLE_NAME: 'shoplane-local-payments', WEBHOOK_SIGNING_SECRET: 'shoplane/local/payments/webhook-secret' });
  });

  it('scopes those variables to the functions that declare them, so the isolation hides them from the rest', () => {
    // Act
    const scoped = functionScopedEnvironment([payments], localPlatformValues('http://127.0.0.1:3000'));

    // Assess
    expect(scoped).toMatchObject({ API_KEY_SECRET: 'shoplane/local/payments/api-key', WEBHOOK_SIGNING_SECRET: 'shoplane/local/payments/webhook-secret', APPROVALS_URL: 'http://127.0.0.1:3000' });
  });
});

describe('the services’ secrets', () => {
  it('are created under shoplane/local/<service>/<name>, each with its own random value', () => {
    // Act
    const secrets = new Map(localServiceSecrets([orders, payments]));
    const again = new Map(localServiceSecrets([payments]));

    // Assess
    expect([...secrets.keys()]).toEqual(['shoplane/local/payments/webhook-secret', 'shoplane/local/payments/api-key']);
    expect(new Set(secrets.values()).size).toBe(2);
    expect(secrets.get('shoplane/local/payments/api-key')).toMatch(/^[0-9a-f]{64}$/);
    expect(again.get('shoplane/local/payments/api-key')).not.toBe(secrets.get('shoplane/local/payments/api-key'));
  });
});
