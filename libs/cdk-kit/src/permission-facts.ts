import type { DeclarationKind, GrantedPermissions } from '@shoplane/manifest';
import { actionsOf, type PolicyStatementJson } from './testing.js';

/** One function of a synthesized stack as the permission check reads it. */
export interface FunctionUnderCheck {
  handler: string;
  granted: GrantedPermissions;
  kinds: Set<DeclarationKind>;
  statements: PolicyStatementJson[];
  environment: Record<string, unknown>;
}

export interface StackFacts {
  service: string;
  stage: string;
  tableLogicalId: string;
  /** SSM parameter name read by each template parameter, by logical id. */
  ssm: Map<string, string>;
  /** Logical ids of the stack's own SQS queues (subscription inboxes, named queues, the stream's failure queue). */
  ownQueues: Set<string>;
}

export const withPrefix = (statements: PolicyStatementJson[], prefix: string) =>
  statements.filter((statement) => actionsOf(statement).some((action) => action.startsWith(prefix)));
export const actionsIn = (statements: PolicyStatementJson[]) => [...new Set(statements.flatMap(actionsOf))];
/** JSON text of a template value; `undefined` (a statement's absent Resource) as the word. */
export const json = (value: unknown) => JSON.stringify(value) ?? 'undefined';
