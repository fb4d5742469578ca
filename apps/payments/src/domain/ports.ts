import type { DomainEvent, MoneyTotal, PaymentMethod } from '@shoplane/contracts';
import type { DeclineReason, Payment, PaymentAttempt, PaymentStatus, ProcessPaymentOutput, ProviderName } from './payment.js';

export interface ChargeRequest {
  paymentId: string;
  orderId: string;
  userId: string;
  amount: MoneyTotal;
  method: PaymentMethod;
  /** Card token / payment method id or UPI address. Never logged, never stored. */
  token: string;
  /** The provider answers a repeated request with this key as it answered the first (the orderId). */
  idempotencyKey: string;
}

/** What a provider says about a payment, from a charge's answer or from a webhook. */
export type ProviderVerdict =
  | { status: 'CAPTURED'; provider: ProviderName; reference: string }
  | { status: 'PENDING'; provider: ProviderName; reference: string }
  | { status: 'DECLINED'; provider: ProviderName; reason: DeclineReason; reference?: string };

export interface RefundRequest {
  provider: ProviderName;
  /** The provider's id of the captured payment. */
  reference: string;
  orderId: string;
  amount: MoneyTotal;
  /** `refund-<orderId>`: one refund per order, however often it is asked for. */
  idempotencyKey: string;
}

export interface CancelRequest {
  provider: ProviderName;
  reference: string;
  orderId: string;
  idempotencyKey: string;
}

/** `captured`: too late, the customer approved first; `not-cancellable`: the provider has no cancel (the approval may still come). */
export type CancelOutcome = 'cancelled' | 'captured' | 'not-cancellable';

/**
 * The payment provider, behind one port: the local sandbox, or Stripe (cards) and
 * Razorpay (UPI). A provider that cannot be reached throws ProviderUnavailableError;
 * a decline is an answer.
 */
export interface PaymentGateway {
  charge(request: ChargeRequest): Promise<ProviderVerdict>;
  refund(request: RefundRequest): Promise<{ reference?: string }>;
  cancel(request: CancelRequest): Promise<CancelOutcome>;
  /**
   * Resolves when work the gateway started in the background has finished (the
   * sandbox's delayed approval webhooks). Handlers await it before returning, because
   * Lambda freezes a container between invocations.
   */
  settled(): Promise<void>;
}

/** Completes the saga's `.waitForTaskToken` Task (Step Functions SendTaskSuccess / SendTaskFailure). */
export interface CheckoutCallback {
  /** `expired` when no Task waits for this token any more (it timed out or was retried under a new token). */
  succeed(taskToken: string, output: ProcessPaymentOutput): Promise<'delivered' | 'expired'>;
  fail(taskToken: string, error: string, cause: string): Promise<'delivered' | 'expired'>;
}

export type ClaimResult =
  | { kind: 'claimed'; payment: Payment }
  | { kind: 'exists'; payment: Payment }
  /** The order was compensated before any charge began: it must never be charged. */
  | { kind: 'voided'; paymentId: string };

export interface PaymentTransition {
  /** The payment as the decision read it; the write is conditional on its status. */
  payment: Payment;
  to: PaymentStatus;
  at: Date;
  changes?: Partial<Pick<Payment, 'declineReason' | 'provider' | 'providerReference' | 'refundReference'>>;
  attempt?: PaymentAttempt;
  /** Written in the same transaction (outbox). */
  events: DomainEvent[];
  /** Only when no call holds the lease (PROCESSING → CANCELLED must not cut a charge in flight short). */
  unleasedAt?: Date;
}

export interface PaymentRepository {
  /** Strongly consistent. */
  find(orderId: string): Promise<Payment | undefined>;
  /** Creates the order's payment, leased to the caller and keeping the Task's token, unless one exists or the order was voided. */
  claim(payment: Payment, taskToken: string | undefined): Promise<ClaimResult>;
  /** Leases a PROCESSING payment whose lease is free or past; false while another call holds it. */
  takeLease(orderId: string, now: Date, until: Date): Promise<boolean>;
  /** Keeps the token of a Task waiting for a payment still PROCESSING or PENDING; false once it has moved on. */
  awaitWith(orderId: string, taskToken: string): Promise<boolean>;
  /** Notes a charge that reached nobody and frees the lease, so the next retry may charge again. */
  recordUnreachable(orderId: string, attempt: PaymentAttempt): Promise<void>;
  /** `stale` when the payment is no longer in the status the transition was decided from. */
  transition(transition: PaymentTransition): Promise<'moved' | 'stale'>;
  /** Takes the waiting Task's token off the payment; each token is taken once. */
  takeTaskToken(orderId: string): Promise<string | undefined>;
  /** Puts back a token that could not be delivered, unless a newer one arrived meanwhile. */
  restoreTaskToken(orderId: string, taskToken: string): Promise<void>;
  /**
   * Marks an order with no payment as compensated (under this payment id), so a late
   * processPayment charges nothing; true also when it was marked before, false when a payment exists.
   */
  voidOrder(orderId: string, paymentId: string, at: Date): Promise<boolean>;
}
