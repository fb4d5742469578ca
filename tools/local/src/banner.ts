import type { LocalShop } from '@shoplane/local-cloud';

export type BannerInput = Pick<LocalShop, 'url' | 'services' | 'dynamodb' | 'controlPlane' | 'seedLines' | 'warnings' | 'timings'> &
  Partial<Pick<LocalShop, 'orchestrators'>>;

const pad = (text: string, width: number) => text.padEnd(width);

/** What `npm start` prints once the shop is up: where everything is, by service. */
export function banner(shop: BannerInput, readyMs: number, storefrontLine?: string): string[] {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const { timings } = shop;
  const lines = [
    `Shoplane local runtime ready in ${seconds(readyMs)}`,
    `  (DynamoDB Local ${seconds(timings.dynamoDb)} while handlers loaded in ${seconds(timings.handlers)}; tables and streams ${seconds(timings.tables)}; seeds ${seconds(timings.seeds)})`,
    '',
    ...(storefrontLine ? [storefrontLine] : []),
    `  API        ${shop.url}`,
    `  Docs       ${shop.url}/docs/`,
    `  OpenAPI    ${shop.url}/openapi.json`,
  ];
  const width = Math.max(0, ...shop.services.flatMap((service) => service.routes.map((route) => route.path.length)));
  for (const service of shop.services) {
    lines.push('', `  ${service.name}  (table ${service.tableName})`);
    for (const route of service.routes) {
      const missing = service.missingFunctions.includes(route.functionName) ? '  (no handler yet: 501)' : '';
      lines.push(`    ${pad(route.method.toUpperCase(), 7)}${pad(route.path, width + 2)}${pad(route.auth, 8)}${route.operationId}${missing}`);
    }
    for (const subscription of service.subscriptions) {
      lines.push(`    on ${subscription.eventTypes.join(', ')} → ${subscription.functionName}`);
    }
    for (const operation of service.internalOperations) {
      lines.push(`    internal ${service.name}.${operation.name} → ${operation.functionName} (${operation.variable})`);
    }
    if (service.stream) lines.push(`    stream → ${service.stream.functionName}`);
    for (const schedule of service.schedules ?? []) lines.push(`    every ${schedule.everyMinutes} min → ${schedule.functionName}`);
  }
  for (const orchestrator of shop.orchestrators ?? []) {
    const machines = orchestrator.stateMachines.map((machine) => `state machine ${machine.name}, ${machine.states} states`).join('; ') || 'no state machine running';
    lines.push('', `  ${orchestrator.name}  (${machines}; synthesized in ${seconds(orchestrator.startMs)})`);
    for (const subscription of orchestrator.subscriptions) {
      const missing = orchestrator.missingFunctions.includes(subscription.functionName) ? '  (no handler yet)' : '';
      lines.push(`    on ${subscription.eventTypes.join(', ')} → ${subscription.functionName}${missing}`);
    }
  }
  const storage = shop.dynamodb.dataDirectory
    ? `persisted in ${shop.dynamodb.dataDirectory}`
    : 'in memory: data is gone when you stop (npm start -- --persist keeps it)';
  lines.push(
    '',
    `  DynamoDB   ${shop.dynamodb.endpoint}  (${storage}; reachable from ${shop.dynamodb.reachability.reachableFrom})`,
    `  AWS APIs   ${shop.controlPlane.endpoint}  (EventBridge, Lambda, SSM, Secrets Manager, SES, SNS, Step Functions)`,
  );
  if (shop.seedLines.length > 0) {
    lines.push('', '  Seed data');
    for (const seed of shop.seedLines) for (const line of seed.lines) lines.push(`    ${seed.service}: ${line}`);
  }
  const warnings = [...shop.warnings];
  if ('reason' in shop.dynamodb.reachability) {
    warnings.push(
      `DynamoDB Local listens on every network interface with no authentication (${shop.dynamodb.reachability.reason}): anyone on your network can read and change this shop's data. A Java runtime with the jdk.compiler module (any full JDK or Debian's openjdk-17-jre-headless) lets it listen on 127.0.0.1 only.`,
    );
  }
  if (warnings.length > 0) {
    lines.push('', '  Warnings');
    for (const warning of warnings) lines.push(`    ${warning}`);
  }
  lines.push(
    '',
    `  Operator   ${shop.url}/__local/events  ${shop.url}/__local/dead-letters  ${shop.url}/__local/executions  ${shop.url}/health`,
    `  Outbox     ${shop.url}/__local/outbox  (every e-mail and SMS sent: nothing leaves this machine)`,
    '',
    'Ctrl+C stops everything.',
  );
  return lines;
}
