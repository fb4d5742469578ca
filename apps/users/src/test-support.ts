import { createTokenSigner, createTokenVerifier } from '@shoplane/lambda-kit';
import { createTestTable, generateTestKeys, localStoreEndpoint, testTokenSettings, type TestTable } from '@shoplane/testing';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dynamoAttemptLog } from './adapters/attempt-log.js';
import { bcryptHasher } from './adapters/password-hasher.js';
import { dynamoUserRepository } from './adapters/user-repository.js';
import type { PasswordHasher } from './domain/ports.js';
import { service } from './service.js';

/** bcrypt's minimum cost keeps the suite fast; the production cost is asserted separately. */
const fastHashCost = 4;

export interface CountingHasher extends PasswordHasher {
  comparisons: number;
  hashes: number;
}

/** Counts bcrypt comparisons and hashes, the work that dominates a login's and a registration's duration. */
export function countingHasher(inner: PasswordHasher = bcryptHasher(fastHashCost)): CountingHasher {
  const counting: CountingHasher = {
    comparisons: 0,
    hashes: 0,
    hash: async (password) => {
      counting.hashes++;
      return inner.hash(password);
    },
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

/**
 * A clock tests move by hand, to step past a throttle's window without waiting. It starts
 * at the real time, so no TTL written from it is already in the past for DynamoDB Local.
 */
export function manualClock(start = new Date()) {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance(milliseconds: number) {
      current += milliseconds;
    },
  };
}

/** The same request as sent from another client address (API Gateway's `sourceIp`). */
export function fromAddress(event: APIGatewayProxyEventV2, sourceIp: string): APIGatewayProxyEventV2 {
  return { ...event, requestContext: { ...event.requestContext, http: { ...event.requestContext.http, sourceIp } } };
}

/** Users wired to a fresh table in DynamoDB Local, in-memory keys and a manual clock. */
export async function usersTestbed() {
  const table: TestTable = await createTestTable(localStoreEndpoint(), service);
  const keys = generateTestKeys();
  const hasher = countingHasher();
  const users = dynamoUserRepository(table.documents, table.name);
  const attempts = dynamoAttemptLog(table.documents, table.name);
  const clock = manualClock();
  return {
    table,
    keys,
    hasher,
    users,
    attempts,
    clock,
    accounts: () => ({ users, hasher, attempts, clock: clock.now }),
    signer: createTokenSigner(keys, testTokenSettings),
    verifier: () => createTokenVerifier(keys, testTokenSettings),
  };
}
