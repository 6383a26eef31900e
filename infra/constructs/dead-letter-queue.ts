import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from './nag';

/** Properties of a dead-letter queue. */
export interface DeadLetterQueueProps {
  /** What lands in the queue and from where, for the alarm that watches it and for cdk-nag. */
  readonly holds: string;
}

/**
 * A queue of events that could not be handled: SQS-managed encryption, TLS only, kept 14 days
 * (SQS's longest) to be redriven. Operations alarms on every one of them as soon as it is not empty.
 */
export class DeadLetterQueue extends Queue {
  /** What lands in the queue and from where. */
  readonly holds: string;

  constructor(scope: Construct, id: string, props: DeadLetterQueueProps) {
    super(scope, id, { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    this.holds = props.holds;
    acknowledge(
      this,
      'AwsSolutions-SQS3',
      `This queue is itself a dead-letter queue (${props.holds}); cdk-nag only recognises queues named in an SQS redrive policy or a Lambda DeadLetterConfig.`,
    );
  }
}
