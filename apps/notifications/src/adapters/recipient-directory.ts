import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from '@shoplane/lambda-kit';
import type { Recipient } from '../domain/notification.js';
import type { RecipientDirectory } from '../domain/ports.js';
import { recipientKey } from './table-layout.js';

/** Recipients in this service's own table: what UserRegistered said, never read from the users table. */
export function dynamoRecipientDirectory(client: DocumentClient, tableName: string, clock: () => Date = () => new Date()): RecipientDirectory {
  return {
    async save(recipient) {
      await client.send(new PutCommand({ TableName: tableName, Item: { ...recipientKey(recipient.userId), ...recipient, updatedAt: clock().toISOString() } }));
    },
    async find(userId) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: recipientKey(userId), ConsistentRead: true }));
      if (!Item) return undefined;
      const recipient: Recipient = { userId: String(Item['userId']), email: String(Item['email']), name: String(Item['name']) };
      return typeof Item['phone'] === 'string' ? { ...recipient, phone: Item['phone'] } : recipient;
    },
  };
}
