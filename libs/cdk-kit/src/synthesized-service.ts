import { handlerNames, functionName, type ServiceManifest } from '@shoplane/manifest';
import type { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { appWithFeatureFlags } from './feature-flags.js';
import type { CreateServiceStackOptions, ServiceStack } from './service-stack.js';
import { actionsOf, createStubBundles, roleOfFunction, statementsOfRole, type PolicyStatementJson } from './testing.js';

/** Actions that change a table; a read-only function must hold none of them. */
export const tableWriteActions = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

export interface SynthesizedService {
  stack: ServiceStack;
  template: Template;
  /** Logical id of the service's one table. */
  tableLogicalId: string;
  /** The DynamoDB statements of a handler's role. */
  tableStatementsOf(handler: string): PolicyStatementJson[];
  /** The DynamoDB actions a handler may perform. */
  tableActionsOf(handler: string): string[];
  /** Every statement of a handler's role. */
  statementsOf(handler: string): PolicyStatementJson[];
  /** Every IAM action a handler's role allows. */
  permittedActionsOf(handler: string): string[];
  logicalIdOfFunction(handler: string): string;
}

/**
 * For stack tests: synthesizes a service's stack in the `dev` stage from stub
 * bundles (no `nx build` needed) and answers what the tests ask about it.
 */
export function synthesizeServiceForTest(
  manifest: ServiceManifest,
  createStack: (app: App, options: CreateServiceStackOptions) => ServiceStack,
): SynthesizedService {
  const stack = createStack(appWithFeatureFlags(), { assetsRoot: createStubBundles(manifest.name, handlerNames(manifest)) });
  const template = Template.fromStack(stack);
  const physicalName = (handler: string) => functionName('dev', manifest.name, handler);
  const statementsOf = (handler: string) => statementsOfRole(template, roleOfFunction(template, physicalName(handler)));
  const tableStatementsOf = (handler: string) =>
    statementsOf(handler).filter((statement) => actionsOf(statement).some((action) => action.startsWith('dynamodb:')));
  return {
    stack,
    template,
    tableLogicalId: Object.keys(template.findResources('AWS::DynamoDB::GlobalTable'))[0] ?? '',
    tableStatementsOf,
    statementsOf,
    permittedActionsOf: (handler) => [...new Set(statementsOf(handler).flatMap(actionsOf))],
    tableActionsOf: (handler) => tableStatementsOf(handler).flatMap(actionsOf).filter((action) => action.startsWith('dynamodb:')),
    logicalIdOfFunction: (handler) =>
      Object.keys(template.findResources('AWS::Lambda::Function', { Properties: { FunctionName: physicalName(handler) } }))[0] ?? '',
  };
}
