/**
 * S3 buckets as event sources for Lambda. The simulator stores no objects: a PUT to a bucket is an
 * `s3:ObjectCreated:Put` event, matched against the bucket's Lambda notification configurations
 * (s3-event-filter.ts), and each match invokes its function asynchronously — "Amazon S3 invokes your
 * function asynchronously with an event that contains details about the object"
 * (docs.aws.amazon.com/lambda/latest/dg/with-s3.html). From there Lambda's event queue applies
 * (LAM-3: throttled events wait and retry, function errors are retried twice, events past their
 * maximum age are dropped), and the function's AWS/Lambda metrics tell the outcome (S3EV-4).
 *
 * S3's own request metrics (AWS/S3 PutRequests …, an opt-in metrics configuration) are not simulated.
 */
import type { LoadedResource } from '../scenario/loaded-resource';
import type { ObjectEventSource } from '../service-module';
import type { SimContext } from '../sim-context';
import { apportion } from '../traffic/traffic-service';
import { bucketName, lambdaNotifications, type BucketNotification } from './resource-types';
import { eventTypeMatches, keyFor, keyMatches } from './s3-event-filter';

export type BucketContext = Pick<SimContext, 'services' | 'recordTimeline'>;

export interface ObjectKeyShare {
  /** A key or a key pattern (`uploads/*.jpg`). */
  key: string;
  share: number;
}

export class BucketService implements ObjectEventSource {
  readonly id = 's3';
  private readonly buckets = new Map<string, BucketNotification[]>();
  private readonly unknownReported = new Set<string>();

  constructor(
    private readonly ctx: BucketContext,
    resources: readonly LoadedResource[],
  ) {
    for (const resource of resources) {
      if (resource.type !== 'AWS::S3::Bucket') continue;
      this.buckets.set(bucketName(resource.identity), lambdaNotifications(resource.properties));
    }
  }

  hasBucket(name: string): boolean {
    return this.buckets.has(name.toLowerCase());
  }

  /**
   * `puts` PutObject requests to `bucket` this tick, spread over `keys` by share. Returns the events
   * sent to each function (for tests and views): function ARN → events.
   */
  putObjects(bucket: string, puts: number, keys: readonly ObjectKeyShare[], tickSeconds: number): Map<string, number> {
    const sent = new Map<string, number>();
    const notifications = this.buckets.get(bucket.toLowerCase());
    if (!notifications || puts <= 0) return sent;
    const perKey = apportion(puts, keys.map((k) => k.share));
    for (const notification of notifications) {
      if (!eventTypeMatches(notification.event, 's3:ObjectCreated:Put')) continue;
      let events = 0;
      keys.forEach((k, i) => {
        if (keyMatches(notification, keyFor(k.key))) events += perKey[i]!;
      });
      if (events === 0) continue;
      sent.set(notification.functionArn, (sent.get(notification.functionArn) ?? 0) + events);
    }
    const functions = this.ctx.services.functions;
    for (const [functionArn, events] of sent) {
      if (!functions) {
        this.reportUnknown(functionArn);
        continue;
      }
      functions.invoke(functionArn, events, tickSeconds, 'async');
    }
    return sent;
  }

  private reportUnknown(ref: string): void {
    if (this.unknownReported.has(ref)) return;
    this.unknownReported.add(ref);
    this.ctx.recordTimeline({ service: 'lambda', kind: 'FunctionNotFound', resource: ref, message: `S3 event notification: ResourceNotFoundException: Function not found: ${ref}`, text: { code: 'lambda.notificationFunctionNotFound', params: { function: ref } }, severity: 'error' });
  }
}
