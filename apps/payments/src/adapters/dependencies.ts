import { createDocumentClient, createLogger, once, serviceTableName } from '@shoplane/lambda-kit';
import type { ProviderName } from '../domain/payment.js';
import type { PaymentDependencies } from '../domain/settlement.js';
import { stepFunctionsCallback } from './checkout-callback.js';
import { paymentsVariables } from '../variables.js';
import { configuredGateway, razorpayWebhookProvider } from './configuration.js';
import { dynamoPaymentRepository } from './payment-repository.js';
import { secretNamedBy, type SecretSource } from './secrets.js';

export const logger = createLogger('payments');
const documentClient = createDocumentClient();

/** What a webhook handler needs besides the payments: the provider's signing secret. */
export interface WebhookDependencies extends PaymentDependencies {
  signingSecret: SecretSource;
  /** Whose payments the webhook's notices concern. */
  provider: ProviderName;
}

/** Wired once per container, on first use, from the environment the stack provides. */
export const paymentDependencies = once(
  (): PaymentDependencies => ({
    payments: dynamoPaymentRepository(documentClient, serviceTableName('payments')),
    gateway: configuredGateway(process.env, logger),
    callback: stepFunctionsCallback(),
  }),
);

export const stripeWebhookDependencies = once(
  (): WebhookDependencies => ({ ...paymentDependencies(), signingSecret: secretNamedBy(paymentsVariables.stripeWebhookSecret), provider: 'stripe' }),
);

export const razorpayWebhookDependencies = once(
  (): WebhookDependencies => ({ ...paymentDependencies(), signingSecret: secretNamedBy(paymentsVariables.razorpayWebhookSecret), provider: razorpayWebhookProvider() }),
);
