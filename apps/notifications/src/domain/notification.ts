import type { NotificationChannel, NotificationFailureReason, NotificationTemplate } from '@shoplane/contracts';

/** Where a customer's messages go: learned from UserRegistered, kept in this service's own table. */
export interface Recipient {
  userId: string;
  email: string;
  name: string;
  /** E.164; SMS is only possible once one is known. */
  phone?: string;
}

/** What a template renders for one recipient. */
export type RenderedMessage =
  | { channel: 'EMAIL'; subject: string; text: string; html: string }
  | { channel: 'SMS'; text: string };

/** One message to send. The same fact always gives the same `dedupeKey`, which is what makes it go out once. */
export interface MessageRequest {
  dedupeKey: string;
  userId: string;
  channel: NotificationChannel;
  template: NotificationTemplate;
  orderId?: string;
  /** The event that asked for it, for tracing. */
  eventId?: string;
  render(recipient: Recipient): RenderedMessage;
}

/** `PENDING` only while a delivery holds the record; customers see SENT and FAILED ones. */
export type RecordStatus = 'PENDING' | 'SENT' | 'FAILED';

export interface NotificationRecord {
  notificationId: string;
  userId: string;
  channel: NotificationChannel;
  template: NotificationTemplate;
  status: RecordStatus;
  subject?: string;
  orderId?: string;
  eventId?: string;
  /** Provider calls so far, across every delivery of the request. */
  attempts: number;
  failureReason?: NotificationFailureReason;
  createdAt: string;
  updatedAt: string;
  sentAt?: string;
}

/** How a delivery ended, as it is written onto the record. */
export type DeliveryOutcome =
  | { status: 'SENT'; attempts: number; subject?: string; providerMessageId: string }
  | {
      status: 'FAILED';
      attempts: number;
      subject?: string;
      failureReason: NotificationFailureReason;
      /** The provider's own words; kept on the record for operators, never shown to the customer. */
      failureDetail: string;
      /** Sending again cannot help (a rejected address, no phone number): later deliveries do not call the provider. */
      permanent: boolean;
    };

/** `<template>#<subject id>#<channel>`: one welcome per user, one confirmation per order and channel. */
export function dedupeKeyOf(template: NotificationTemplate, subjectId: string, channel: NotificationChannel): string {
  return `${template}#${subjectId}#${channel}`;
}
