import { describe, expect, it } from 'vitest';
import { isDeployJob, workflowFindings } from './workflow-rules.js';

const checkout = 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1';

/** A workflow that breaks no rule; each test changes one thing in it. */
function workflow({ permissions = 'permissions:\n  contents: read\n', uses = checkout, jobs = '' } = {}): string {
  return [
    'on:\n  pull_request:\n',
    permissions,
    'concurrency:\n  group: ci-${{ github.ref }}\n  cancel-in-progress: true\n',
    'jobs:',
    '  check:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    `      - uses: ${uses}`,
    '      - run: npm test',
    jobs,
  ].join('\n');
}

function rules(text: string): string[] {
  return workflowFindings('ci.yml', text).map((finding) => `${finding.rule}@${finding.line}`);
}

describe('workflowFindings', () => {
  it('finds nothing in a workflow that follows every rule', () => {
    expect(workflowFindings('ci.yml', workflow())).toEqual([]);
  });

  it.each([
    ['a tag', 'actions/checkout@v7.0.1 # v7.0.1'],
    ['a branch', 'actions/checkout@main'],
    ['a short SHA', 'actions/checkout@3d3c42e # v7.0.1'],
    ['no version at all', 'actions/checkout'],
  ])('refuses an action referenced by %s', (_kind, uses) => {
    expect(rules(workflow({ uses }))).toEqual(['pinned-actions@15']);
  });

  it.each([
    ['no comment', 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1'],
    ['a major version only', 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7'],
  ])('refuses a pinned action with %s', (_kind, uses) => {
    expect(rules(workflow({ uses }))).toEqual(['pinned-actions@15']);
  });

  it('accepts local actions and reusable workflows of this repository without a SHA', () => {
    expect(rules(workflow({ uses: './.github/actions/setup' }))).toEqual([]);
  });

  it('refuses a `uses:` it cannot read on one line', () => {
    const flow = workflow({ jobs: '  other:\n    runs-on: ubuntu-latest\n    steps: [{ uses: "actions/checkout@v4" }]' });

    expect(rules(flow)).toEqual(['pinned-actions@0']);
  });

  it.each([
    ['missing', ''],
    ['write-all', 'permissions: write-all\n'],
    ['more than contents: read', 'permissions:\n  contents: read\n  pull-requests: write\n'],
    ['contents: write', 'permissions:\n  contents: write\n'],
  ])('refuses default permissions that are %s', (_kind, permissions) => {
    expect(rules(workflow({ permissions })).map((rule) => rule.split('@')[0])).toEqual(['default-permissions']);
  });

  it('refuses id-token: write outside a deploy job, and allows it in one', () => {
    const job = (id: string) => `  ${id}:\n    runs-on: ubuntu-latest\n    permissions:\n      id-token: write\n    steps:\n      - run: cdk deploy`;

    expect(rules(workflow({ jobs: job('build') }))).toEqual(['id-token@17']);
    expect(rules(workflow({ jobs: job('deploy-prod') }))).toEqual([]);
  });

  it('refuses stored AWS keys', () => {
    const job = '  deploy-dev:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cdk deploy\n        env:\n          AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}';

    expect(rules(workflow({ jobs: job }))).toEqual(['no-stored-keys@22']);
  });

  it('asks pull request workflows for a concurrency group', () => {
    expect(rules(workflow().replace(/concurrency:[^]*?true\n/, ''))).toEqual(['concurrency@0']);
  });

  it('reports a file that is not YAML instead of throwing', () => {
    expect(rules('jobs: [unclosed')).toEqual(['yaml@0']);
  });
});

describe('isDeployJob', () => {
  it('is true for deploy and deploy-<stage> only', () => {
    expect(['deploy', 'deploy-dev', 'deploy-prod', 'deployer', 'build', 'pre-deploy'].filter(isDeployJob)).toEqual(['deploy', 'deploy-dev', 'deploy-prod']);
  });
});
