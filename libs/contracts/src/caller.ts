import type { Role } from './common.js';

/** Who is calling, as the verified bearer token says: never taken from a body or path. */
export interface Caller {
  userId: string;
  role: Role;
}
