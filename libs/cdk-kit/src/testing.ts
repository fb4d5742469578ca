import type { Template } from 'aws-cdk-lib/assertions';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throw-away assets root holding stub bundles (`<service>/<handler>.mjs`),
 * so stack tests synthesize without `nx build`. Returns the root to pass as
 * `assetsRoot`.
 */
export function createStubBundles(service: string, handlers: Iterable<string>): string {
  const root = mkdtempSync(join(tmpdir(), 'shoplane-bundles-'));
  const folder = join(root, service);
  mkdirSync(folder, { recursive: true });
  for (const handler of handlers) {
    writeFileSync(join(folder, `${handler}.mjs`), `export const handler = async () => ({ stub: '${handler}' });\n`);
    writeFileSync(join(folder, `${handler}.mjs.map`), '{"version":3,"sources":[],"mappings":""}\n');
  }
  return root;
}

interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
}

export interface PolicyStatementJson {
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
  /** Everything but these: a statement has either Resource or NotResource. */
  NotResource?: unknown;
}

function resourcesOf(template: Template): Record<string, TemplateResource> {
  const json = template.toJSON() as { Resources?: Record<string, TemplateResource> };
  return json.Resources ?? {};
}

/** Logical id of the role a function (by physical `FunctionName`) runs with. */
export function roleOfFunction(template: Template, functionName: string): string {
  for (const resource of Object.values(resourcesOf(template))) {
    if (resource.Type !== 'AWS::Lambda::Function' || resource.Properties?.['FunctionName'] !== functionName) continue;
    const role = resource.Properties['Role'] as { 'Fn::GetAtt'?: [string, string] } | undefined;
    const logicalId = role?.['Fn::GetAtt']?.[0];
    if (logicalId) return logicalId;
  }
  throw new Error(`No function named ${functionName} with a role in this template`);
}

/** Every statement of every IAM policy attached to the role, across all its policies. */
export function statementsOfRole(template: Template, roleLogicalId: string): PolicyStatementJson[] {
  return Object.values(resourcesOf(template))
    .filter((resource) => resource.Type === 'AWS::IAM::Policy')
    .filter((policy) => {
      const roles = (policy.Properties?.['Roles'] ?? []) as Array<{ Ref?: string }>;
      return roles.some((role) => role.Ref === roleLogicalId);
    })
    .flatMap((policy) => {
      const document = policy.Properties?.['PolicyDocument'] as { Statement: PolicyStatementJson[] };
      return document.Statement;
    });
}

/** The actions of a statement, always as a list. */
export function actionsOf(statement: PolicyStatementJson): string[] {
  return Array.isArray(statement.Action) ? statement.Action : [statement.Action];
}

/**
 * The same permissions, one statement per resource. With the recommended
 * `@aws-cdk/aws-iam:minimizePolicies` flag, CDK merges statements that share their
 * actions or their resources; a check that asks "what may be done to this
 * resource" reads them split again.
 */
export function oneStatementPerResource(statements: PolicyStatementJson[]): PolicyStatementJson[] {
  return statements.flatMap((statement) =>
    Array.isArray(statement.Resource) ? statement.Resource.map((resource: unknown) => ({ ...statement, Resource: resource })) : [statement],
  );
}

/** The resources of a statement, always as a list (CloudFormation allows one or many; none with NotResource). */
export function resourcesOfStatement(statement: PolicyStatementJson): unknown[] {
  if (statement.Resource === undefined) return [];
  return Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource];
}

/** The environment variables of a function (by physical `FunctionName`), as the template passes them. */
export function environmentOfFunction(template: Template, functionName: string): Record<string, unknown> {
  for (const resource of Object.values(resourcesOf(template))) {
    if (resource.Type !== 'AWS::Lambda::Function' || resource.Properties?.['FunctionName'] !== functionName) continue;
    const environment = resource.Properties['Environment'] as { Variables?: Record<string, unknown> } | undefined;
    return environment?.Variables ?? {};
  }
  throw new Error(`No function named ${functionName} in this template`);
}

/** The SSM parameter each `AWS::SSM::Parameter::Value` template parameter reads, by its logical id. */
export function ssmParametersOf(template: Template): Map<string, string> {
  const json = template.toJSON() as { Parameters?: Record<string, { Type?: string; Default?: unknown }> };
  const parameters = new Map<string, string>();
  for (const [logicalId, parameter] of Object.entries(json.Parameters ?? {})) {
    if (parameter.Type?.startsWith('AWS::SSM::Parameter::Value') && typeof parameter.Default === 'string') parameters.set(logicalId, parameter.Default);
  }
  return parameters;
}

/** Logical ids a CloudFormation expression points at through `Ref` or `Fn::GetAtt`. */
export function referencesIn(expression: unknown): string[] {
  if (Array.isArray(expression)) return expression.flatMap(referencesIn);
  if (typeof expression !== 'object' || expression === null) return [];
  const record = expression as Record<string, unknown>;
  const here: string[] = [];
  if (typeof record['Ref'] === 'string') here.push(record['Ref']);
  const getAtt = record['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') here.push(getAtt[0]);
  return [...here, ...Object.values(record).flatMap(referencesIn)];
}
