import { parse } from 'yaml';

/** One problem in a workflow file; `line` is 1-based, 0 when it concerns the whole file. */
export interface WorkflowFinding {
  file: string;
  line: number;
  message: string;
  rule: string;
}

interface Job {
  permissions?: unknown;
  steps?: Array<{ uses?: unknown }>;
  uses?: unknown;
}

interface Workflow {
  on?: unknown;
  permissions?: unknown;
  concurrency?: unknown;
  jobs?: Record<string, Job>;
}

/** A job may hold `id-token: write` (and so mint AWS credentials) only when its id says it deploys. */
export function isDeployJob(jobId: string): boolean {
  return /^deploy(?:-|$)/.test(jobId);
}

// `uses: owner/repo[/path]@<40 hex> # v1.2.3`: a tag can be moved, a commit cannot; the comment says which release it is.
const usesLine = /^\s*(?:-\s+)?uses:\s*(['"]?)([^\s'"#]+)\1\s*(#.*)?$/;
const pinnedReference = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+(?:\/[^@\s]+)?@[0-9a-f]{40}$/;
const versionComment = /^#\s*v\d+\.\d+\.\d+\s*$/;
// Credentials come from OIDC only: no access keys as inputs and no AWS secrets read anywhere.
const storedAwsKeys = /aws-access-key-id|aws-secret-access-key|secrets\.AWS_|AWS_SECRET_ACCESS_KEY/i;

function isLocal(reference: string): boolean {
  return reference.startsWith('./') || reference.startsWith('docker://');
}

function pinningFindings(file: string, lines: string[]): WorkflowFinding[] {
  const findings: WorkflowFinding[] = [];
  lines.forEach((text, index) => {
    const match = usesLine.exec(text);
    const reference = match?.[2];
    if (reference === undefined || isLocal(reference)) return;
    const line = index + 1;
    if (!pinnedReference.test(reference)) {
      findings.push({ file, line, rule: 'pinned-actions', message: `"${reference}" must be pinned to a full 40-character commit SHA` });
    } else if (!versionComment.test(match?.[3] ?? '')) {
      findings.push({ file, line, rule: 'pinned-actions', message: `"${reference}" must say which release the SHA is, in a "# vX.Y.Z" comment` });
    }
  });
  return findings;
}

function usesCount(workflow: Workflow): number {
  return Object.values(workflow.jobs ?? {}).reduce(
    (count, job) => count + (job.uses === undefined ? 0 : 1) + (job.steps ?? []).filter((step) => step.uses !== undefined).length,
    0,
  );
}

function grantsIdToken(permissions: unknown): boolean {
  if (permissions === 'write-all') return true;
  return typeof permissions === 'object' && permissions !== null && (permissions as Record<string, unknown>)['id-token'] === 'write';
}

function lineOf(lines: string[], pattern: RegExp): number {
  return lines.findIndex((text) => pattern.test(text)) + 1;
}

function permissionFindings(file: string, workflow: Workflow, lines: string[]): WorkflowFinding[] {
  const findings: WorkflowFinding[] = [];
  const defaults = workflow.permissions;
  const readOnly = typeof defaults === 'object' && defaults !== null && Object.keys(defaults).length === 1 && (defaults as Record<string, unknown>)['contents'] === 'read';
  if (!readOnly) {
    findings.push({ file, line: lineOf(lines, /^permissions:/), rule: 'default-permissions', message: 'the workflow must default to `permissions: contents: read` and nothing else' });
  }
  for (const [jobId, job] of Object.entries(workflow.jobs ?? {})) {
    if (grantsIdToken(job.permissions) && !isDeployJob(jobId)) {
      findings.push({
        file,
        line: lineOf(lines, new RegExp(`^ {2}${jobId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`)),
        rule: 'id-token',
        message: `job "${jobId}" may not have \`id-token: write\`: only deploy jobs (deploy-…) mint cloud credentials`,
      });
    }
  }
  return findings;
}

function runsOnPullRequests(on: unknown): boolean {
  if (on === 'pull_request') return true;
  if (Array.isArray(on)) return on.includes('pull_request');
  return typeof on === 'object' && on !== null && 'pull_request' in on;
}

/**
 * What actionlint does not check and this repository requires of every workflow:
 * actions pinned to commit SHAs with their version in a comment, read-only default
 * permissions, `id-token: write` in deploy jobs only, no stored AWS keys, and
 * superseded pull request runs cancelled by a `concurrency` group.
 */
export function workflowFindings(file: string, text: string): WorkflowFinding[] {
  const lines = text.split('\n');
  let workflow: Workflow;
  try {
    workflow = (parse(text) ?? {}) as Workflow;
  } catch (error) {
    return [{ file, line: 0, rule: 'yaml', message: `not valid YAML: ${(error as Error).message}` }];
  }
  const findings = [...pinningFindings(file, lines), ...permissionFindings(file, workflow, lines)];
  const listedUses = lines.filter((line) => usesLine.test(line)).length;
  if (listedUses !== usesCount(workflow)) {
    findings.push({ file, line: 0, rule: 'pinned-actions', message: 'write every `uses:` on its own line as `uses: owner/repo@<sha> # vX.Y.Z`, so it can be checked' });
  }
  const keysLine = lineOf(lines, storedAwsKeys);
  if (keysLine > 0) {
    findings.push({ file, line: keysLine, rule: 'no-stored-keys', message: 'AWS credentials come from OIDC (role-to-assume), never from stored keys' });
  }
  if (runsOnPullRequests(workflow.on) && workflow.concurrency === undefined) {
    findings.push({ file, line: 0, rule: 'concurrency', message: 'a workflow run on pull requests needs a `concurrency` group that cancels superseded runs' });
  }
  return findings;
}
