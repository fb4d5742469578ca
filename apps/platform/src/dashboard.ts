import { routeKey } from '@shoplane/contracts';
import type { WorkspaceUnits } from '@shoplane/cdk-kit';
import { deadLetterQueueName, orchestratorQueues, serviceQueues, unitQueueName, type UnitQueue } from '@shoplane/manifest';
import { Duration } from 'aws-cdk-lib';
import { Dashboard, GraphWidget, Metric, SearchExpression, type IMetric, type IWidget } from 'aws-cdk-lib/aws-cloudwatch';
import type { HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { Construct } from 'constructs';

/** Where the services' Powertools metrics (EMF) land: namespace `Shoplane`, dimension `service`. */
const businessNamespace = 'Shoplane';
const period = Duration.minutes(5);

const business = (metricName: string, service: string) =>
  new Metric({ namespace: businessNamespace, metricName, dimensionsMap: { service }, statistic: 'Sum', period, label: `${metricName} (${service})` });
const sqs = (metricName: string, queueName: string, statistic: string) =>
  new Metric({ namespace: 'AWS/SQS', metricName, dimensionsMap: { QueueName: queueName }, statistic, period, label: queueName });
const graph = (title: string, left: IMetric[], options: { right?: IMetric[]; width?: number } = {}) =>
  new GraphWidget({ title, left, right: options.right, width: options.width ?? 12, height: 6 });

export interface OperationsDashboardProps {
  stage: string;
  /** The shared API's stage: its route metrics (detailed metrics on) carry ApiId, Stage and Route. */
  httpStage: HttpStage;
  apiId: string;
  units: WorkspaceUnits;
}

/**
 * The stage's one dashboard (`shoplane-<stage>`), built from every manifest: the
 * checkout funnel and other business signals, the API's traffic and latency per
 * route, and each unit's queues (waiting messages, oldest message, dead letters).
 */
export class OperationsDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsDashboardProps) {
    super(scope, id);
    const { stage, units } = props;
    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: `shoplane-${stage}`, defaultInterval: Duration.hours(6) });
    const serviceNames = [...units.services.map((service) => service.name), ...units.orchestrators.map((orchestrator) => orchestrator.name)];

    this.dashboard.addWidgets(
      graph('Checkout funnel: orders created, confirmed, failed', ['OrdersCreated', 'OrdersConfirmed', 'OrdersFailed'].map((name) => business(name, 'orders'))),
      graph('Business signals', [
        business('PaymentsDeclined', 'payments'),
        business('LoginsThrottled', 'users'),
        business('NotificationsFailed', 'notifications'),
        // Orders the sweeper handed back to checkout (restarted, abandoned or settled): stuck checkouts.
        business('OrdersSwept', 'orders'),
        ...serviceNames.map((service) => business('MessagesDeadLettered', service)),
      ]),
    );
    // Powertools adds the function's name to ColdStart: one line per function, whichever exist.
    const coldStarts = new SearchExpression({
      expression: `SEARCH('{${businessNamespace},function_name,service} MetricName="ColdStart"', 'Sum', ${period.toSeconds()})`,
      label: 'ColdStart',
      period,
    });
    const sum = { period, statistic: 'Sum' };
    this.dashboard.addWidgets(
      graph('API requests, 4xx and 5xx', [
        props.httpStage.metricCount({ ...sum, label: 'requests' }),
        props.httpStage.metricClientError({ ...sum, label: '4xx' }),
        props.httpStage.metricServerError({ ...sum, label: '5xx' }),
      ]),
      graph('API latency (p50, p90, p99)', ['p50', 'p90', 'p99'].map((statistic) => props.httpStage.metricLatency({ period, statistic, label: statistic }))),
    );
    this.dashboard.addWidgets(graph('Cold starts per function', [coldStarts], { width: 24 }));
    this.dashboard.addWidgets(...this.routeLatencyWidgets(props));
    for (const [unit, queues] of [
      ...units.services.map((service) => [service.name, serviceQueues(service)] as const),
      ...units.orchestrators.map((orchestrator) => [orchestrator.name, orchestratorQueues(orchestrator)] as const),
    ]) {
      if (queues.length > 0) this.dashboard.addWidgets(...queueWidgets(stage, unit, queues));
    }
  }

  /** One widget per service with routes: each route's p90 latency, by its route key. */
  private routeLatencyWidgets(props: OperationsDashboardProps): IWidget[] {
    return props.units.services
      .filter((service) => service.routes.length > 0)
      .map((service) =>
        graph(
          `${service.name}: p90 latency per route`,
          service.routes.map(
            (route) =>
              new Metric({
                namespace: 'AWS/ApiGateway',
                metricName: 'Latency',
                dimensionsMap: { ApiId: props.apiId, Stage: props.httpStage.stageName, Route: routeKey(route.operation) },
                statistic: 'p90',
                period,
                label: routeKey(route.operation),
              }),
          ),
          { width: 8 },
        ),
      );
  }
}

/** A unit's queues: messages waiting (left) and the oldest one's age (right); and what reached a dead-letter queue. */
function queueWidgets(stage: string, unit: string, queues: UnitQueue[]): IWidget[] {
  const drained = queues.filter((queue) => queue.hasDeadLetterQueue).map((queue) => unitQueueName(stage, unit, queue));
  const deadLetters = queues.map((queue) => (queue.hasDeadLetterQueue ? deadLetterQueueName(stage, unit, queue) : unitQueueName(stage, unit, queue)));
  const waiting = graph(`${unit}: messages waiting (left) and oldest message age in seconds (right)`, drained.map((name) => sqs('ApproximateNumberOfMessagesVisible', name, 'Maximum')), {
    right: drained.map((name) => sqs('ApproximateAgeOfOldestMessage', name, 'Maximum')),
  });
  const dead = graph(`${unit}: dead-letter queue depth`, deadLetters.map((name) => sqs('ApproximateNumberOfMessagesVisible', name, 'Maximum')));
  return drained.length > 0 ? [waiting, dead] : [dead];
}
