import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import { bcryptCost, bcryptHasher } from './password-hasher.js';

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
});
