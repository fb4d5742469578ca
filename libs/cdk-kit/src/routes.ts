import type { HttpOperation } from '@shoplane/contracts';
import { HttpApi, HttpMethod, HttpRoute, HttpRouteKey, PayloadFormatVersion } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { acknowledgeNagFinding } from './nag.js';

const methods: Record<HttpOperation['method'], HttpMethod> = {
  get: HttpMethod.GET,
  post: HttpMethod.POST,
  put: HttpMethod.PUT,
  patch: HttpMethod.PATCH,
  delete: HttpMethod.DELETE,
};

export interface ServiceRoutesProps {
  /** The platform's shared HTTP API; a service adds routes to it, it never owns an API. */
  httpApiId: string;
}

/** A service's routes on the shared HTTP API, each a Lambda proxy integration (payload 2.0). */
export class ServiceRoutes extends Construct {
  private readonly httpApi;

  constructor(scope: Construct, id: string, props: ServiceRoutesProps) {
    super(scope, id);
    this.httpApi = HttpApi.fromHttpApiAttributes(this, 'SharedHttpApi', { httpApiId: props.httpApiId });
  }

  /** Adds `METHOD /path` for the operation; the path is already in `{param}` form in the contract. */
  add(operation: HttpOperation, handler: IFunction): HttpRoute {
    const route = new HttpRoute(this, operation.operationId, {
      httpApi: this.httpApi,
      routeKey: HttpRouteKey.with(operation.path, methods[operation.method]),
      integration: new HttpLambdaIntegration(`${operation.operationId}Integration`, handler, {
        payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
      }),
    });
    acknowledgeNagFinding(route, 'AwsSolutions-APIG4', authorizationReason(operation));
    return route;
  }
}

/** Why the route has no API Gateway authorizer, in words an auditor can check against the contract. */
function authorizationReason(operation: HttpOperation): string {
  if (operation.auth === 'public') {
    return `${operation.operationId} is public by contract (auth: public); it needs no caller identity.`;
  }
  return (
    `${operation.operationId} (auth: ${operation.auth}) is authorized inside the Lambda: lambda-kit verifies the ES256 JWT ` +
    'against the platform public keys and checks the role, the same code path locally and in AWS.'
  );
}
