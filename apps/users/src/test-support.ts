import { createTokenSigner, createTokenVerifier } from '@shoplane/lambda-kit';
import { createTestTable, generateTestKeys, localStoreEndpoint, testTokenSettings, type TestTable } from '@shoplane/testing';
import { bcryptHasher } from './adapters/password-hasher.js';
import { dynamoUserRepository } from './adapters/user-repository.js';
import type { PasswordHasher } from './domain/ports.js';
import { service } from './service.js';

/** bcrypt's minimum cost keeps the suite fast; the production cost is asserted separately. */
const fastHashCost = 4;

export interface CountingHasher extends PasswordHasher {
  comparisons: number;
}

/** Counts bcrypt comparisons, the work that dominates a login's duration. */
export function countingHasher(inner: PasswordHasher = bcryptHasher(fastHashCost)): CountingHasher {
  const counting: CountingHasher = {
    comparisons: 0,
    hash: (password) => inner.hash(password),
    verify: async (password, hash) => {
      counting.comparisons++;
      return inner.verify(password, hash);
    },
    verifyAgainstDummy: async (password) => {
      counting.comparisons++;
      return inner.verifyAgainstDummy(password);
    },
  };
  return counting;
}

/** Users wired to a fresh table in DynamoDB Local and in-memory keys. */
export async function usersTestbed() {
  const table: TestTable = await createTestTable(localStoreEndpoint(), service);
  const keys = generateTestKeys();
  const hasher = countingHasher();
  const users = dynamoUserRepository(table.documents, table.name);
  return {
    table,
    keys,
    hasher,
    users,
    accounts: () => ({ users, hasher }),
    signer: createTokenSigner(keys, testTokenSettings),
    verifier: () => createTokenVerifier(keys, testTokenSettings),
  };
}
