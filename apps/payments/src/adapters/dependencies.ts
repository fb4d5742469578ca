import { createDocumentClient, once, serviceTableName } from '@shoplane/lambda-kit';
import type { ProviderName } from '../domain/payment.js';
import type { PaymentDependencies } from '../domain/settlement.js';
import { stepFunctionsCallback } from './checkout-callback.js';
import { configuredGateway, type LiveProviders } from './configuration.js';
import { countingDeclines } from './decline-metrics.js';
import { logger, metrics } from './logger.js';
import { dynamoPaymentRepository } from './payment-repository.js';
import { secretNamedBy, type SecretSource } from './secrets.js';

export { logger };
const documentClient = createDocumentClient();

/** What a webhook handler needs besides the payments: the provider's signing secret. */
export interface WebhookDependencies extends PaymentDependencies {
  signingSecret: SecretSource;
  /** Whose payments the webhook's notices concern. */
  provider: ProviderName;
}

/** Wired once per container, on first use, from the environment the stack provides; `live` names the providers the function calls. */
export function paymentDependencies(live: LiveProviders): () => PaymentDependencies {
  return once(() => ({
    payments: countingDeclines(dynamoPaymentRepository(documentClient, serviceTableName('payments')), metrics),
    gateway: configuredGateway(process.env, logger, live),
    callback: stepFunctionsCallback(),
  }));
}

/** A webhook's dependencies: its provider's gateway, and the signing secret the environment names. */
export function webhookDependencies(live: LiveProviders, signingSecretVariable: string, provider: () => ProviderName): () => WebhookDependencies {
  const payments = paymentDependencies(live);
  return once(() => ({ ...payments(), signingSecret: secretNamedBy(signingSecretVariable), provider: provider() }));
}
