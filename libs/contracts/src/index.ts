import type { HttpOperation } from './http.js';
import { cartOperations } from './carts.js';
import { productOperations } from './catalogue.js';
import { inventoryOperations } from './inventory.js';
import { analyticsOperations } from './analytics.js';
import { notificationOperations } from './notifications.js';
import { orderOperations } from './orders.js';
import { paymentOperations } from './payments.js';
import { userOperations } from './users.js';

export * from './http.js';
export * from './problem.js';
export * from './domain-error.js';
export * from './ids.js';
export * from './caller.js';
export * from './envelope.js';
export * from './common.js';
export * from './query.js';
export * from './correlation.js';
export * from './users.js';
export * from './events.js';
export * from './money.js';
export * from './catalogue.js';
export * from './inventory.js';
export * from './carts.js';
export * from './internal.js';
export * from './checkout.js';
export * from './payments.js';
export * from './orders.js';
export * from './notifications.js';
export * from './analytics.js';

/** Every operation of the API, in documentation order. */
export const allOperations: HttpOperation[] = [
  ...userOperations,
  ...productOperations,
  ...inventoryOperations,
  ...cartOperations,
  ...orderOperations,
  ...paymentOperations,
  ...notificationOperations,
  ...analyticsOperations,
];
