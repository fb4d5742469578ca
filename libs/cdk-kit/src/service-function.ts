import { functionName } from '@shoplane/manifest';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Effect, Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, CfnFunction, Function as LambdaFunction, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { handlerCode, handlerEntryPoint } from './bundles.js';
import { acknowledgeNagFinding } from './nag.js';

/** Newest Node.js runtime this CDK knows; handlers are bundled for node22, which it runs unchanged. */
export const lambdaRuntime = Runtime.NODEJS_24_X;

/** The CloudWatch namespace of the shop's business metrics (Powertools EMF), with the dimension `service`. */
export const metricsNamespace = 'Shoplane';

export interface FunctionSettings {
  /** MB; defaults to 512 (bcrypt and JSON-heavy handlers are CPU-bound, and CPU scales with memory). */
  memorySize?: number;
  /** Defaults to 10 seconds; API Gateway gives up after 30. */
  timeout?: Duration;
  /** Defaults to one month. */
  logRetention?: RetentionDays;
}

export interface ServiceFunctionProps extends FunctionSettings {
  service: string;
  handler: string;
  stage: string;
  /** Folder holding `<service>/<handler>.mjs`. */
  assetsRoot: string;
  removalPolicy: RemovalPolicy;
  environment: Record<string, string>;
}

/**
 * One handler of a service as a Lambda function: arm64, the newest Node.js,
 * JSON logs in its own log group, X-Ray active, and a role that starts with
 * nothing but permission to write its own logs and traces. Everything else is
 * granted by the caller, explicitly.
 */
export class ServiceFunction extends Construct {
  readonly function: LambdaFunction;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: ServiceFunctionProps) {
    super(scope, id);
    const name = functionName(props.stage, props.service, props.handler);

    // An explicit role: the default one carries the AWS-managed basic execution
    // policy, which lets the function write to every log group in the account.
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });

    const logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${name}`,
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: props.removalPolicy,
    });
    logGroup.grantWrite(this.role);

    this.function = new LambdaFunction(this, 'Function', {
      functionName: name,
      runtime: lambdaRuntime,
      architecture: Architecture.ARM_64,
      code: handlerCode(props.assetsRoot, props.service, props.handler),
      handler: handlerEntryPoint(props.handler),
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: props.service,
        POWERTOOLS_METRICS_NAMESPACE: metricsNamespace,
        ...props.environment,
      },
    });
    this.enableTracing();
  }

  /**
   * `tracing: ACTIVE` would add the X-Ray statement (resource `*`) to the role's
   * default policy, where an acknowledgement would also hide any later wildcard
   * grant. The statement gets a policy of its own instead, acknowledged alone.
   */
  private enableTracing(): void {
    const cfnFunction = this.function.node.defaultChild;
    if (!(cfnFunction instanceof CfnFunction)) throw new Error('Lambda Function without its CfnFunction');
    cfnFunction.tracingConfig = { mode: 'Active' };
    const tracingPolicy = new Policy(this, 'TracingPolicy', {
      roles: [this.role],
      statements: [
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
          resources: ['*'],
        }),
      ],
    });
    this.function.node.addDependency(tracingPolicy);
    acknowledgeNagFinding(
      tracingPolicy,
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions; this policy holds only them.',
    );
  }
}
