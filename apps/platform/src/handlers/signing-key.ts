import type { CdkCustomResourceEvent, CdkCustomResourceResponse } from 'aws-lambda';
import { awsKeyStore, type KeyStore } from '../adapters/key-store.js';
import { generateSigningKey, parseStoredSigningKey, publicKeysDocument } from '../domain/signing-key.js';

/** Properties the platform stack passes to the `Custom::SigningKey` resource. */
export interface SigningKeyProperties {
  ServiceToken: string;
  /** ARN of the secret that holds `{ kid, privateKeyPem }`. */
  SecretId: string;
  /** Name of the SSM parameter that receives `{ keys: [{ kid, publicKeyPem }] }`. */
  ParameterName: string;
}

export type SigningKeyEvent = CdkCustomResourceEvent<SigningKeyProperties>;

/**
 * Provisions the token signing key: on Create and Update, keeps the key the
 * secret already holds (so a retried or repeated deployment never invalidates
 * issued tokens) or generates one when it holds none, then publishes the
 * public key. On Delete it does nothing: the secret goes with its own
 * resource, and removing the public keys could lock out every service.
 */
export async function provisionSigningKey(
  event: SigningKeyEvent,
  store: KeyStore,
): Promise<CdkCustomResourceResponse<{ KeyId: string }>> {
  const physicalResourceId = `signing-key:${event.ResourceProperties.SecretId}`;
  if (event.RequestType === 'Delete') return { PhysicalResourceId: event.PhysicalResourceId };

  const { SecretId: secretId, ParameterName: parameterName } = event.ResourceProperties;
  let key = parseStoredSigningKey(await store.readSecret(secretId));
  if (!key) {
    key = generateSigningKey();
    await store.writeSecret(secretId, JSON.stringify(key));
  }
  await store.writeParameter(
    parameterName,
    JSON.stringify(publicKeysDocument(key)),
    'Public keys (ES256) that verify Shoplane tokens; written by the platform signing-key resource.',
  );
  return { PhysicalResourceId: physicalResourceId, Data: { KeyId: key.kid } };
}

let store: KeyStore | undefined;

export const handler = (event: SigningKeyEvent) => {
  store ??= awsKeyStore();
  return provisionSigningKey(event, store);
};
