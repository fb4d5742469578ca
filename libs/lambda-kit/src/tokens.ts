import { Role, UserId, type Caller } from '@shoplane/contracts';
import { platformVariables } from '@shoplane/manifest';
import jwt from 'jsonwebtoken';
import { requireEnv } from './config.js';
import { UnauthorizedError } from './errors.js';

/** The only algorithm tokens are signed or accepted with (asymmetric: services hold public keys only). */
export const tokenAlgorithm = 'ES256';
export const tokenLifetimeSeconds = 3600;
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

export function createTokenVerifier(keys: Pick<KeySource, 'publicKeys'>, settings: TokenSettings): TokenVerifier {
  return {
    async verify(token) {
      const decoded = jwt.decode(token, { complete: true });
      const kid = decoded && typeof decoded === 'object' ? decoded.header.kid : undefined;
      const key = kid ? (await keys.publicKeys()).find((candidate) => candidate.kid === kid) : undefined;
      if (!key) throw new UnauthorizedError('The token is not valid.');
      let claims: jwt.JwtPayload | string;
      try {
        claims = jwt.verify(token, key.publicKeyPem, {
          algorithms: [tokenAlgorithm],
          issuer: settings.issuer,
          audience: settings.audience,
          clockTolerance: 5,
        });
      } catch (cause) {
        throw new UnauthorizedError('The token is not valid.', { cause });
      }
      const subject = typeof claims === 'object' ? UserId.safeParse(claims.sub) : undefined;
      const role = typeof claims === 'object' ? Role.safeParse(claims['role']) : undefined;
      if (!subject?.success || !role?.success) throw new UnauthorizedError('The token is not valid.');
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
