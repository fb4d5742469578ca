import bcrypt from 'bcryptjs';
import type { PasswordHasher } from '../domain/ports.js';

/** bcrypt work factor: ~80 ms a hash on a Lambda-sized core; raise it as hardware gets faster. */
export const bcryptCost = 10;

/**
 * A hash of a random password nobody knows, at the same cost, so that a login for an
 * unknown email spends the same time as a real verification.
 */
const dummyHash = '$2b$10$vimJDHziNeWlkSxz9LBnkOKc27.FXSED9gaUvK00C4SOYBonjnYHy';

export function bcryptHasher(cost = bcryptCost): PasswordHasher {
  return {
    hash: (password) => bcrypt.hash(password, cost),
    verify: (password, hash) => bcrypt.compare(password, hash),
    async verifyAgainstDummy(password) {
      await bcrypt.compare(password, dummyHash);
    },
  };
}
