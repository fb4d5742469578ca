import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { signingKeyId } from '@shoplane/manifest';

/** What the signing-key secret holds; lambda-kit's token signer reads exactly this. */
export interface StoredSigningKey {
  kid: string;
  privateKeyPem: string;
}

/** What the public-keys parameter holds; every token verifier reads exactly this. */
export interface PublicKeysDocument {
  keys: Array<{ kid: string; publicKeyPem: string }>;
}

/** A fresh ES256 (EC P-256) signing key. */
export function generateSigningKey(): StoredSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { kid: signingKeyId(publicKey), privateKeyPem: privateKey };
}

/** The public half of a signing key, as PEM (SPKI). */
export function publicKeyPemOf(key: StoredSigningKey): string {
  return createPublicKey(createPrivateKey(key.privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString();
}

export function publicKeysDocument(key: StoredSigningKey): PublicKeysDocument {
  return { keys: [{ kid: key.kid, publicKeyPem: publicKeyPemOf(key) }] };
}

/**
 * The signing key a secret value holds, or undefined when it holds anything
 * else (the random placeholder CloudFormation creates the secret with, a
 * malformed value, a key that is not P-256, or a kid that does not match).
 */
export function parseStoredSigningKey(secretValue: string | undefined): StoredSigningKey | undefined {
  if (!secretValue) return undefined;
  try {
    const candidate: unknown = JSON.parse(secretValue);
    if (typeof candidate !== 'object' || candidate === null) return undefined;
    const { kid, privateKeyPem } = candidate as Partial<Record<keyof StoredSigningKey, unknown>>;
    if (typeof kid !== 'string' || typeof privateKeyPem !== 'string') return undefined;
    const privateKey = createPrivateKey(privateKeyPem);
    if (privateKey.asymmetricKeyType !== 'ec' || privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') return undefined;
    const key = { kid, privateKeyPem };
    return signingKeyId(publicKeyPemOf(key)) === kid ? key : undefined;
  } catch {
    return undefined;
  }
}
