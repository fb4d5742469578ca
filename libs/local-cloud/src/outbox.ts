import { randomUUID } from 'node:crypto';

/** An e-mail as SES v2 `SendEmail` accepted it. */
export interface OutboxEmail {
  messageId: string;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string[];
  subject: string;
  text?: string;
  html?: string;
  configurationSet?: string;
  tags: Record<string, string>;
  sentAt: string;
}

/** An SMS as SNS `Publish` (to a phone number) accepted it. */
export interface OutboxSms {
  messageId: string;
  phoneNumber: string;
  message: string;
  /** `AWS.SNS.SMS.SMSType`: Transactional or Promotional. */
  smsType?: string;
  senderId?: string;
  sentAt: string;
}

export type OutboxChannel = 'email' | 'sms';

/** How a provider answers a call it refuses: the HTTP status and the error code the SDK turns into an exception. */
export interface ProviderFault {
  status: number;
  code: string;
  message: string;
}

const keep = 500;

/**
 * The local stand-in for the inboxes SES and SNS would deliver to: every accepted
 * message, readable by a developer at `/__local/outbox`. Tests can make the next
 * calls to a channel fail exactly as the provider would (throttling, rejection),
 * so retry and dead-letter paths run through the real SDK adapters.
 */
export class LocalOutbox {
  private readonly sentEmails: OutboxEmail[] = [];
  private readonly sentSms: OutboxSms[] = [];
  private readonly faults: Record<OutboxChannel, { remaining: number; fault: ProviderFault }[]> = { email: [], sms: [] };

  /** Oldest first. */
  get emails(): OutboxEmail[] {
    return [...this.sentEmails];
  }

  /** Oldest first. */
  get sms(): OutboxSms[] {
    return [...this.sentSms];
  }

  acceptEmail(email: Omit<OutboxEmail, 'messageId' | 'sentAt'>): OutboxEmail {
    const accepted = { messageId: randomUUID(), sentAt: new Date().toISOString(), ...email };
    push(this.sentEmails, accepted);
    return accepted;
  }

  acceptSms(sms: Omit<OutboxSms, 'messageId' | 'sentAt'>): OutboxSms {
    const accepted = { messageId: randomUUID(), sentAt: new Date().toISOString(), ...sms };
    push(this.sentSms, accepted);
    return accepted;
  }

  /** Makes the next `times` calls to the channel fail with `fault` (Infinity: until `clearFaults`). */
  failNext(channel: OutboxChannel, times: number, fault: ProviderFault): void {
    this.faults[channel].push({ remaining: times, fault });
  }

  clearFaults(): void {
    this.faults.email = [];
    this.faults.sms = [];
  }

  /** The fault the next call to the channel must answer with, if one is armed; consumes one use of it. */
  takeFault(channel: OutboxChannel): ProviderFault | undefined {
    const armed = this.faults[channel][0];
    if (!armed) return undefined;
    armed.remaining -= 1;
    if (armed.remaining <= 0) this.faults[channel].shift();
    return armed.fault;
  }

  /** The operator view: newest first. */
  view(): { emails: OutboxEmail[]; sms: OutboxSms[] } {
    return { emails: this.emails.reverse(), sms: this.sms.reverse() };
  }
}

function push<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > keep) list.shift();
}
