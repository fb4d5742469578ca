import type { StateMachineDefinition } from 'aws-local-stepfunctions';
import { localAccountId } from './aws-identity.js';
import { localRegion } from './dynamodb-local.js';

/** The parts of a synthesized CloudFormation template the local runtime reads. */
export interface TemplateJson {
  Parameters?: Record<string, { Type: string; Default?: string }>;
  Resources?: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
}

export interface StateMachineFromTemplate {
  logicalId: string;
  name: string;
  arn: string;
  definition: StateMachineDefinition;
  /** SSM parameters the definition reads that nothing publishes locally (e.g. a service that is not running). */
  unresolvedParameters: string[];
}

/** What references resolve to locally: SSM parameter values (function names, the bus name). */
export interface LocalReferences {
  parameter(name: string): string | undefined;
}

export function localStateMachineArn(name: string): string {
  return `arn:aws:states:${localRegion}:${localAccountId}:stateMachine:${name}`;
}

const pseudoParameters: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::Region': localRegion,
  'AWS::AccountId': localAccountId,
  'AWS::URLSuffix': 'amazonaws.com',
};

/** Stands in for a parameter no local service publishes: invoking it fails with "Function not found: …unpublished…". */
export function unpublishedParameterValue(name: string): string {
  return `unpublished${name.replaceAll('/', '-')}`;
}

class TemplateResolver {
  readonly unresolved = new Set<string>();

  constructor(
    private readonly template: TemplateJson,
    private readonly references: LocalReferences,
  ) {}

  resolve(value: unknown): string {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value !== 'object' || value === null) throw new Error(`Cannot resolve ${JSON.stringify(value)} locally`);
    const record = value as Record<string, unknown>;
    if ('Ref' in record) return this.ref(String(record['Ref']));
    if ('Fn::GetAtt' in record) {
      const target = record['Fn::GetAtt'];
      const [logicalId, attribute] = Array.isArray(target) ? target.map(String) : String(target).split('.');
      return this.attribute(logicalId ?? '', attribute ?? '');
    }
    if ('Fn::Join' in record) {
      const [separator, parts] = record['Fn::Join'] as [string, unknown[]];
      return parts.map((part) => this.resolve(part)).join(separator);
    }
    throw new Error(`The local runtime does not resolve ${Object.keys(record).join(', ')} in a state machine definition`);
  }

  private ref(logicalId: string): string {
    const pseudo = pseudoParameters[logicalId];
    if (pseudo) return pseudo;
    const parameter = this.template.Parameters?.[logicalId];
    if (parameter?.Type.startsWith('AWS::SSM::Parameter::Value') && parameter.Default) {
      const value = this.references.parameter(parameter.Default);
      if (value !== undefined) return value;
      this.unresolved.add(parameter.Default);
      return unpublishedParameterValue(parameter.Default);
    }
    const resource = this.template.Resources?.[logicalId];
    const physicalName = resource?.Type === 'AWS::Lambda::Function' ? resource.Properties?.['FunctionName'] : undefined;
    if (typeof physicalName === 'string') return physicalName;
    if (resource?.Type === 'AWS::StepFunctions::StateMachine') return localStateMachineArn(this.stateMachineName(logicalId));
    throw new Error(`The local runtime cannot resolve Ref ${logicalId}${resource ? ` (${resource.Type})` : ''}`);
  }

  private attribute(logicalId: string, attribute: string): string {
    const resource = this.template.Resources?.[logicalId];
    if (resource?.Type === 'AWS::Lambda::Function' && attribute === 'Arn') {
      return `arn:aws:lambda:${localRegion}:${localAccountId}:function:${this.ref(logicalId)}`;
    }
    if (resource?.Type === 'AWS::StepFunctions::StateMachine' && attribute === 'Arn') return this.ref(logicalId);
    throw new Error(`The local runtime cannot resolve Fn::GetAtt ${logicalId}.${attribute}`);
  }

  stateMachineName(logicalId: string): string {
    const name = this.template.Resources?.[logicalId]?.Properties?.['StateMachineName'];
    if (typeof name !== 'string') throw new Error(`State machine ${logicalId} has no literal StateMachineName; the local runtime names executions after it`);
    return name;
  }
}

/**
 * Every state machine of a synthesized template, with its definition as Step Functions
 * would receive it: `DefinitionString` (a string or an `Fn::Join`) with its references
 * (pseudo parameters, SSM parameter values, own functions) resolved to local values and
 * `DefinitionSubstitutions` applied — the very definition the stack deploys.
 */
export function stateMachinesOf(template: TemplateJson, references: LocalReferences): StateMachineFromTemplate[] {
  return Object.entries(template.Resources ?? {})
    .filter(([, resource]) => resource.Type === 'AWS::StepFunctions::StateMachine')
    .map(([logicalId, resource]) => {
      const resolver = new TemplateResolver(template, references);
      const properties = resource.Properties ?? {};
      if (properties['DefinitionString'] === undefined) throw new Error(`State machine ${logicalId} has no DefinitionString`);
      let text = resolver.resolve(properties['DefinitionString']);
      const substitutions = (properties['DefinitionSubstitutions'] ?? {}) as Record<string, unknown>;
      for (const [key, value] of Object.entries(substitutions)) text = text.replaceAll(`\${${key}}`, resolver.resolve(value));
      const name = resolver.stateMachineName(logicalId);
      return {
        logicalId,
        name,
        arn: localStateMachineArn(name),
        definition: JSON.parse(text) as StateMachineDefinition,
        unresolvedParameters: [...resolver.unresolved],
      };
    });
}
