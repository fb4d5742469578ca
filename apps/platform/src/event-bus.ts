import { Duration, Stack } from 'aws-cdk-lib';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';

/**
 * The bus domain events travel on (`shoplane-<stage>`). Every event published
 * in this account is archived for 30 days, so a consumer that was broken or
 * added late can be caught up with a replay.
 */
export class DomainEventBus extends Construct {
  readonly bus: EventBus;

  constructor(scope: Construct, id: string, props: { stage: string }) {
    super(scope, id);
    this.bus = new EventBus(this, 'Bus', { eventBusName: `shoplane-${props.stage}` });
    this.bus.archive('Archive', {
      archiveName: `shoplane-${props.stage}-events`,
      description: 'Every Shoplane domain event, for replay into consumers.',
      eventPattern: { account: [Stack.of(this).account] },
      retention: Duration.days(30),
    });
  }
}
