import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { signingKeyId } from '@shoplane/manifest';
import { describe, expect, it } from 'vitest';
import { generateSigningKey, parseStoredSigningKey, publicKeyPemOf, publicKeysDocument } from './signing-key.js';

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/** Signs like a JWT library does for ES256: raw r||s signature (IEEE P1363), not DER. */
function signToken(claims: object, privateKeyPem: string, kid: string): string {
  const signingInput = `${base64url(JSON.stringify({ alg: 'ES256', typ: 'JWT', kid }))}.${base64url(JSON.stringify(claims))}`;
  const signature = sign('sha256', Buffer.from(signingInput), { key: privateKeyPem, dsaEncoding: 'ieee-p1363' });
  return `${signingInput}.${base64url(signature)}`;
}

function verifyToken(token: string, publicKeyPem: string): boolean {
  const [header = '', payload = '', signature = ''] = token.split('.');
  return verify(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    { key: publicKeyPem, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
}

describe('generateSigningKey', () => {
  it('creates a P-256 key whose signatures verify with the published public key', () => {
    const key = generateSigningKey();
    const [published] = publicKeysDocument(key).keys;

    const token = signToken({ sub: 'usr_01', role: 'customer' }, key.privateKeyPem, key.kid);

    expect(published?.kid).toBe(key.kid);
    expect(verifyToken(token, published?.publicKeyPem ?? '')).toBe(true);
  });

  it('produces signatures that another key pair does not verify', () => {
    const key = generateSigningKey();
    const other = generateSigningKey();

    const token = signToken({ sub: 'usr_01' }, key.privateKeyPem, key.kid);

    expect(verifyToken(token, publicKeyPemOf(other))).toBe(false);
  });

  it('derives a short key id from the public key', () => {
    const key = generateSigningKey();

    expect(key.kid).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(signingKeyId(publicKeyPemOf(key))).toBe(key.kid);
  });

  it('uses the EC P-256 curve that ES256 requires', () => {
    const publicKey = createPublicKey(publicKeyPemOf(generateSigningKey()));

    expect(publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  });
});

describe('parseStoredSigningKey', () => {
  it('reads back a key stored as JSON', () => {
    const key = generateSigningKey();

    expect(parseStoredSigningKey(JSON.stringify(key))).toEqual(key);
  });

  it('rejects the random placeholder a new secret starts with', () => {
    expect(parseStoredSigningKey('k9#Tq2!random-placeholder')).toBeUndefined();
  });

  it('rejects a key whose kid does not match its public key', () => {
    const key = generateSigningKey();

    expect(parseStoredSigningKey(JSON.stringify({ ...key, kid: 'not-its-kid' }))).toBeUndefined();
  });

  it('rejects a key on another curve', () => {
    const { privateKey } = generateKeyPairSync('ec', {
      namedCurve: 'secp384r1',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const kid = signingKeyId(createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString());

    expect(parseStoredSigningKey(JSON.stringify({ kid, privateKeyPem: privateKey }))).toBeUndefined();
  });
});
