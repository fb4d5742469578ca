import type { TableIndex } from '@shoplane/manifest';

/**
 * Where things live in the notifications table (see service.ts). A notification's
 * item is keyed by its request's dedupe key, so the conditional write that claims
 * it is also what makes a message go out once; the `byUser` index lists a user's
 * settled notifications, newest first (notification ids are time-ordered ULIDs).
 */
export const byUserIndex = {
  name: 'byUser',
  partitionKey: { name: 'GSI1PK', type: 'S' },
  sortKey: { name: 'GSI1SK', type: 'S' },
} as const satisfies TableIndex;

export const notificationKey = (dedupeKey: string) => ({ PK: `NOTIFICATION#${dedupeKey}`, SK: 'NOTIFICATION' });
export const recipientKey = (userId: string) => ({ PK: `RECIPIENT#${userId}`, SK: 'RECIPIENT' });
export const userPartition = (userId: string) => `USER#${userId}`;

export const notificationIdPattern = /^ntf_[0-9A-HJKMNP-TV-Z]{26}$/;

/** How long a delivery holds a record: longer than a function may run (10 s), shorter than a queue's redelivery. */
export const leaseMilliseconds = 30_000;
