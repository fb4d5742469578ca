import { createHash, createPublicKey } from 'node:crypto';

/**
 * The key id (`kid`) of a token signing key: a short, stable digest of its public key
 * (SPKI, DER), so a verifier picks the right key after a rotation. The platform's key,
 * the local runtime's and the test keys all take their id from here, so a token signed
 * by one is matched to its key the same way everywhere.
 */
export function signingKeyId(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64url').slice(0, 16);
}
