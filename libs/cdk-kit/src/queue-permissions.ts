import { json, withPrefix, type FunctionUnderCheck, type StackFacts } from './permission-facts.js';
import { actionsOf, referencesIn, resourcesOfStatement } from './testing.js';

/** `<service>.<name>` of another service's queue whose ARN parameter a template parameter reads. */
function queueOf(facts: StackFacts, logicalId: string): string | undefined {
  const match = /^\/shoplane\/[^/]+\/([^/]+)\/([^/]+)-queue-arn$/.exec(facts.ssm.get(logicalId) ?? '');
  return match?.[1] && match[2] ? `${match[1]}.${match[2]}` : undefined;
}

/** Queue statements toward other services' queues: those that name a `-queue-arn` parameter. */
export const sendingStatements = (fn: FunctionUnderCheck, facts: StackFacts) =>
  withPrefix(fn.statements, 'sqs:').filter((statement) => referencesIn(statement.Resource).some((reference) => queueOf(facts, reference)));

/**
 * Queue permissions against `sendsTo` and what runs the function: sqs:SendMessage, and
 * nothing else, on exactly the other services' queues it declares (their `-queue-arn`
 * parameters), and its own queues only when a subscription, queue or stream runs it.
 */
export function queueMismatches(fn: FunctionUnderCheck, facts: StackFacts): string[] {
  const found: string[] = [];
  const sending = sendingStatements(fn, facts);
  const sent = new Set<string>();
  for (const statement of sending) {
    if (json(actionsOf(statement)) !== '["sqs:SendMessage"]') found.push(`may ${actionsOf(statement).join(', ')} on another service's queue; only sqs:SendMessage is ever granted`);
    for (const resource of resourcesOfStatement(statement)) {
      const queues = referencesIn(resource).flatMap((reference) => queueOf(facts, reference) ?? []);
      if (queues.length !== 1) found.push(`may send to ${json(resource)}, which is no declared queue`);
      for (const queue of queues) sent.add(queue);
    }
  }
  const declared = fn.granted.sendsTo ?? [];
  for (const queue of sent) if (!declared.includes(queue)) found.push(`may send to ${queue} but does not declare it`);
  for (const queue of declared) if (!sent.has(queue)) found.push(`declares it sends to ${queue} but may not`);
  // Its own queues come with what runs the function: a subscription's or queue's inbox, the stream's failure queue.
  if (fn.kinds.has('subscription') || fn.kinds.has('queue') || fn.kinds.has('stream')) {
    for (const statement of withPrefix(fn.statements, 'sqs:').filter((statement) => !sending.includes(statement))) {
      for (const resource of resourcesOfStatement(statement)) {
        const targets = referencesIn(resource);
        if (targets.length === 0 || !targets.every((target) => facts.ownQueues.has(target))) found.push(`may ${actionsOf(statement).join(', ')} on ${json(resource)}, which is none of its own queues`);
      }
    }
  }
  return found;
}
