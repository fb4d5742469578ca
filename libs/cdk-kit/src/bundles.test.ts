import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { workspaceRoot } from '@shoplane/manifest';
import { describe, expect, it } from 'vitest';
import { handlerCode } from './bundles.js';
import { createStubBundles } from './testing.js';
import { defaultAssetsRoot } from './workspace.js';

describe('handlerCode', () => {
  it('fails with the build command to run when a bundle is missing', () => {
    const assetsRoot = createStubBundles('users', ['login']);

    expect(() => handlerCode(assetsRoot, 'users', 'register')).toThrow('run `nx build users` first');
  });

  it("packages only the handler's own bundle and source map", () => {
    const assetsRoot = createStubBundles('users', ['login', 'register']);
    const app = new App();
    const stack = new Stack(app, 'Bundles');
    new LambdaFunction(stack, 'Login', {
      runtime: Runtime.NODEJS_24_X,
      handler: 'login.handler',
      code: handlerCode(assetsRoot, 'users', 'login'),
    });

    const assembly = app.synth();
    const assetFolders = readdirSync(assembly.directory).filter((entry) => entry.startsWith('asset.'));

    expect(assetFolders).toHaveLength(1);
    expect(readdirSync(join(assembly.directory, assetFolders[0] ?? '')).sort()).toEqual(['login.mjs', 'login.mjs.map']);
    rmSync(assetsRoot, { recursive: true, force: true });
  });
});

describe('workspace paths', () => {
  it('finds the workspace root from this file, whatever the working directory', () => {
    expect(existsSync(join(workspaceRoot(), 'nx.json'))).toBe(true);
  });

  it('takes bundles from the workspace dist folder by default', () => {
    expect(defaultAssetsRoot()).toBe(join(workspaceRoot(), 'dist', 'apps'));
  });
});
