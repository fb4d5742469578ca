import type { HttpOperation } from './http.js';
import { userOperations } from './users.js';

export * from './http.js';
export * from './problem.js';
export * from './common.js';
export * from './users.js';
export * from './events.js';

/** Every operation of the API, in documentation order. */
export const allOperations: HttpOperation[] = [...userOperations];
