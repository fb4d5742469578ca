import bcrypt from 'bcryptjs';
import type { PasswordHasher } from '../domain/ports.js';

/** bcrypt work factor: ~80 ms a hash on a Lambda-sized core; raise it as hardware gets faster. */
export const bcryptCost = 10;

/**
 * A hash of a random password nobody knows, at the same cost, so that a login for an
 * unknown email spends the same time as a real verification.
 */
const dummyHash = '$2b$10$vimJDHziNeWlkSxz9LBnkOKc27.FXSED9gaUvK00C4SOYBonjnYHy';

/** bcrypt compares only the first 72 bytes of what it is given. */
export const bcryptMaxBytes = 72;

const fitsBcrypt = (password: string) => Buffer.byteLength(password, 'utf8') <= bcryptMaxBytes;

export function bcryptHasher(cost = bcryptCost): PasswordHasher {
  return {
    async hash(password) {
      // Registration refuses longer passwords already; this keeps a caller from storing one bcrypt would truncate.
      if (!fitsBcrypt(password)) throw new RangeError(`a password must be at most ${bcryptMaxBytes} bytes`);
      return bcrypt.hash(password, cost);
    },
    async verify(password, hash) {
      // A longer string sharing the first 72 bytes would match: it is wrong, after the same work as any check.
      if (!fitsBcrypt(password)) {
        await bcrypt.compare(password, dummyHash);
        return false;
      }
      return bcrypt.compare(password, hash);
    },
    async verifyAgainstDummy(password) {
      await bcrypt.compare(password, dummyHash);
    },
  };
}
