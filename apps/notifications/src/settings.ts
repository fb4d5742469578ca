/**
 * Environment variables of the functions that send, set by stack.ts from the
 * deployment's context (see the README's Notifications section). Values are
 * names and addresses, never secrets.
 */
export const messagingVariables = {
  /** SES `FromEmailAddress`, e.g. `Shoplane <orders@shop.example.org>`; must belong to the SES identity. */
  senderAddress: 'NOTIFICATIONS_SENDER_ADDRESS',
  /** Optional SES configuration set (bounce/complaint events, dedicated IPs). */
  configurationSet: 'NOTIFICATIONS_SES_CONFIGURATION_SET',
  /** Optional SMS sender id, where the destination country supports one. */
  smsSenderId: 'NOTIFICATIONS_SMS_SENDER_ID',
} as const;

/** Where mail comes from when nothing is configured: the local runtime, whose outbox accepts any sender. */
export const localSenderAddress = 'Shoplane <no-reply@shoplane.local>';
