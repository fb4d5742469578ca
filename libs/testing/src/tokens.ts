import { generateKeyPairSync } from 'node:crypto';
import { signingKeyId } from '@shoplane/manifest';

// Shaped like lambda-kit's token types without importing them: lambda-kit's own tests use this library.
interface SigningKey {
  kid: string;
  privateKeyPem: string;
}
interface PublicKey {
  kid: string;
  publicKeyPem: string;
}
interface Caller {
  userId: string;
  role: 'customer' | 'admin';
}

export interface TestKeys {
  signing: SigningKey;
  public: PublicKey;
  publicKeys(): Promise<PublicKey[]>;
  signingKey(): Promise<SigningKey>;
}

/** A fresh ES256 key pair held in memory, standing in for the platform's SSM/Secrets Manager keys. */
export function generateTestKeys(): TestKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const kid = signingKeyId(publicKeyPem);
  const signing = { kid, privateKeyPem };
  const pub = { kid, publicKeyPem };
  return {
    signing,
    public: pub,
    publicKeys: async () => [pub],
    signingKey: async () => signing,
  };
}

export const testTokenSettings = { issuer: 'https://shoplane.test', audience: 'shoplane-api' };

export const customer: Caller = { userId: 'usr_01JD8Z4M6Q5J3K2N1P0R9S8T7V', role: 'customer' };
export const admin: Caller = { userId: 'usr_01JD8Z4M6Q5J3K2N1P0R9S8T7W', role: 'admin' };
