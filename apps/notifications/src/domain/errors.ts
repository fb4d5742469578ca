import { DomainError, type NotificationFailureReason } from '@shoplane/contracts';

/**
 * A provider (SES, SNS) did not take the message. `retryable` says whether the
 * same call could succeed later (throttling, an outage) or never will (the
 * address was rejected). Adapters translate every provider error into this.
 */
export class DeliveryFailedError extends DomainError<{ retryable: boolean }> {
  constructor(message: string, options: { retryable: boolean; cause?: unknown }) {
    super('delivery-failed', message, { data: { retryable: options.retryable }, cause: options.cause });
  }

  get retryable(): boolean {
    return this.data?.retryable ?? true;
  }
}

/**
 * An event's message was not sent (yet). Thrown by the event use cases so the
 * subscription queue redelivers the event and, once its retries are spent,
 * keeps it in the dead-letter queue: a failed message is never dropped silently.
 */
export class NotificationNotSentError extends DomainError<{ notificationId: string; reason?: NotificationFailureReason }> {
  constructor(notificationId: string, reason: NotificationFailureReason | undefined, attempts: number) {
    super('notification-not-sent', `Notification ${notificationId} was not sent (${reason ?? 'unknown reason'}, ${attempts} provider attempt(s) so far).`, {
      data: { notificationId, reason },
    });
  }
}

/** Garbled, forged, or issued to another caller: the client starts the listing again without it. */
export class InvalidCursorError extends DomainError {
  constructor() {
    super('invalid-cursor', 'The cursor is not valid for this query; start again without it.');
  }
}
