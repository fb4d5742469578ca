import type { Logger } from '@shoplane/lambda-kit';
import type { ProviderName } from '../domain/payment.js';
import type { PaymentGateway } from '../domain/ports.js';
import { paymentsVariables, type GatewayMode } from '../variables.js';
import { routedGateway } from './routed-gateway.js';
import { sandboxGateway, type SandboxApprovals } from './sandbox-gateway.js';
import { secretNamedBy } from './secrets.js';

export const defaultApprovalDelayMs = 2000;

export function gatewayMode(env: NodeJS.ProcessEnv = process.env): GatewayMode {
  const mode = env[paymentsVariables.gateway]?.trim() || 'sandbox';
  if (mode !== 'sandbox' && mode !== 'live') throw new Error(`${paymentsVariables.gateway} must be "sandbox" or "live", not "${mode}".`);
  return mode;
}

function approvalDelayMs(env: NodeJS.ProcessEnv): number {
  const raw = env[paymentsVariables.sandboxApprovalDelayMs]?.trim();
  if (!raw) return defaultApprovalDelayMs;
  const delay = Number(raw);
  if (!Number.isInteger(delay) || delay < 0) throw new Error(`${paymentsVariables.sandboxApprovalDelayMs} must be a whole number of milliseconds, not "${raw}".`);
  return delay;
}

/** The sandbox's approvals, where the environment says where to send them (process-payment's does). */
function sandboxApprovals(env: NodeJS.ProcessEnv, logger: Logger): SandboxApprovals | undefined {
  const webhookBaseUrl = env[paymentsVariables.sandboxWebhookUrl]?.trim();
  if (!webhookBaseUrl) return undefined;
  return {
    webhookBaseUrl,
    webhookSecret: secretNamedBy(paymentsVariables.razorpayWebhookSecret, env),
    delayMs: approvalDelayMs(env),
    onUndelivered: (error) => logger.warn('the sandbox could not deliver an approval webhook', { reason: error instanceof Error ? error.message : String(error) }),
  };
}

/**
 * The live providers a function may call, each built from the environment on first use.
 * A function lists only those it calls, so its bundle carries only their SDKs.
 */
export interface LiveProviders {
  stripe?: (env: NodeJS.ProcessEnv) => PaymentGateway;
  razorpay?: (env: NodeJS.ProcessEnv) => PaymentGateway;
}

/** The gateway the environment asks for: the sandbox, or Stripe for cards and Razorpay for UPI. */
export function configuredGateway(env: NodeJS.ProcessEnv, logger: Logger, live: LiveProviders = {}): PaymentGateway {
  if (gatewayMode(env) === 'sandbox') {
    return routedGateway({ CARD: 'sandbox', UPI: 'sandbox' }, { sandbox: () => sandboxGateway({ approvals: sandboxApprovals(env, logger) }) });
  }
  const { stripe, razorpay } = live;
  return routedGateway(
    { CARD: 'stripe', UPI: 'razorpay' },
    { ...(stripe ? { stripe: () => stripe(env) } : {}), ...(razorpay ? { razorpay: () => razorpay(env) } : {}) },
  );
}

/** Who a Razorpay-shaped webhook comes from: the sandbox sends them too, for its own payments. */
export function razorpayWebhookProvider(env: NodeJS.ProcessEnv = process.env): ProviderName {
  return gatewayMode(env) === 'sandbox' ? 'sandbox' : 'razorpay';
}
