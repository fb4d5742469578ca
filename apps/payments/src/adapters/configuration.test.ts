import { createLogger, MissingConfigurationError, newId } from '@shoplane/lambda-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeApi, type FakeApi } from '../testing/fake-http.js';
import { paymentsVariables } from '../variables.js';
import { configuredGateway, gatewayMode, razorpayWebhookProvider } from './configuration.js';
import { secretNamedBy } from './secrets.js';
import { stripeFromEnvironment } from './stripe-gateway.js';

const logger = createLogger('payments-test');
const card = () => {
  const orderId = newId('ord');
  return { paymentId: newId('pay'), orderId, userId: newId('usr'), amount: { amount: 100, currency: 'USD' as const }, method: 'CARD' as const, token: 'tok_visa', idempotencyKey: orderId };
};

describe('payments configuration', () => {
  it('uses the sandbox unless PAYMENTS_GATEWAY says live, and refuses anything else at start', () => {
    expect(gatewayMode({})).toBe('sandbox');
    expect(gatewayMode({ [paymentsVariables.gateway]: 'live' })).toBe('live');
    expect(() => gatewayMode({ [paymentsVariables.gateway]: 'stripe' })).toThrow(/PAYMENTS_GATEWAY/);
  });

  it('charges cards through the sandbox by default, with no secret at all', async () => {
    expect(await configuredGateway({}, logger).charge(card())).toMatchObject({ status: 'CAPTURED', provider: 'sandbox' });
  });

  it('in live mode routes a card to Stripe, which fails fast naming the variable that should hold its key\'s secret name', async () => {
    const gateway = configuredGateway({ [paymentsVariables.gateway]: 'live' }, logger, { stripe: stripeFromEnvironment });

    await expect(gateway.charge(card())).rejects.toThrow(MissingConfigurationError);
    await expect(gateway.charge(card())).rejects.toThrow(paymentsVariables.stripeApiKeySecret);
  });

  it('refuses an approval delay that is not a whole number of milliseconds', async () => {
    const env = { [paymentsVariables.sandboxWebhookUrl]: 'http://localhost:3000', [paymentsVariables.razorpayWebhookSecret]: 'name', [paymentsVariables.sandboxApprovalDelayMs]: 'soon' };

    await expect(configuredGateway(env, logger).charge(card())).rejects.toThrow(/PAYMENTS_SANDBOX_APPROVAL_DELAY_MS/);
  });

  it('refuses a live charge for a provider the function was not built with', async () => {
    await expect(configuredGateway({ [paymentsVariables.gateway]: 'live' }, logger, {}).charge(card())).rejects.toThrow(/no stripe gateway/);
  });

  it('attributes Razorpay-shaped webhooks to the sandbox in sandbox mode', () => {
    expect(razorpayWebhookProvider({})).toBe('sandbox');
    expect(razorpayWebhookProvider({ [paymentsVariables.gateway]: 'live' })).toBe('razorpay');
  });
});

describe('secrets named by the environment', () => {
  let secretsManager: FakeApi;
  const previousEndpoint = process.env['AWS_ENDPOINT_URL_SECRETS_MANAGER'];

  beforeAll(async () => {
    secretsManager = await startFakeApi((request) => {
      const { SecretId } = JSON.parse(request.body) as { SecretId: string };
      return SecretId === 'shoplane/test/payments/stripe-webhook-secret'
        ? { status: 200, body: { Name: SecretId, SecretString: 'whsec_from_secrets_manager\n', VersionId: '1' } }
        : { status: 400, body: { __type: 'ResourceNotFoundException', message: 'not found' } };
    });
    Object.assign(process.env, { AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManager.url, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' });
  });

  afterAll(async () => {
    if (previousEndpoint === undefined) delete process.env['AWS_ENDPOINT_URL_SECRETS_MANAGER'];
    else process.env['AWS_ENDPOINT_URL_SECRETS_MANAGER'] = previousEndpoint;
    await secretsManager.close();
  });

  it('reads the value from Secrets Manager through Powertools, by the name the variable holds, and caches it', async () => {
    const secret = secretNamedBy(paymentsVariables.stripeWebhookSecret, { [paymentsVariables.stripeWebhookSecret]: 'shoplane/test/payments/stripe-webhook-secret' });

    expect(await secret()).toBe('whsec_from_secrets_manager');
    expect(await secret()).toBe('whsec_from_secrets_manager');
    expect(secretsManager.requests.filter((request) => request.headers['x-amz-target'] === 'secretsmanager.GetSecretValue')).toHaveLength(1);
  });

  it('fails at once when the variable is missing', () => {
    expect(() => secretNamedBy(paymentsVariables.razorpayWebhookSecret, {})).toThrow(MissingConfigurationError);
  });
});
