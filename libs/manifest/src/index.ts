/**
 * The service manifest: one declaration per service that both the CDK stack
 * (libs/cdk-kit) and the local runtime (libs/local-cloud) are built from, so
 * the cloud and the laptop cannot drift apart.
 *
 * A manifest is plain data. Handlers are referenced by name: `handlers/<name>.ts`
 * in the service's source folder, exporting `handler`. What each function may
 * touch is declared where it is used (route, subscription, internal operation,
 * stream) and read through `functionDeclarations` / `permissionsOf`.
 *
 * An orchestrator (a state machine and its functions, no table) is declared
 * the same way with `defineOrchestrator`.
 */
export * from './declarations.js';
export * from './functions.js';
export * from './names.js';
export * from './orchestrator.js';
export * from './queues.js';
export { signingKeyId } from './signing-keys.js';
export { workspaceRoot } from './workspace.js';
