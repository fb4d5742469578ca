import { createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signingKeyId } from '@shoplane/manifest';
import { describe, expect, it } from 'vitest';
import { generateSigningKeys, loadOrCreateSigningKeys } from './keys.js';

describe('the platform signing keys', () => {
  it('are an EC P-256 pair whose kid is derived from the public key', () => {
    // Act
    const keys = generateSigningKeys();

    // Assess
    expect(createPublicKey(keys.publicKeyPem).asymmetricKeyDetails).toEqual({ namedCurve: 'prime256v1' });
    expect(keys.kid).toBe(signingKeyId(keys.publicKeyPem));
    expect(keys.kid).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it('are created once in the given file, readable by the owner only, and reused after', () => {
    // Prepare
    const file = join(mkdtempSync(join(tmpdir(), 'shoplane-keys-')), 'keys', 'jwt.json');

    // Act
    const first = loadOrCreateSigningKeys(file);
    const second = loadOrCreateSigningKeys(file);

    // Assess
    expect(second).toEqual(first);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('are fresh on every run when not persisted', () => {
    // Act
    const [a, b] = [loadOrCreateSigningKeys(), loadOrCreateSigningKeys()];

    // Assess
    expect(a.kid).not.toBe(b.kid);
  });
});
