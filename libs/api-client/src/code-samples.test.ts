import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectWith, strictCompilerOptions, typeErrors, workspaceRoot } from './test-support.js';

/*
 * openapi.json gives every operation a TypeScript sample (x-codeSamples) calling this client.
 * Each is compiled here, strictly, against the client built from the same document, so a
 * sample that no longer matches the contract or the client's API fails the build.
 */
interface Operation {
  operationId: string;
  'x-codeSamples'?: Array<{ lang: string; label: string; source: string }>;
}

const spec = JSON.parse(readFileSync(join(workspaceRoot, 'openapi', 'openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
};
const operations = Object.values(spec.paths).flatMap((item) => Object.values(item));

describe('the code samples in openapi.json', () => {
  it('are one @shoplane/api-client sample per operation', () => {
    const missing = operations.filter((operation) => operation['x-codeSamples']?.filter((sample) => sample.label === '@shoplane/api-client').length !== 1);

    expect(missing.map((operation) => operation.operationId)).toEqual([]);
  });

  it('each type-check, strictly, against the generated client', async () => {
    const samples = Object.fromEntries(
      operations.map((operation) => [`samples/${operation.operationId}.ts`, operation['x-codeSamples']?.[0]?.source ?? '']),
    );
    const folder = projectWith('shoplane-code-samples', {
      ...samples,
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          ...strictCompilerOptions,
          skipLibCheck: true,
          paths: { '@shoplane/api-client': [join(workspaceRoot, 'libs', 'api-client', 'src', 'index.ts')] },
        },
        include: ['samples/*.ts'],
      }),
    });

    expect(await typeErrors(folder)).toBe('');
  }, 60_000);
});
