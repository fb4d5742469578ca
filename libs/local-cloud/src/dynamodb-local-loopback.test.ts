import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local.js';

let store: DynamoDbLocal;
beforeAll(async () => {
  store = await startDynamoDbLocal();
});
afterAll(() => store.stop());

/** Local addresses of the sockets listening on a port, from the kernel's own tables (Linux). */
function listeningAddresses(port: number): string[] {
  const portHex = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) =>
    readFileSync(table, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[3] === '0A' && fields[1]?.endsWith(`:${portHex}`))
      .map((fields) => (fields[1] ?? '').split(':')[0] ?? ''),
  );
}

const ipv4Loopback = '0100007F';
const ipv4MappedLoopback = '0000000000000000FFFF00000100007F';
const ipv6Loopback = '00000000000000000000000001000000';

describe('DynamoDB Local as the shop starts it', () => {
  it('is reachable from this machine only', () => {
    const addresses = listeningAddresses(store.port);

    expect(store.reachability.reachableFrom).toBe('this machine only');
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses.every((address) => [ipv4Loopback, ipv4MappedLoopback, ipv6Loopback].includes(address))).toBe(true);
  });
});
