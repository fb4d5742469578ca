import {
  allowInvocation,
  defaultAssetsRoot,
  EventSubscription,
  isDisposableStage,
  OperationalAlarms,
  PlatformReferences,
  queueNamesOf,
  ServiceFunction,
  stackName,
  stageOf,
  tagStack,
} from '@shoplane/cdk-kit';
import { orchestratorHandlers, platformVariables, type OrchestratorManifest } from '@shoplane/manifest';
import { Duration, RemovalPolicy, Stack, type App, type StackProps } from 'aws-cdk-lib';
import { EventBus } from 'aws-cdk-lib/aws-events';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { abnormalEndings, orchestrator } from './service.js';
import { CheckoutStateMachine } from './state-machine/checkout-state-machine.js';

export interface CheckoutStackProps extends StackProps {
  manifest: OrchestratorManifest;
  stage: string;
  /** Folder holding `checkout/<handler>.mjs`; defaults to the workspace's `dist/apps`. */
  assetsRoot?: string;
  paymentTimeout: Duration;
  executionTimeout: Duration;
}

function constructIdFor(handler: string): string {
  return handler.replace(/(^|-)([a-z0-9])/g, (_match, _separator: string, letter: string) => letter.toUpperCase());
}

/**
 * Checkout's stack (`shoplane-<stage>-checkout`): the state machine, the function that
 * starts it from OrderCreated (rule → SQS + DLQ → Lambda) and the backstop fed by Step
 * Functions' own status events. No table. Every other service it touches is reached
 * through its internal operations' SSM parameters.
 */
export class CheckoutStack extends Stack {
  readonly stateMachine: StateMachine;
  readonly functions = new Map<string, LambdaFunction>();
  readonly alarms: OperationalAlarms;

  constructor(scope: Construct, id: string, props: CheckoutStackProps) {
    super(scope, id, { stackName: stackName(props.stage, props.manifest.name), ...props });
    const { manifest, stage } = props;
    const removalPolicy = isDisposableStage(stage) ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
    tagStack(this, stage, manifest.name);
    const platform = new PlatformReferences(this, 'Platform', stage);
    this.alarms = new OperationalAlarms(this, 'Alarms', { stage, unit: manifest.name, topic: platform.alarmTopic });

    this.stateMachine = new CheckoutStateMachine(this, 'Checkout', {
      stage,
      invokes: manifest.stateMachine.invokes,
      eventBus: platform.eventBus,
      paymentTimeout: props.paymentTimeout,
      executionTimeout: props.executionTimeout,
      removalPolicy,
    }).stateMachine;
    this.alarms.watchStateMachine('checkout', this.stateMachine);

    const assetsRoot = props.assetsRoot ?? defaultAssetsRoot();
    for (const handler of orchestratorHandlers(manifest)) {
      const { function: fn } = new ServiceFunction(this, constructIdFor(handler), {
        service: manifest.name,
        handler,
        stage,
        assetsRoot,
        removalPolicy,
        environment: { [platformVariables.stage]: stage },
      });
      this.functions.set(handler, fn);
      this.alarms.watchFunction(handler, fn);
      for (const target of manifest.invokes?.[handler] ?? []) allowInvocation(this, { stage, target, functions: [fn] });
    }

    // AWS services put their own events (Step Functions status changes) on the account's default bus.
    const defaultBus = EventBus.fromEventBusName(this, 'DefaultBus', 'default');
    for (const subscription of manifest.subscriptions) {
      const handler = this.functionFor(subscription.handler);
      const ownStatusChanges = subscription.bus === 'default';
      const { queue } = new EventSubscription(this, `${constructIdFor(subscription.handler)}Subscription`, {
        queueNames: queueNamesOf(stage, manifest.name, subscription.handler),
        eventBus: ownStatusChanges ? defaultBus : platform.eventBus,
        eventTypes: subscription.eventTypes,
        handler,
        ...(ownStatusChanges
          ? { eventPattern: { source: ['aws.states'], detail: { stateMachineArn: [this.stateMachine.stateMachineArn], status: [...abnormalEndings] } } }
          : {}),
      });
      this.alarms.watchQueue(subscription.handler, queue);
    }
    for (const starter of manifest.stateMachine.startedBy) {
      const handler = this.functionFor(starter);
      handler.addEnvironment(manifest.stateMachine.arnVariable, this.stateMachine.stateMachineArn);
      this.stateMachine.grantStartExecution(handler);
    }
  }

  functionFor(handler: string): LambdaFunction {
    const fn = this.functions.get(handler);
    if (!fn) throw new Error(`Checkout has no handler "${handler}"`);
    return fn;
  }
}

/** Reads a whole number of seconds from CDK context (`-c paymentTimeoutSeconds=600`), or the default. */
function secondsFromContext(app: App, key: string, fallback: Duration): Duration {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined) return fallback;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 1) throw new Error(`Context "${key}" must be a whole number of seconds, got ${JSON.stringify(value)}`);
  return Duration.seconds(seconds);
}

export interface CreateCheckoutStackOptions {
  stage?: string;
  assetsRoot?: string;
}

/**
 * The stack `main.ts` deploys. Payment and execution timeouts come from context
 * (`paymentTimeoutSeconds`, default 15 minutes; `checkoutTimeoutSeconds`, default 1 hour),
 * so tests and the local runtime can shorten them without another code path.
 */
export function createCheckoutStack(app: App, options: CreateCheckoutStackOptions = {}): CheckoutStack {
  const stage = options.stage ?? stageOf(app);
  return new CheckoutStack(app, stackName(stage, orchestrator.name), {
    manifest: orchestrator,
    stage,
    assetsRoot: options.assetsRoot,
    paymentTimeout: secondsFromContext(app, 'paymentTimeoutSeconds', Duration.minutes(15)),
    executionTimeout: secondsFromContext(app, 'checkoutTimeoutSeconds', Duration.hours(1)),
  });
}
