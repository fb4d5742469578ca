import { describe, expect, it } from 'vitest';
import { fixtureRoot } from './__fixtures__/index.js';
import { discoverOrchestrators, discoverServices } from './discovery.js';
import { workspaceRoot } from '@shoplane/manifest';

describe('discovering orchestrators', () => {
  it('finds apps/checkout as an orchestrator, not as a service, with every handler it names', async () => {
    // Act
    const [orchestrators, services] = await Promise.all([discoverOrchestrators(workspaceRoot(), ['checkout']), discoverServices(workspaceRoot(), ['checkout'])]);

    // Assess
    expect(services).toEqual([]);
    expect(orchestrators.map((found) => found.manifest.name)).toEqual(['checkout']);
    expect(orchestrators[0]?.missingHandlers).toEqual([]);
    expect(orchestrators[0]?.manifest.subscriptions.flatMap((subscription) => subscription.eventTypes)).toContain('OrderCreated');
  });

  it('finds none among plain services', async () => {
    // Act
    const orchestrators = await discoverOrchestrators(fixtureRoot);

    // Assess
    expect(orchestrators).toEqual([]);
  });
});
