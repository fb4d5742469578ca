import { getCurrentUser, loginUser, registerUser } from '@shoplane/contracts';
import { defineService, outboxTimeToLiveAttribute } from '@shoplane/manifest';

/**
 * Users: accounts, credentials and the tokens every other service trusts.
 *
 * Table `users` (single table):
 * - `PK=USER#<userId>, SK=PROFILE`  the profile and password hash
 * - `PK=EMAIL#<email>, SK=EMAIL`    claims an email for one user; written in the same
 *                                   transaction as the profile, so the store itself
 *                                   guarantees an email is registered once
 * - `PK=OUTBOX#<eventId>, SK=OUTBOX` events written with the change they describe,
 *                                   published from the table's stream, expired by TTL
 * - `PK=THROTTLE#<scope>#<hash>, SK=SLOT#<i>`
 *                                   one login or registration attempt a throttle still
 *                                   counts (domain/throttle.ts), expired by TTL when it
 *                                   leaves the throttle's window
 */
export const service = defineService({
  name: 'users',
  table: {
    partitionKey: { name: 'PK', type: 'S' },
    sortKey: { name: 'SK', type: 'S' },
    timeToLiveAttribute: outboxTimeToLiveAttribute,
    stream: { handler: 'publish-events', tableAccess: 'none', capabilities: ['publishEvents'] },
  },
  routes: [
    { operation: registerUser, handler: 'register' },
    // Login writes too: the attempts its throttles count.
    { operation: loginUser, handler: 'login', capabilities: ['signTokens'] },
    { operation: getCurrentUser, handler: 'get-me', tableAccess: 'read' },
  ],
});
