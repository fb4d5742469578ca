import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpStage, LogGroupLogDestination, type ThrottleSettings } from 'aws-cdk-lib/aws-apigatewayv2';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** One JSON line per request (HTTP API context variables), queryable with Logs Insights. */
const accessLogFormat = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    requestTime: '$context.requestTime',
    method: '$context.httpMethod',
    routeKey: '$context.routeKey',
    path: '$context.path',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    latencyMs: '$context.responseLatency',
    integrationLatencyMs: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
  }),
);

export interface SharedHttpApiProps {
  stage: string;
  removalPolicy: RemovalPolicy;
  /** Account-wide defaults for every route; services cannot raise them. */
  throttle?: ThrottleSettings;
  /**
   * Browser origins (e.g. the shop's web front end) allowed to call the API from
   * JavaScript. None by default: server-side and mobile clients need no CORS, and an
   * open API should not accept every site's scripts.
   */
  allowedOrigins?: string[];
}

/**
 * The one HTTP API every service adds its routes to. Only the `$default`
 * stage exists (auto-deployed), with access logs in a log group of its own so
 * every request can be traced to a status, latency and integration error.
 */
export class SharedHttpApi extends Construct {
  readonly api: HttpApi;
  readonly defaultStage: HttpStage;

  constructor(scope: Construct, id: string, props: SharedHttpApiProps) {
    super(scope, id);
    this.api = new HttpApi(this, 'Api', {
      apiName: `shoplane-${props.stage}`,
      description: `Shoplane public API (${props.stage}); routes are owned by the service stacks.`,
      createDefaultStage: false,
      corsPreflight: props.allowedOrigins?.length
        ? {
            allowOrigins: props.allowedOrigins,
            allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.PATCH, CorsHttpMethod.DELETE],
            allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-correlation-id'],
            exposeHeaders: ['x-correlation-id', 'location', 'idempotent-replayed', 'retry-after'],
            maxAge: Duration.hours(1),
          }
        : undefined,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: props.removalPolicy,
    });
    this.defaultStage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      // Route metrics (ApiId, Stage, Route): the dashboard's latency per route.
      detailedMetricsEnabled: true,
      throttle: props.throttle ?? { rateLimit: 200, burstLimit: 400 },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: accessLogFormat },
    });
  }

  /** The invoke URL of the `$default` stage, e.g. `https://abc123.execute-api.eu-west-1.amazonaws.com/`. */
  get url(): string {
    return this.defaultStage.url;
  }
}
