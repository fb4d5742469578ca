import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { signingKeyId } from '@shoplane/manifest';

/** The platform's token signing key pair (ES256), as the platform stack provisions it in AWS. */
export interface SigningKeys {
  kid: string;
  privateKeyPem: string;
  publicKeyPem: string;
}

export function generateSigningKeys(): SigningKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { kid: signingKeyId(publicKey), privateKeyPem: privateKey, publicKeyPem: publicKey };
}

function isSigningKeys(value: unknown): value is SigningKeys {
  const candidate = value as Partial<SigningKeys> | null;
  return (
    typeof candidate?.kid === 'string' && typeof candidate.privateKeyPem === 'string' && typeof candidate.publicKeyPem === 'string'
  );
}

/**
 * Keys kept in `file` when given (so tokens stay valid across restarts of a persisted
 * shop), else fresh ones for this run only.
 */
export function loadOrCreateSigningKeys(file?: string): SigningKeys {
  if (!file) return generateSigningKeys();
  try {
    const stored: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (isSigningKeys(stored)) return stored;
    throw new Error(`${file} does not hold { kid, privateKeyPem, publicKeyPem }; delete it to get a new key pair.`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const keys = generateSigningKeys();
  mkdirSync(dirname(file), { recursive: true });
  // The private key is a local development key, but still not world-readable.
  writeFileSync(file, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  return keys;
}
