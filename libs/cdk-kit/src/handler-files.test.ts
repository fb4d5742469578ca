import { handlerNames } from '@shoplane/manifest';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleService } from './fixtures/example-service.js';
import { handlersFolder } from './fixtures/handlers-folder.js';
import { handlerFileMismatches, handlerFilesIn, handlersDirectoryOf } from './handler-files.js';
import { workspaceRoot } from '@shoplane/manifest';

const everyHandlerFile = handlerNames(exampleService).map((handler) => `${handler}.ts`);

describe('handlerFileMismatches', () => {
  it('finds nothing when every declared handler has its file and every file is declared, tests aside', () => {
    // Prepare
    const folder = handlersFolder([...everyHandlerFile, 'create-order.test.ts']);

    // Act
    const mismatches = handlerFileMismatches(exampleService, folder);

    // Assess
    expect(mismatches).toEqual([]);
  });

  it('reports a declared handler without a file', () => {
    // Prepare
    const folder = handlersFolder(everyHandlerFile.filter((file) => file !== 'get-order.ts'));

    // Act
    const mismatches = handlerFileMismatches(exampleService, folder);

    // Assess
    expect(mismatches).toEqual(['orders declares handler "get-order", but there is no handlers/get-order.ts']);
  });

  it('reports a handler file that no declaration names', () => {
    // Prepare
    const folder = handlersFolder([...everyHandlerFile, 'forgotten.ts']);

    // Act
    const mismatches = handlerFileMismatches(exampleService, folder);

    // Assess
    expect(mismatches).toEqual(['handlers/forgotten.ts is named by no declaration of orders']);
  });

  it('reads a service’s handlers from apps/<service>/src/handlers, as the bundle target does', () => {
    // Act
    const files = handlerFilesIn(handlersDirectoryOf('users'));

    // Assess
    expect(handlersDirectoryOf('users')).toBe(join(workspaceRoot(), 'apps', 'users', 'src', 'handlers'));
    expect(files).toContain('login');
    expect(files).not.toContain('login.test');
  });
});
