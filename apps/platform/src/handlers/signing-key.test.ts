import { describe, expect, it } from 'vitest';
import type { KeyStore } from '../adapters/key-store.js';
import { generateSigningKey, publicKeysDocument, type PublicKeysDocument } from '../domain/signing-key.js';
import { provisionSigningKey, type SigningKeyEvent } from './signing-key.js';

const secretId = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:signing-key-AbCdEf';
const parameterName = '/shoplane/dev/platform/jwt-public-keys';

function memoryKeyStore(initialSecret?: string) {
  const secrets = new Map<string, string>(initialSecret ? [[secretId, initialSecret]] : []);
  const parameters = new Map<string, string>();
  let writes = 0;
  const store: KeyStore = {
    async readSecret(id) {
      return secrets.get(id);
    },
    async writeSecret(id, value) {
      writes += 1;
      secrets.set(id, value);
    },
    async writeParameter(name, value) {
      writes += 1;
      parameters.set(name, value);
    },
  };
  return {
    store,
    secret: () => secrets.get(secretId),
    publishedKeys: () => JSON.parse(parameters.get(parameterName) ?? 'null') as PublicKeysDocument | null,
    writes: () => writes,
  };
}

function event(requestType: 'Create' | 'Update' | 'Delete'): SigningKeyEvent {
  const common = {
    ServiceToken: 'arn:aws:lambda:eu-west-1:123456789012:function:provider',
    ResponseURL: 'https://cloudformation-custom-resource-response.example',
    StackId: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/shoplane-dev-platform/1',
    RequestId: 'request-1',
    LogicalResourceId: 'SigningKey',
    ResourceType: 'Custom::SigningKey',
    ResourceProperties: { ServiceToken: 'provider', SecretId: secretId, ParameterName: parameterName },
  };
  if (requestType === 'Create') return { ...common, RequestType: 'Create' };
  if (requestType === 'Update') {
    return { ...common, RequestType: 'Update', PhysicalResourceId: `signing-key:${secretId}`, OldResourceProperties: common.ResourceProperties };
  }
  return { ...common, RequestType: 'Delete', PhysicalResourceId: `signing-key:${secretId}` };
}

describe('provisionSigningKey', () => {
  it('replaces the placeholder secret with a new key and publishes its public key on Create', async () => {
    const keys = memoryKeyStore('random-placeholder-from-cloudformation');

    const response = await provisionSigningKey(event('Create'), keys.store);

    const stored = JSON.parse(keys.secret() ?? '{}') as { kid: string };
    expect(response.Data?.KeyId).toBe(stored.kid);
    expect(keys.publishedKeys()?.keys.map((key) => key.kid)).toEqual([stored.kid]);
  });

  it('keeps a key the secret already holds, so a repeated deployment does not invalidate tokens', async () => {
    const existing = generateSigningKey();
    const keys = memoryKeyStore(JSON.stringify(existing));

    await provisionSigningKey(event('Update'), keys.store);

    expect(keys.secret()).toBe(JSON.stringify(existing));
    expect(keys.publishedKeys()).toEqual(publicKeysDocument(existing));
  });

  it('answers the same physical id on every Create and Update, so CloudFormation never replaces it', async () => {
    const keys = memoryKeyStore();

    const created = await provisionSigningKey(event('Create'), keys.store);
    const updated = await provisionSigningKey(event('Update'), keys.store);

    expect(updated.PhysicalResourceId).toBe(created.PhysicalResourceId);
  });

  it('writes nothing on Delete', async () => {
    const keys = memoryKeyStore(JSON.stringify(generateSigningKey()));

    const response = await provisionSigningKey(event('Delete'), keys.store);

    expect(keys.writes()).toBe(0);
    expect(response.PhysicalResourceId).toBe(`signing-key:${secretId}`);
  });
});
