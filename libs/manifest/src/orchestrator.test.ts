import { describe, expect, it } from 'vitest';
import { defineOrchestrator, isOrchestratorManifest, orchestratorHandlers, type OrchestratorManifest } from './orchestrator.js';

const saga = (overrides: Partial<OrchestratorManifest> = {}): OrchestratorManifest => ({
  name: 'checkout',
  stateMachine: { arnVariable: 'CHECKOUT_STATE_MACHINE_ARN', invokes: ['orders.validateOrder', 'payments.processPayment'], startedBy: ['start-checkout'] },
  subscriptions: [
    { eventTypes: ['OrderCreated'], handler: 'start-checkout' },
    { eventTypes: ['OrderRetried'], handler: 'start-checkout' },
    { eventTypes: ['Step Functions Execution Status Change'], handler: 'on-execution-ended', bus: 'default' },
  ],
  invokes: { 'on-execution-ended': ['orders.failOrder'] },
  ...overrides,
});

describe('defineOrchestrator', () => {
  it('answers a manifest whose grants all name handlers its subscriptions run', () => {
    // Act
    const manifest = defineOrchestrator(saga());

    // Assess
    expect(manifest.name).toBe('checkout');
  });

  it('refuses a starter that no subscription runs', () => {
    // Act
    const define = () => defineOrchestrator(saga({ stateMachine: { ...saga().stateMachine, startedBy: ['begin-checkout'] } }));

    // Assess
    expect(define).toThrowError('Orchestrator checkout grants handler(s) no subscription runs: begin-checkout');
  });

  it('refuses invokes for a handler that no subscription runs', () => {
    // Act
    const define = () => defineOrchestrator(saga({ invokes: { 'on-timeout': ['orders.failOrder'] } }));

    // Assess
    expect(define).toThrowError('Orchestrator checkout grants handler(s) no subscription runs: on-timeout');
  });

  it.each([
    ['a Task', saga({ stateMachine: { ...saga().stateMachine, invokes: ['validateOrder'] } })],
    ['a function', saga({ invokes: { 'on-execution-ended': ['orders/failOrder'] } })],
  ])('refuses an operation %s invokes that is not named <service>.<name>', (_who, manifest) => {
    expect(() => defineOrchestrator(manifest)).toThrowError(/must look like "<service>.<operationName>"/);
  });

  it('refuses an orchestrator with no handler', () => {
    expect(() => defineOrchestrator(saga({ subscriptions: [], stateMachine: { ...saga().stateMachine, startedBy: [] }, invokes: {} }))).toThrowError(
      'Orchestrator checkout declares no handler',
    );
  });
});

describe('orchestratorHandlers', () => {
  it('names each handler once, in the order the subscriptions declare them', () => {
    expect(orchestratorHandlers(saga())).toEqual(['start-checkout', 'on-execution-ended']);
  });
});

describe('isOrchestratorManifest', () => {
  it('tells an orchestrator from a service manifest and from nothing', () => {
    const service = { name: 'orders', table: { partitionKey: { name: 'PK', type: 'S' } }, routes: [] };

    expect(isOrchestratorManifest(saga())).toBe(true);
    expect(isOrchestratorManifest(service)).toBe(false);
    expect(isOrchestratorManifest(undefined)).toBe(false);
  });
});
