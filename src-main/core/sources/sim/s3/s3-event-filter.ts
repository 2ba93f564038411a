/**
 * S3 event notification matching (docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html,
 * …/notification-how-to-filtering.html):
 * - S3EV-1 An event type names one API (`s3:ObjectCreated:Put`) or, with `*`, every API of its kind
 *   (`s3:ObjectCreated:*`): a PUT matches both, a POST or a copy only the wildcard.
 * - S3EV-2 A key filter has at most one prefix and one suffix rule; an object matches when its key begins
 *   with the prefix and ends with the suffix. No filter matches every key.
 * - S3EV-3 Two configurations of one bucket may not overlap: same (or wildcard-covered) event type, and
 *   prefixes and suffixes that could both match one key; S3 refuses the configuration.
 */

export const S3_EVENT_TYPES = [
  's3:ObjectCreated:*',
  's3:ObjectCreated:Put',
  's3:ObjectCreated:Post',
  's3:ObjectCreated:Copy',
  's3:ObjectCreated:CompleteMultipartUpload',
  's3:ObjectRemoved:*',
  's3:ObjectRemoved:Delete',
  's3:ObjectRemoved:DeleteMarkerCreated',
  's3:ObjectRestore:*',
  's3:ObjectRestore:Post',
  's3:ObjectRestore:Completed',
  's3:ObjectRestore:Delete',
  's3:ReducedRedundancyLostObject',
  's3:Replication:*',
  's3:Replication:OperationFailedReplication',
  's3:Replication:OperationMissedThreshold',
  's3:Replication:OperationReplicatedAfterThreshold',
  's3:Replication:OperationNotTracked',
  's3:LifecycleExpiration:*',
  's3:LifecycleExpiration:Delete',
  's3:LifecycleExpiration:DeleteMarkerCreated',
  's3:LifecycleTransition',
  's3:IntelligentTiering',
  's3:ObjectTagging:*',
  's3:ObjectTagging:Put',
  's3:ObjectTagging:Delete',
  's3:ObjectAcl:Put',
] as const;

/** S3EV-1: whether the configured event type covers an event of type `event` (e.g. `s3:ObjectCreated:Put`). */
export function eventTypeMatches(configured: string, event: string): boolean {
  if (configured === event) return true;
  if (!configured.endsWith(':*')) return false;
  return event.startsWith(configured.slice(0, -1));
}

/** S3EV-2: the key filter. */
export function keyMatches(filter: { prefix?: string; suffix?: string }, key: string): boolean {
  return key.startsWith(filter.prefix ?? '') && key.endsWith(filter.suffix ?? '');
}

/** Whether two event types can name the same event (one equals or covers the other). */
function eventTypesOverlap(a: string, b: string): boolean {
  return eventTypeMatches(a, b) || eventTypeMatches(b, a) || (a.endsWith(':*') && b.endsWith(':*') && (a.startsWith(b.slice(0, -1)) || b.startsWith(a.slice(0, -1))));
}

/** S3EV-3 */
export function configurationsOverlap(a: { event: string; prefix?: string; suffix?: string }, b: { event: string; prefix?: string; suffix?: string }): boolean {
  if (!eventTypesOverlap(a.event, b.event)) return false;
  const pa = a.prefix ?? '';
  const pb = b.prefix ?? '';
  const sa = a.suffix ?? '';
  const sb = b.suffix ?? '';
  const prefixesOverlap = pa.startsWith(pb) || pb.startsWith(pa);
  const suffixesOverlap = sa.endsWith(sb) || sb.endsWith(sa);
  return prefixesOverlap && suffixesOverlap;
}

/** A concrete key for a Traffic key pattern: `*` stands for a generated part (`object-1`). */
export function keyFor(pattern: string): string {
  return pattern.replace(/\*/g, 'object-1');
}
