import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { bcryptCost, bcryptHasher, bcryptMaxBytes } from './password-hasher.js';

describe('bcrypt password hasher', () => {
  it('hashes with a work factor of at least 10', async () => {
    const hash = await bcryptHasher().hash('correct horse battery');

    expect(bcryptCost).toBeGreaterThanOrEqual(10);
    expect(bcrypt.getRounds(hash)).toBe(bcryptCost);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hasher = bcryptHasher(4);
    const hash = await hasher.hash('correct horse battery');

    expect(await hasher.verify('correct horse battery', hash)).toBe(true);
    expect(await hasher.verify('correct horse batterY', hash)).toBe(false);
  });

  it('keeps its dummy hash at the production cost, so an unknown email costs a real comparison', async () => {
    const spent: string[] = [];
    const original = bcrypt.compare;
    const compare = (password: string, hash: string) => {
      spent.push(hash);
      return original(password, hash);
    };
    Object.assign(bcrypt, { compare });
    try {
      await bcryptHasher().verifyAgainstDummy('anything at all');
    } finally {
      Object.assign(bcrypt, { compare: original });
    }

    expect(spent).toHaveLength(1);
    expect(bcrypt.getRounds(spent[0] ?? '')).toBe(bcryptCost);
  });

  it('never matches a password longer than bcrypt reads, though bcrypt alone would', async () => {
    const hasher = bcryptHasher(4);
    const password = 'p'.repeat(bcryptMaxBytes);
    const hash = await hasher.hash(password);

    expect(await bcrypt.compare(`${password}!`, hash)).toBe(true);
    expect(await hasher.verify(`${password}!`, hash)).toBe(false);
    expect(await hasher.verify(password, hash)).toBe(true);
  });

  it('spends one real comparison on an over-long password, as on any wrong one', async () => {
    const spent: string[] = [];
    const original = bcrypt.compare;
    Object.assign(bcrypt, {
      compare: (password: string, hash: string) => {
        spent.push(hash);
        return original(password, hash);
      },
    });
    try {
      await bcryptHasher().verify('x'.repeat(bcryptMaxBytes + 1), '$2b$10$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz01234');
    } finally {
      Object.assign(bcrypt, { compare: original });
    }

    expect(spent).toHaveLength(1);
    expect(bcrypt.getRounds(spent[0] ?? '')).toBe(bcryptCost);
  });

  it('refuses to hash a password bcrypt would truncate', async () => {
    await expect(bcryptHasher(4).hash('é'.repeat(37))).rejects.toThrow(RangeError);
  });
});
