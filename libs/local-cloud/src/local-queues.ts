import { functionName, queueKey, queueParameterName, type ServiceManifest } from '@shoplane/manifest';
import { localAccountId, localStage } from './aws-identity.js';
import { localRegion } from './dynamodb-local.js';

/** A manifest queue as the local runtime runs it: a queue of the local bus, addressed by URL on the control plane. */
export interface LocalQueue {
  service: string;
  name: string;
  /** `<service>.<name>`, what senders declare in `sendsTo`. */
  key: string;
  /** `shoplane-local-<service>-<name>` */
  queueName: string;
  /** Where SendMessage goes: the control plane's origin, so the SDK sends it there (it takes the host from QueueUrl). */
  url: string;
  arn: string;
  functionName: string;
  eventTypes: string[];
}

export function localQueueName(service: string, name: string): string {
  return `shoplane-${localStage}-${service}-${name}`;
}

/** One queue on this control plane: `<service>.<name>`, drained by `consumer`. */
export function localQueue(queue: { service: string; name: string }, consumer: string, controlPlaneEndpoint: string, eventTypes: string[] = []): LocalQueue {
  const queueName = localQueueName(queue.service, queue.name);
  return {
    service: queue.service,
    name: queue.name,
    key: queueKey(queue),
    queueName,
    url: `${controlPlaneEndpoint}/${localAccountId}/${queueName}`,
    arn: `arn:aws:sqs:${localRegion}:${localAccountId}:${queueName}`,
    functionName: consumer,
    eventTypes,
  };
}

/** Every queue the manifests declare, with its URL on this control plane. */
export function localQueues(services: ServiceManifest[], controlPlaneEndpoint: string): LocalQueue[] {
  return services.flatMap((service) =>
    (service.queues ?? []).map((queue) =>
      localQueue({ service: service.name, name: queue.name }, functionName(localStage, service.name, queue.handler), controlPlaneEndpoint, queue.eventTypes),
    ),
  );
}

/** The SSM parameters the owner's stack publishes in AWS: the URL for senders' code, the ARN for their grants. */
export function queueParameters(queues: readonly LocalQueue[]): [string, string][] {
  return queues.flatMap((queue) => [
    [queueParameterName(localStage, queue, 'url'), queue.url],
    [queueParameterName(localStage, queue, 'arn'), queue.arn],
  ]);
}

const pathOf = (url: string) => {
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
};

/** The queue a SendMessage's QueueUrl names (`localhost` or `127.0.0.1` alike: the path is what identifies it). */
export function queueAddressed(queues: readonly LocalQueue[], queueUrl: string): LocalQueue | undefined {
  const path = pathOf(queueUrl);
  return path === undefined ? undefined : queues.find((queue) => pathOf(queue.url) === path);
}
