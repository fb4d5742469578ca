import { acknowledgeNagFinding } from '@shoplane/cdk-kit';
import { Stack, type Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { checkoutDefinition } from './definition.js';
import { OperationFunctions } from './operation-functions.js';

export interface CheckoutStateMachineProps {
  stage: string;
  /** `<service>.<name>` of every internal operation a Task may invoke (the manifest's list). */
  invokes: readonly string[];
  eventBus: IEventBus;
  paymentTimeout: Duration;
  /** The whole execution's limit: past it, the execution ends TIMED_OUT and the backstop compensates. */
  executionTimeout: Duration;
  removalPolicy: RemovalPolicy;
}

/** Physical name of the checkout state machine in a stage, e.g. `shoplane-dev-checkout`. */
export function checkoutStateMachineName(stage: string): string {
  return `shoplane-${stage}-checkout`;
}

/**
 * The checkout saga as a Standard state machine: each step runs exactly once per
 * execution (Express would run them at least once), an execution may wait for a payment
 * webhook for as long as the payment timeout (Express stops at 5 minutes), and every
 * execution keeps its history for 90 days. Logs carry events, not execution data: the
 * state holds the payment token.
 */
export class CheckoutStateMachine extends Construct {
  readonly stateMachine: StateMachine;
  readonly operations: OperationFunctions;

  constructor(scope: Construct, id: string, props: CheckoutStateMachineProps) {
    super(scope, id);
    const name = checkoutStateMachineName(props.stage);
    this.operations = new OperationFunctions(this, 'Operations', { stage: props.stage, allowed: props.invokes });
    const logs = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/vendedlogs/states/${name}`,
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: props.removalPolicy,
    });
    this.stateMachine = new StateMachine(this, 'Resource', {
      stateMachineName: name,
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(
        checkoutDefinition(this, { functions: this.operations, eventBus: props.eventBus, paymentTimeout: props.paymentTimeout }),
      ),
      timeout: props.executionTimeout,
      tracingEnabled: true,
      logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: false },
    });
    this.acknowledgeGeneratedWildcards();
  }

  /**
   * CDK's task integrations grant each invoked function by ARN and its versions/aliases
   * (`<arn>:*`); each such finding is acknowledged by name, for exactly the functions the
   * Tasks use. Log delivery and X-Ray support no resource-level permissions.
   */
  private acknowledgeGeneratedWildcards(): void {
    const policy = this.stateMachine.role.node.tryFindChild('DefaultPolicy');
    if (!policy) throw new Error('The state machine role has no default policy');
    for (const fn of this.operations.functions) {
      acknowledgeNagFinding(
        policy,
        `AwsSolutions-IAM5[Resource::${nagResourceName(fn.functionArn, this)}:*]`,
        'Versions and aliases of one function that the checkout manifest lists; CDK grants them with the function itself.',
      );
    }
    acknowledgeNagFinding(
      policy,
      'AwsSolutions-IAM5[Resource::*]',
      'Step Functions log delivery (logs:CreateLogDelivery, logs:DescribeLogGroups, ...) and X-Ray tracing support no resource-level permissions.',
    );
  }
}

type TemplateValue = string | { Ref: string } | { 'Fn::GetAtt': [string, string] } | { 'Fn::Join': [string, TemplateValue[]] };

/** How cdk-nag spells a resource in a finding id: references as `<LogicalId>` or `<LogicalId.Attribute>`. */
function nagResourceName(value: string, scope: Construct): string {
  const render = (part: TemplateValue): string => {
    if (typeof part === 'string') return part;
    if ('Ref' in part) return `<${part.Ref}>`;
    if ('Fn::GetAtt' in part) return `<${part['Fn::GetAtt'].join('.')}>`;
    return part['Fn::Join'][1].map(render).join(part['Fn::Join'][0]);
  };
  return render(Stack.of(scope).resolve(value) as TemplateValue);
}
