import type { BusinessMetrics } from '@shoplane/lambda-kit';
import type { PaymentRepository } from '../domain/ports.js';

/**
 * Counts PaymentsDeclined each time a payment really moves to DECLINED, whether the charge
 * answered it or a webhook did: a repeated answer or a lost race writes nothing and counts nothing.
 */
export function countingDeclines(payments: PaymentRepository, metrics: BusinessMetrics): PaymentRepository {
  return {
    ...payments,
    async transition(transition) {
      const written = await payments.transition(transition);
      if (written === 'moved' && transition.to === 'DECLINED') metrics.count('PaymentsDeclined');
      return written;
    },
  };
}
