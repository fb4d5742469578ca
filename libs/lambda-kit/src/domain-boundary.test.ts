import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// lambda-kit's HTTP layer stays at the edge: the workspace's lint refuses it (and AWS) in any service's domain/.
const workspaceRoot = fileURLToPath(new URL('../../../', import.meta.url));

const sourceWith = (imports: string) => `${imports}\n\nexport const rule = (quantity: number): boolean => quantity > 0;\n`;

/** The no-restricted-imports messages for a file at `path`, linted as `nx lint` runs it (from the project's folder). */
async function restrictedImports(projectFolder: string, path: string, source: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: `${workspaceRoot}${projectFolder}` });
  const [result] = await eslint.lintText(source, { filePath: `${workspaceRoot}${path}` });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('the lint boundary around domain/', () => {
  it('refuses lambda-kit and AWS imports in a service\'s domain code', async () => {
    const messages = await restrictedImports(
      'apps/carts',
      'apps/carts/src/domain/fixture.ts',
      sourceWith("import { ConflictError } from '@shoplane/lambda-kit';\nimport { DynamoDBClient } from '@aws-sdk/client-dynamodb';"),
    );

    expect(messages).toEqual([
      expect.stringMatching(/^'@shoplane\/lambda-kit' import is restricted.*domain\/ knows no HTTP/),
      expect.stringMatching(/^'@aws-sdk\/client-dynamodb' import is restricted.*domain\/ knows no AWS/),
    ]);
  });

  it('lets domain code use contracts, and handlers use lambda-kit', async () => {
    const domain = await restrictedImports('apps/carts', 'apps/carts/src/domain/fixture.ts', sourceWith("import { DomainError } from '@shoplane/contracts';"));
    const handler = await restrictedImports('apps/carts', 'apps/carts/src/handlers/fixture.ts', sourceWith("import { httpHandler } from '@shoplane/lambda-kit';"));

    expect(domain).toEqual([]);
    expect(handler).toEqual([]);
  });
});
