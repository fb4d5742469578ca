import { Role, UserId, type Caller } from '@shoplane/contracts';
import { platformVariables } from '@shoplane/manifest';
import jwt from 'jsonwebtoken';
import { requireEnv } from './config.js';
import { UnauthorizedError } from './errors.js';

/** The only algorithm tokens are signed or accepted with (asymmetric: services hold public keys only). */
export const tokenAlgorithm = 'ES256';
export const tokenLifetimeSeconds = 3600;
/** How far apart the issuer's and a verifier's clocks may be. */
export const clockSkewSeconds = 5;
/** Keys are re-read at most this often, so a rotation reaches warm containers. */
export const keyCacheSeconds = 300;

export type { Caller };

export interface PublicKey {
  kid: string;
  publicKeyPem: string;
}

export interface SigningKey {
  kid: string;
  privateKeyPem: string;
}

export interface TokenSettings {
  issuer: string;
  audience: string;
}

export interface KeySource {
  publicKeys(): Promise<PublicKey[]>;
  signingKey(): Promise<SigningKey>;
}

export function tokenSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): TokenSettings {
  return {
    issuer: requireEnv(platformVariables.tokenIssuer, env),
    audience: requireEnv(platformVariables.tokenAudience, env),
  };
}

export interface TokenVerifier {
  /** Resolves the caller or throws UnauthorizedError; never says which check failed. */
  verify(token: string): Promise<Caller>;
}

/** The key id a token names, if its header can be read at all (jsonwebtoken throws on a payload that is not JSON). */
function keyIdOf(token: string): string | undefined {
  try {
    const decoded = jwt.decode(token, { complete: true });
    const kid: unknown = decoded && typeof decoded === 'object' ? decoded.header?.kid : undefined;
    return typeof kid === 'string' ? kid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Limits jsonwebtoken leaves open: a token must expire, may not live longer than
 * the issuer mints them, and may not claim to be issued (or valid) in the future.
 */
function withinLifetime(claims: jwt.JwtPayload, nowSeconds: number): boolean {
  const { exp, iat, nbf } = claims;
  if (typeof exp !== 'number' || !Number.isFinite(exp)) return false;
  if (iat !== undefined && (typeof iat !== 'number' || iat > nowSeconds + clockSkewSeconds)) return false;
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > nowSeconds + clockSkewSeconds)) return false;
  const issuedAt = typeof iat === 'number' ? iat : nowSeconds;
  return exp - issuedAt <= tokenLifetimeSeconds + clockSkewSeconds && exp - nowSeconds <= tokenLifetimeSeconds + clockSkewSeconds;
}

export function createTokenVerifier(keys: Pick<KeySource, 'publicKeys'>, settings: TokenSettings, clock: () => Date = () => new Date()): TokenVerifier {
  return {
    async verify(token) {
      const kid = keyIdOf(token);
      const key = kid ? (await keys.publicKeys()).find((candidate) => candidate.kid === kid) : undefined;
      if (!key) throw new UnauthorizedError('The token is not valid.');
      const nowSeconds = Math.floor(clock().getTime() / 1000);
      let claims: jwt.JwtPayload | string;
      try {
        claims = jwt.verify(token, key.publicKeyPem, {
          algorithms: [tokenAlgorithm],
          issuer: settings.issuer,
          audience: settings.audience,
          clockTolerance: clockSkewSeconds,
          clockTimestamp: nowSeconds,
        });
      } catch (cause) {
        throw new UnauthorizedError('The token is not valid.', { cause });
      }
      if (typeof claims !== 'object' || !withinLifetime(claims, nowSeconds)) throw new UnauthorizedError('The token is not valid.');
      const subject = UserId.safeParse(claims.sub);
      const role = Role.safeParse(claims['role']);
      if (!subject.success || !role.success) throw new UnauthorizedError('The token is not valid.');
      return { userId: subject.data, role: role.data };
    },
  };
}

export interface IssuedToken {
  token: string;
  expiresIn: number;
}

export interface TokenSigner {
  sign(caller: Caller): Promise<IssuedToken>;
}

export function createTokenSigner(keys: Pick<KeySource, 'signingKey'>, settings: TokenSettings): TokenSigner {
  return {
    async sign(caller) {
      const key = await keys.signingKey();
      const token = jwt.sign({ role: caller.role }, key.privateKeyPem, {
        algorithm: tokenAlgorithm,
        keyid: key.kid,
        subject: caller.userId,
        issuer: settings.issuer,
        audience: settings.audience,
        expiresIn: tokenLifetimeSeconds,
      });
      return { token, expiresIn: tokenLifetimeSeconds };
    },
  };
}
