import type { Client, FetchResponse, MaybeOptionalInit } from 'openapi-fetch';
import type { paths } from './generated/schema.js';

/*
 * openapi-fetch infers a call's options as a type parameter, and TypeScript checks an
 * object literal for excess properties only against a declared type, never against a
 * type parameter: a typo in an optional body field compiled
 * (openapi-ts/openapi-typescript#1769). The API refuses unknown fields (422), so the
 * methods that send a body take the operation's declared options type instead, and a
 * field the contract does not declare, at any depth, is a compile error.
 */

type BodyMethod = 'post' | 'put' | 'patch';

type PathsWith<Method extends BodyMethod> = {
  [Path in keyof paths]: paths[Path] extends { [M in Method]: object } ? Path : never;
}[keyof paths];

type RequiredKeysOf<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

type Options<Path extends keyof paths, Method extends BodyMethod> = MaybeOptionalInit<paths[Path], Method>;

/**
 * openapi-fetch's own rule, applied to the declared type: optional exactly when the operation needs
 * neither parameters nor a body, and other option keys allowed (so its client is one of these).
 */
type OptionsArgument<Init> = RequiredKeysOf<Init> extends never ? [(Init & { [key: string]: unknown })?] : [Init & { [key: string]: unknown }];

type ExactBodyMethod<Method extends BodyMethod> = <Path extends PathsWith<Method>>(
  url: Path,
  ...init: OptionsArgument<NonNullable<Options<Path, Method>>>
) => Promise<FetchResponse<NonNullable<paths[Path][Method]>, Options<Path, Method>, `${string}/${string}`>>;

/** openapi-fetch's client for the Shoplane paths, with bodies held to exactly the fields the contract declares. */
export type ExactBodyClient = Omit<Client<paths>, 'POST' | 'PUT' | 'PATCH'> & {
  /** Call a POST endpoint */
  POST: ExactBodyMethod<'post'>;
  /** Call a PUT endpoint */
  PUT: ExactBodyMethod<'put'>;
  /** Call a PATCH endpoint */
  PATCH: ExactBodyMethod<'patch'>;
};
