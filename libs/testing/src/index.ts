export * from './catalogue.js';
export * from './store.js';
export * from './tokens.js';
export * from './api-events.js';
export * from './sqs-events.js';
export * from './local-aws.js';
