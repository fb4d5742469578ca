import { BusyError } from '@shoplane/contracts';
import { DeliveryFailedError } from './errors.js';
import type { DeliveryOutcome, MessageRequest, NotificationRecord, Recipient, RenderedMessage } from './notification.js';
import type { DeliveryRetry, EmailChannel, NotificationRepository, RecipientDirectory, SmsChannel } from './ports.js';

export interface DeliveryDependencies {
  notifications: NotificationRepository;
  recipients: RecipientDirectory;
  email: EmailChannel;
  sms: SmsChannel;
  retry: DeliveryRetry;
  clock?: () => Date;
}

export interface Delivery {
  record: NotificationRecord;
  /** True when an earlier delivery had already settled this request; nothing was sent now. */
  duplicate: boolean;
}

const failed = (
  attempts: number,
  failureReason: Extract<DeliveryOutcome, { status: 'FAILED' }>['failureReason'],
  failureDetail: string,
  permanent: boolean,
  subject?: string,
): DeliveryOutcome => ({ status: 'FAILED', attempts, failureReason, failureDetail, permanent, ...(subject === undefined ? {} : { subject }) });

function call(deps: DeliveryDependencies, message: RenderedMessage, recipient: Recipient, template: string, phone: string) {
  return message.channel === 'EMAIL'
    ? deps.email.send({ to: recipient.email, subject: message.subject, text: message.text, html: message.html, template })
    : deps.sms.send({ to: phone, text: message.text });
}

/**
 * Calls the provider until it takes the message, it refuses for good, or the
 * bounded retries are spent (with a pause between tries). `previousAttempts`
 * carries the count of earlier deliveries, so the record tells the whole story.
 */
async function attempt(deps: DeliveryDependencies, request: MessageRequest, recipient: Recipient, previousAttempts: number): Promise<DeliveryOutcome> {
  const message = request.render(recipient);
  const subject = message.channel === 'EMAIL' ? message.subject : undefined;
  const phone = recipient.phone;
  if (message.channel === 'SMS' && !phone) return failed(previousAttempts, 'no-phone-number', 'The recipient has no phone number for SMS.', true);
  let attempts = previousAttempts;
  for (let tryNumber = 1; ; tryNumber++) {
    attempts += 1;
    try {
      const receipt = await call(deps, message, recipient, request.template, phone ?? '');
      return { status: 'SENT', attempts, providerMessageId: receipt.providerMessageId, ...(subject === undefined ? {} : { subject }) };
    } catch (error) {
      if (!(error instanceof DeliveryFailedError)) throw error;
      if (!error.retryable) return failed(attempts, 'rejected', error.message, true, subject);
      if (tryNumber >= deps.retry.attempts) return failed(attempts, 'provider-unavailable', error.message, false, subject);
      await deps.retry.pause(tryNumber);
    }
  }
}

/**
 * Sends one message at most once. The request's record is claimed with a
 * conditional write, so of any number of deliveries of the same request (a
 * redelivered event, a retried saga step) only one calls the provider, and one
 * that finds the message SENT (or refused for good) sends nothing. A recipient
 * this service has not learned yet is a retryable failure: their UserRegistered
 * may simply not have arrived.
 */
export async function deliver(deps: DeliveryDependencies, request: MessageRequest): Promise<Delivery> {
  const clock = deps.clock ?? (() => new Date());
  const { render: _render, ...identity } = request;
  const claim = await deps.notifications.claim(identity, clock());
  if (claim.kind === 'settled') return { record: claim.record, duplicate: true };
  if (claim.kind === 'in-progress') throw new BusyError('notification');
  let outcome: DeliveryOutcome;
  try {
    const recipient = await deps.recipients.find(request.userId);
    outcome = recipient
      ? await attempt(deps, request, recipient, claim.attempts)
      : failed(claim.attempts, 'recipient-unknown', 'No UserRegistered has been received for this user yet.', false);
  } catch (error) {
    // Not a provider's answer (a bug, the table unreachable): give the record back for the next delivery.
    const detail = error instanceof Error ? error.message : String(error);
    await deps.notifications.settle(identity, claim, failed(claim.attempts, 'provider-unavailable', detail, false), clock());
    throw error;
  }
  const record = await deps.notifications.settle(identity, claim, outcome, clock());
  return { record, duplicate: false };
}
