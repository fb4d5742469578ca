import { createRequire } from 'node:module';
import { appWithFeatureFlags, createStubBundles } from '@shoplane/cdk-kit';
import { orchestratorHandlers } from '@shoplane/manifest';
import { Template } from 'aws-cdk-lib/assertions';
import { orchestrator } from './service.js';
import { createCheckoutStack, type CheckoutStack } from './stack.js';

export interface AslState {
  Type: string;
  Resource?: string;
  Next?: string;
  End?: boolean;
  Default?: string;
  Choices?: Array<{ Next: string } & Record<string, unknown>>;
  Parameters?: Record<string, unknown>;
  Retry?: Array<{ ErrorEquals: string[]; MaxAttempts?: number; IntervalSeconds?: number; BackoffRate?: number; JitterStrategy?: string }>;
  Catch?: Array<{ ErrorEquals: string[]; Next: string; ResultPath?: string }>;
  TimeoutSeconds?: number;
  ResultPath?: string | null;
  Error?: string;
}

export interface Asl {
  StartAt: string;
  TimeoutSeconds?: number;
  States: Record<string, AslState>;
}

type Fragment = string | { Ref: string } | { 'Fn::GetAtt': [string, string] };

export interface SynthesizedCheckout {
  stack: CheckoutStack;
  template: Template;
  /** The state machine's definition, with references made readable (see `definitionOf`). */
  definition: Asl;
  logicalIdOf(type: string, predicate?: (properties: Record<string, unknown>) => boolean): string;
}

/**
 * The definition as deployed, with its references spelled out: pseudo parameters as
 * `aws` / `us-east-1` / `123456789012`, an SSM-parameter value as `ssm_<name with _>`
 * (e.g. `ssm_shoplane_dev_orders_validateOrder`), anything else as its logical id.
 */
export function definitionOf(template: Template): Asl {
  const json = template.toJSON() as {
    Parameters?: Record<string, { Type: string; Default?: string }>;
    Resources: Record<string, { Type: string; Properties: { DefinitionString: { 'Fn::Join': [string, Fragment[]] } } }>;
  };
  const machine = Object.values(json.Resources).find((resource) => resource.Type === 'AWS::StepFunctions::StateMachine');
  if (!machine) throw new Error('The template has no state machine');
  const pseudo: Record<string, string> = { 'AWS::Partition': 'aws', 'AWS::Region': 'us-east-1', 'AWS::AccountId': '123456789012' };
  const render = (fragment: Fragment): string => {
    if (typeof fragment === 'string') return fragment;
    if ('Ref' in fragment) {
      const ssmName = json.Parameters?.[fragment.Ref]?.Default;
      return pseudo[fragment.Ref] ?? (ssmName ? `ssm${ssmName.replaceAll('/', '_')}` : fragment.Ref);
    }
    return fragment['Fn::GetAtt'].join('.');
  };
  const [separator, fragments] = machine.Properties.DefinitionString['Fn::Join'];
  return JSON.parse(fragments.map(render).join(separator)) as Asl;
}

/** The checkout stack in the `dev` stage from stub bundles, with CDK context (e.g. `paymentTimeoutSeconds`). */
export function synthesizeCheckoutForTest(context: Record<string, unknown> = {}): SynthesizedCheckout {
  const app = appWithFeatureFlags({ context });
  const stack = createCheckoutStack(app, { assetsRoot: createStubBundles(orchestrator.name, orchestratorHandlers(orchestrator)) });
  const template = Template.fromStack(stack);
  return {
    stack,
    template,
    definition: definitionOf(template),
    logicalIdOf(type, predicate = () => true) {
      const found = Object.entries(template.findResources(type)).find(([, resource]) =>
        predicate((resource as { Properties?: Record<string, unknown> }).Properties ?? {}),
      );
      if (!found) throw new Error(`No ${type} matches`);
      return found[0];
    },
  };
}

type AslValidator = (definition: unknown, options?: { checkArn?: boolean; checkPaths?: boolean }) => { isValid: boolean; errorsText(separator?: string): string };

/** asl-validator 4 (CommonJS, untyped). It changes what it validates, so it gets a copy. */
export function validateAsl(definition: Asl): { isValid: boolean; errors: string } {
  const validate = createRequire(import.meta.url)('asl-validator') as AslValidator;
  const { isValid, errorsText } = validate(structuredClone(definition), { checkArn: true, checkPaths: true });
  return { isValid, errors: errorsText('\n') };
}

/** The states an execution passes through when every Choice takes its first branch (the happy path). */
export function firstBranchPath(definition: Asl): string[] {
  const path: string[] = [];
  let name: string | undefined = definition.StartAt;
  while (name && !path.includes(name)) {
    path.push(name);
    const state: AslState | undefined = definition.States[name];
    name = state?.Type === 'Choice' ? state.Choices?.[0]?.Next : state?.Next;
  }
  return path;
}
