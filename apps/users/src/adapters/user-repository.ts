import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DomainEvent, Role } from '@shoplane/contracts';
import { failedConditions, isConditionalCheckFailure, outboxPut, transactWrite } from '@shoplane/lambda-kit';
import { EmailAlreadyRegisteredError } from '../domain/errors.js';
import type { UserRepository } from '../domain/ports.js';
import type { User } from '../domain/user.js';

const userKey = (userId: string) => ({ PK: `USER#${userId}`, SK: 'PROFILE' });
const emailKey = (email: string) => ({ PK: `EMAIL#${email}`, SK: 'EMAIL' });

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

export function dynamoUserRepository(client: DynamoDBDocumentClient, tableName: string): UserRepository {
  async function findById(userId: string) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: userKey(userId) }));
    return toUser(Item);
  }

  return {
    async create(user, events: DomainEvent[]) {
      // Concurrent registrations of one email collide inside DynamoDB; a retry then sees the winner's claim.
      await transactWrite(
        client,
        [
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
        {
          subject: 'account',
          refusal: (reasons) => {
            const [emailClaimed] = failedConditions(reasons, 1);
            return emailClaimed ? new EmailAlreadyRegisteredError() : undefined;
          },
        },
      );
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
