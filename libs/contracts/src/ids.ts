import { monotonicFactory } from 'ulidx';

const nextUlid = monotonicFactory();

/** Time-ordered, URL-safe id such as `usr_01JD8Z4M6Q5J3K2N1P0R9S8T7V` (the format `prefixedId` validates). */
export function newId<P extends string>(prefix: P): `${P}_${string}` {
  return `${prefix}_${nextUlid()}`;
}
