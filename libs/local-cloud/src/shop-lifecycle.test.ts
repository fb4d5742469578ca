import { once } from 'node:events';
import { cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureRoot, send } from './__fixtures__/index.js';
import { closeServer } from './control-plane.js';
import { localCredentials, localRegion } from './dynamodb-local.js';
import { startLocalShop, type LocalShop } from './shop.js';

const root = mkdtempSync(join(tmpdir(), 'shoplane-persisted-'));
let shop: LocalShop;
beforeAll(async () => {
  cpSync(fixtureRoot, root, { recursive: true });
  shop = await startLocalShop({ port: 0, root, persist: true, quiet: true });
});
afterAll(() => shop.stop());

describe('a persisted local shop', () => {
  it('keeps DynamoDB data and the signing keys under .data at the root', () => {
    // Assess
    expect(shop.dynamodb.dataDirectory).toBe(join(root, '.data', 'ddb'));
    expect(readdirSync(join(root, '.data', 'ddb')).some((file) => file.endsWith('.db'))).toBe(true);
    expect(existsSync(join(root, '.data', 'keys', 'jwt.json'))).toBe(true);
  });

  it('leaves nothing running and restores the environment once stopped', async () => {
    // Prepare
    const dynamodb = new DynamoDBClient({ endpoint: shop.dynamodb.endpoint, region: localRegion, credentials: localCredentials, maxAttempts: 1 });
    const { url } = shop;

    // Act
    await shop.stop();

    // Assess
    await expect(dynamodb.send(new ListTablesCommand({}))).rejects.toThrow();
    await expect(send(`${url}/health`)).rejects.toThrow();
    expect(process.env.CATALOG_TABLE_NAME).toBeUndefined();
    expect(process.env.AWS_ENDPOINT_URL_DYNAMODB).toBeUndefined();
  });
});

describe('a local shop whose port is taken', () => {
  it('fails with a message naming the port and how to pick another', async () => {
    // Prepare
    const squatter = createServer().listen(0, '127.0.0.1');
    await once(squatter, 'listening');
    const { port } = squatter.address() as AddressInfo;

    // Act
    const starting = startLocalShop({ port, root: fixtureRoot, quiet: true }).finally(() => closeServer(squatter));

    // Assess
    await expect(starting).rejects.toThrow(`Port ${port} is already in use; start with PORT=<another port>.`);
  });
});
