import type { DeliveryOutcome, MessageRequest, NotificationRecord, Recipient } from './notification.js';

/** A request's record as a delivery finds it. */
export type Claim =
  /** This delivery holds the record (for a lease) and must settle it. */
  | { kind: 'claimed'; notificationId: string; attempts: number; leaseToken: string }
  /** Already SENT, or FAILED for good: nothing to send. */
  | { kind: 'settled'; record: NotificationRecord }
  /** Another delivery holds it right now. */
  | { kind: 'in-progress' };

export interface NotificationRepository {
  /**
   * Creates the request's record (PENDING, with a fresh `ntf_` id) or takes over one
   * no delivery holds, in one conditional write: of concurrent deliveries of the
   * same request, exactly one is `claimed`.
   */
  claim(request: Omit<MessageRequest, 'render'>, now: Date): Promise<Claim>;
  /** Writes the outcome onto a claimed record; throws BusyError when the lease was lost to another delivery. */
  settle(request: Omit<MessageRequest, 'render'>, claim: Extract<Claim, { kind: 'claimed' }>, outcome: DeliveryOutcome, now: Date): Promise<NotificationRecord>;
  /** A user's SENT and FAILED notifications, newest first, one Query per page. */
  listForUser(userId: string, page: { limit: number; cursor?: string }): Promise<{ items: NotificationRecord[]; nextCursor: string | null }>;
}

export interface RecipientDirectory {
  save(recipient: Recipient): Promise<void>;
  find(userId: string): Promise<Recipient | undefined>;
}

export interface ProviderReceipt {
  providerMessageId: string;
}

/** E-mail through a provider (SES). Throws DeliveryFailedError. */
export interface EmailChannel {
  send(email: { to: string; subject: string; text: string; html: string; template: string }): Promise<ProviderReceipt>;
}

/** SMS through a provider (SNS). Throws DeliveryFailedError. */
export interface SmsChannel {
  send(sms: { to: string; text: string }): Promise<ProviderReceipt>;
}

/** How hard one delivery tries a provider before recording the message FAILED. */
export interface DeliveryRetry {
  attempts: number;
  /** Waits before try `attempt + 1` (jittered backoff in production, nothing in tests). */
  pause(attempt: number): Promise<void>;
}
