import { GetCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DomainEvent, Role } from '@shoplane/contracts';
import { cancellationReasons, isConditionalCheckFailure, outboxPut } from '@shoplane/lambda-kit';
import { EmailAlreadyRegisteredError } from '../domain/errors.js';
import type { UserRepository } from '../domain/ports.js';
import type { User } from '../domain/user.js';

const userKey = (userId: string) => ({ PK: `USER#${userId}`, SK: 'PROFILE' });
const emailKey = (email: string) => ({ PK: `EMAIL#${email}`, SK: 'EMAIL' });

/** Concurrent registrations of one email can collide inside DynamoDB; a retry then sees the winner. */
const transactionAttempts = 6;

function toUser(item: Record<string, unknown> | undefined): User | undefined {
  if (!item) return undefined;
  return {
    userId: String(item['userId']),
    email: String(item['email']),
    name: String(item['name']),
    role: item['role'] === 'admin' ? 'admin' : 'customer',
    passwordHash: String(item['passwordHash']),
    createdAt: String(item['createdAt']),
  };
}

function pause(attempt: number): Promise<void> {
  const delay = Math.random() * 20 * 2 ** attempt;
  return new Promise((resolve) => setTimeout(resolve, delay));
}

export function dynamoUserRepository(client: DynamoDBDocumentClient, tableName: string): UserRepository {
  async function findById(userId: string) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: userKey(userId) }));
    return toUser(Item);
  }

  return {
    async create(user, events: DomainEvent[]) {
      const command = new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: { ...emailKey(user.email), userId: user.userId },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: { ...userKey(user.userId), ...user },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          ...events.map((event) => outboxPut(tableName, event)),
        ],
      });
      for (let attempt = 1; ; attempt++) {
        try {
          await client.send(command);
          return;
        } catch (error) {
          const reasons = cancellationReasons(error);
          if (reasons?.[0]?.Code === 'ConditionalCheckFailed') throw new EmailAlreadyRegisteredError();
          const conflicted = reasons?.some((reason) => reason.Code === 'TransactionConflict');
          if (!conflicted || attempt >= transactionAttempts) throw error;
          await pause(attempt);
        }
      }
    },

    async findByEmail(email) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: emailKey(email) }));
      return typeof Item?.['userId'] === 'string' ? findById(Item['userId']) : undefined;
    },

    findById,

    async setRole(email: string, role: Role) {
      const claim = await client.send(new GetCommand({ TableName: tableName, Key: emailKey(email), ConsistentRead: true }));
      const userId = claim.Item?.['userId'];
      if (typeof userId !== 'string') return undefined;
      try {
        const { Attributes } = await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: userKey(userId),
            UpdateExpression: 'SET #role = :role',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeNames: { '#role': 'role' },
            ExpressionAttributeValues: { ':role': role },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return toUser(Attributes);
      } catch (error) {
        if (isConditionalCheckFailure(error)) return undefined;
        throw error;
      }
    },
  };
}
