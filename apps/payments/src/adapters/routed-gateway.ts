import type { PaymentMethod } from '@shoplane/contracts';
import type { ProviderName } from '../domain/payment.js';
import type { PaymentGateway } from '../domain/ports.js';

/**
 * One gateway in front of the providers: a charge goes to the provider of its method,
 * a refund or cancel to the provider that took the payment. Providers are built on
 * first use, so a function only reads the secrets of the providers it calls.
 */
export function routedGateway(
  routes: Readonly<Record<PaymentMethod, ProviderName>>,
  providers: Partial<Record<ProviderName, () => PaymentGateway>>,
): PaymentGateway {
  const built = new Map<ProviderName, PaymentGateway>();
  const providerFor = (name: ProviderName): PaymentGateway => {
    const existing = built.get(name);
    if (existing) return existing;
    const make = providers[name];
    if (!make) throw new Error(`This deployment has no ${name} gateway configured (PAYMENTS_GATEWAY decides which providers are used).`);
    const gateway = make();
    built.set(name, gateway);
    return gateway;
  };

  return {
    charge: async (request) => providerFor(routes[request.method]).charge(request),
    refund: async (request) => providerFor(request.provider).refund(request),
    cancel: async (request) => providerFor(request.provider).cancel(request),
    async settled() {
      await Promise.all([...built.values()].map((gateway) => gateway.settled()));
    },
  };
}
