import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { platformParameterName, stackName, stageOf } from './naming.js';

describe('stageOf', () => {
  it('defaults to dev when no stage is given', () => {
    expect(stageOf(new App())).toBe('dev');
  });

  it('reads the stage from CDK context', () => {
    expect(stageOf(new App({ context: { stage: 'prod' } }))).toBe('prod');
  });

  it('rejects a stage that cannot be part of resource names', () => {
    expect(() => stageOf(new App({ context: { stage: 'Prod Stage' } }))).toThrow('short lower-case name');
  });
});

describe('names', () => {
  it('names stacks shoplane-<stage>-<unit>', () => {
    expect(stackName('dev', 'users')).toBe('shoplane-dev-users');
  });

  it('puts platform values under /shoplane/<stage>/platform/', () => {
    expect(platformParameterName('prod', 'httpApiId')).toBe('/shoplane/prod/platform/http-api-id');
  });
});
