import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it, vi } from 'vitest';
import { localCredentials, localRegion } from './dynamodb-local.js';

const script = fileURLToPath(new URL('./__fixtures__/start-dynamodb-local.ts', import.meta.url));

describe('DynamoDB Local started by a process that is killed outright', () => {
  it('stops too, so no Java process outlives the shop', async () => {
    // Prepare
    const owner = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = (await once(createInterface({ input: owner.stdout }), 'line')) as [string];
    const { endpoint } = JSON.parse(line) as { endpoint: string };
    const client = new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials, maxAttempts: 1 });
    await client.send(new ListTablesCommand({}));

    // Act
    owner.kill('SIGKILL');

    // Assess
    await vi.waitFor(() => expect(client.send(new ListTablesCommand({}))).rejects.toThrow(), { timeout: 15_000, interval: 250 });
  });
});
