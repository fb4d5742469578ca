export * from './dynamodb-local.js';
export * from './tables.js';
export { startLocalShop, type LocalShop, type LocalShopOptions } from './shop.js';
export type { ServiceSummary } from './summary.js';
export type { LocalEventBus, LoggedEvent, DeadLetter, BusEvent } from './event-bus.js';
export { localPlatform, localEnvironment } from './environment.js';
export { workspaceRoot } from './discovery.js';
export { toApiGatewayEvent, newRequestId, type GatewayRequest, type MatchedRoute } from './api-event.js';
export { lambdaContext } from './functions.js';
