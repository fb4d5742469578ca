import type { ProviderVerdict } from './ports.js';
import { applyVerdict, type PaymentDependencies } from './settlement.js';

/** A verified webhook's news about one order's payment. */
export interface ProviderNotice {
  orderId: string;
  verdict: ProviderVerdict;
}

export type NoticeOutcome = 'applied' | 'unchanged' | 'unknown-payment';

/**
 * Applies a provider's webhook: a payment waiting for the customer becomes CAPTURED or
 * DECLINED (and the saga's waiting Task hears of it), a capture for a payment already
 * cancelled is refunded at once, and a replay changes nothing. A notice about a
 * payment this service never made (another integration on the same provider account)
 * is acknowledged and ignored.
 */
export async function applyNotice(deps: PaymentDependencies, notice: ProviderNotice, correlationId: string): Promise<NoticeOutcome> {
  const payment = await deps.payments.find(notice.orderId);
  const reference = notice.verdict.reference;
  if (!payment || (payment.providerReference && reference && payment.providerReference !== reference)) return 'unknown-payment';
  const after = await applyVerdict(deps, payment, notice.verdict, 'notice', correlationId);
  return after.status === payment.status && after.updatedAt === payment.updatedAt ? 'unchanged' : 'applied';
}
