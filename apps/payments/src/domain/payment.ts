import type { InternalInput, InternalOutput, MoneyTotal, PaymentMethod, processPayment, refundPayment } from '@shoplane/contracts';

/**
 * One payment per order. It starts PROCESSING while the provider is asked, and moves
 * only along `paymentTransitions`; the repository writes every move conditionally on
 * the status it was decided from, so two writers can never both move it.
 */
export type PaymentStatus = 'PROCESSING' | 'PENDING' | 'CAPTURED' | 'DECLINED' | 'CANCELLED' | 'REFUNDED';

/**
 * Every move a payment can make. PROCESSING → CANCELLED and CANCELLED → REFUNDED exist
 * for the saga's compensation racing the provider: an order given up while its charge
 * had no answer yet is cancelled, and money the provider captures after that (a late
 * approval) is refunded at once. DECLINED and REFUNDED are final.
 */
export const paymentTransitions: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  PROCESSING: ['CAPTURED', 'DECLINED', 'PENDING', 'CANCELLED'],
  PENDING: ['CAPTURED', 'DECLINED', 'CANCELLED'],
  CAPTURED: ['REFUNDED'],
  CANCELLED: ['REFUNDED'],
  DECLINED: [],
  REFUNDED: [],
};

export function canMove(from: PaymentStatus, to: PaymentStatus): boolean {
  return paymentTransitions[from].includes(to);
}

/** Who holds the money: the local sandbox, Stripe (cards) or Razorpay (UPI). */
export type ProviderName = 'sandbox' | 'stripe' | 'razorpay';

export type DeclineReason = 'payment-declined' | 'insufficient-funds';

/** One call to a provider and what came of it, kept on the payment for support and audits. */
export interface PaymentAttempt {
  at: string;
  action: 'charge' | 'refund' | 'cancel' | 'notice';
  /** An outcome (`CAPTURED`, `PENDING`, ...) or `UNREACHABLE` when the provider could not be reached. */
  result: string;
  provider: ProviderName;
  /** The provider's id of what it created (PaymentIntent, Razorpay payment, refund). */
  reference?: string;
}

export interface Payment {
  paymentId: string;
  orderId: string;
  userId: string;
  amount: MoneyTotal;
  method: PaymentMethod;
  status: PaymentStatus;
  declineReason?: DeclineReason;
  provider?: ProviderName;
  providerReference?: string;
  refundReference?: string;
  /** While PROCESSING: until when the call that is charging owns the payment. */
  leaseExpiresAt?: string;
  attempts: PaymentAttempt[];
  createdAt: string;
  updatedAt: string;
}

export type ProcessPaymentInput = InternalInput<typeof processPayment>;
export type ProcessPaymentOutput = InternalOutput<typeof processPayment>;
export type RefundPaymentOutput = InternalOutput<typeof refundPayment>;

export function newPayment(request: ProcessPaymentInput, paymentId: string, now: Date, leaseExpiresAt: Date): Payment {
  const at = now.toISOString();
  return {
    paymentId,
    orderId: request.orderId,
    userId: request.userId,
    amount: request.amount,
    method: request.method,
    status: 'PROCESSING',
    leaseExpiresAt: leaseExpiresAt.toISOString(),
    attempts: [],
    createdAt: at,
    updatedAt: at,
  };
}

/** The same order asked to be paid again must be the same charge: same customer, amount and method. */
export function isSameCharge(payment: Payment, request: ProcessPaymentInput): boolean {
  return (
    payment.userId === request.userId &&
    payment.method === request.method &&
    payment.amount.amount === request.amount.amount &&
    payment.amount.currency === request.amount.currency
  );
}

/** Still waiting for the provider's word: a charge in flight, or a customer who has not approved yet. */
export function isAwaitingProvider(status: PaymentStatus): boolean {
  return status === 'PROCESSING' || status === 'PENDING';
}

/** Outcomes the saga's waiting Task is told about. */
export function isReportable(status: PaymentStatus): boolean {
  return status === 'CAPTURED' || status === 'DECLINED';
}

/**
 * What processPayment answers for a payment. Only CAPTURED means the money is held:
 * a payment cancelled (or refunded after a late approval) answers DECLINED, so a
 * straggling saga step can never confirm an order whose money went back.
 */
export function outputOf(payment: Payment): ProcessPaymentOutput {
  const answer = { paymentId: payment.paymentId, orderId: payment.orderId };
  switch (payment.status) {
    case 'CAPTURED':
      return { ...answer, status: 'CAPTURED' };
    case 'DECLINED':
      return { ...answer, status: 'DECLINED', reason: payment.declineReason ?? 'payment-declined' };
    case 'PROCESSING':
    case 'PENDING':
      return { ...answer, status: 'PENDING' };
    case 'CANCELLED':
      return { ...answer, status: 'DECLINED', reason: 'payment-timeout' };
    case 'REFUNDED':
      return { ...answer, status: 'DECLINED', reason: 'payment-declined' };
  }
}

export function attemptAt(at: Date, attempt: Omit<PaymentAttempt, 'at'>): PaymentAttempt {
  return { at: at.toISOString(), ...attempt };
}
