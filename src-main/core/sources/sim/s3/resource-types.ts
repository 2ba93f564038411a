/**
 * AWS::S3::Bucket (aws-resource-s3-bucket.html) for its Lambda event notifications only: which object
 * events invoke which function (NotificationConfiguration.LambdaConfigurations, with an S3Key filter of
 * prefix and suffix rules). Storage, versioning, encryption, lifecycle … have no effect on the simulation
 * and are ignored quietly; queue, topic and EventBridge destinations are not simulated.
 */
import { z } from 'zod';
import type { ResourceIdentity, ResourceTypeSpec } from '../scenario/resource-spec';
import { configurationsOverlap, S3_EVENT_TYPES } from './s3-event-filter';

/** CloudFormation generates lower-case bucket names (S3 bucket naming rules allow no upper case). */
export const bucketName = (id: ResourceIdentity): string => id.name.toLowerCase();

const FilterRule = z.object({ Name: z.enum(['prefix', 'suffix', 'Prefix', 'Suffix']), Value: z.string().max(1024) }).strict();

export const LambdaConfiguration = z
  .object({
    Event: z.enum(S3_EVENT_TYPES, { message: `an S3 event type such as s3:ObjectCreated:* or s3:ObjectCreated:Put (${S3_EVENT_TYPES.length} types)` }),
    Function: z.string().min(1),
    Filter: z.object({ S3Key: z.object({ Rules: z.array(FilterRule).max(2) }).strict() }).strict().optional(),
  })
  .strict();
export type LambdaConfiguration = z.output<typeof LambdaConfiguration>;

export interface BucketNotification {
  event: string;
  functionArn: string;
  prefix?: string;
  suffix?: string;
}

/** The bucket's Lambda notifications with the filter rules read (rule names are case-insensitive in S3). */
export function lambdaNotifications(properties: Record<string, unknown>): BucketNotification[] {
  const configurations = (properties.NotificationConfiguration as { LambdaConfigurations?: LambdaConfiguration[] } | undefined)?.LambdaConfigurations ?? [];
  return configurations.map((c) => {
    const rules = c.Filter?.S3Key.Rules ?? [];
    const prefix = rules.find((r) => r.Name.toLowerCase() === 'prefix')?.Value;
    const suffix = rules.find((r) => r.Name.toLowerCase() === 'suffix')?.Value;
    return { event: c.Event, functionArn: c.Function, ...(prefix !== undefined ? { prefix } : {}), ...(suffix !== undefined ? { suffix } : {}) };
  });
}

export const S3_RESOURCE_TYPES: Record<string, ResourceTypeSpec> = {
  'AWS::S3::Bucket': {
    nameProperty: 'BucketName',
    maxNameLength: 63,
    properties: z.object({
      BucketName: z
        .string()
        .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'a bucket name is 3–63 lower-case letters, digits, dots and hyphens, beginning and ending with a letter or digit')
        .optional(),
      NotificationConfiguration: z
        .object({
          LambdaConfigurations: z.array(LambdaConfiguration).max(100).optional(),
          QueueConfigurations: z.array(z.unknown()).optional(),
          TopicConfigurations: z.array(z.unknown()).optional(),
          EventBridgeConfiguration: z.unknown().optional(),
        })
        .strict()
        .optional(),
    }),
    ignored: [
      'AccelerateConfiguration',
      'AccessControl',
      'AnalyticsConfigurations',
      'BucketEncryption',
      'CorsConfiguration',
      'IntelligentTieringConfigurations',
      'InventoryConfigurations',
      'LifecycleConfiguration',
      'LoggingConfiguration',
      'MetadataTableConfiguration',
      'MetricsConfigurations',
      'ObjectLockConfiguration',
      'ObjectLockEnabled',
      'OwnershipControls',
      'PublicAccessBlockConfiguration',
      'ReplicationConfiguration',
      'Tags',
      'VersioningConfiguration',
      'WebsiteConfiguration',
    ],
    check(properties, report) {
      // S3EV-2: "The same type of filter rule cannot be used more than once. For example, you cannot
      // specify two prefix rules." (aws-properties-s3-bucket-s3keyfilter.html) — S3 refuses it; without
      // this check the second rule would be silently ignored.
      const configurations = (properties.NotificationConfiguration as { LambdaConfigurations?: LambdaConfiguration[] } | undefined)?.LambdaConfigurations ?? [];
      configurations.forEach((configuration, index) => {
        for (const kind of ['prefix', 'suffix']) {
          const rules = (configuration.Filter?.S3Key.Rules ?? []).filter((rule) => rule.Name.toLowerCase() === kind);
          if (rules.length > 1) {
            const values = rules.map((r) => JSON.stringify(r.Value));
            report(`NotificationConfiguration.LambdaConfigurations.${index}.Filter.S3Key.Rules`, `InvalidArgument: Cannot specify more than one ${kind} rule in a filter (${values.join(' and ')})`, {
              code: 's3.filterRuleRepeated',
              params: { kind, values: values.join(', ') },
            });
          }
        }
      });
      // S3EV-3: PutBucketNotificationConfiguration refuses two configurations whose event types and key
      // filters overlap ("Configuration is ambiguously defined", notification-how-to-filtering.html).
      const notifications = lambdaNotifications(properties);
      for (let i = 0; i < notifications.length; i++) {
        for (let j = i + 1; j < notifications.length; j++) {
          if (configurationsOverlap(notifications[i]!, notifications[j]!)) {
            report('NotificationConfiguration', `InvalidArgument: Configuration is ambiguously defined. Cannot have overlapping suffixes in two rules if the prefixes are overlapping for the same event type (LambdaConfigurations ${i + 1} and ${j + 1})`, {
              code: 's3.notificationsOverlap',
              params: { first: i + 1, second: j + 1 },
            });
          }
        }
      }
    },
    ref: bucketName,
    attributes: {
      Arn: (id) => `arn:aws:s3:::${bucketName(id)}`,
      DomainName: (id) => `${bucketName(id)}.s3.amazonaws.com`,
      RegionalDomainName: (id) => `${bucketName(id)}.s3.${id.region}.amazonaws.com`,
      DualStackDomainName: (id) => `${bucketName(id)}.s3.dualstack.${id.region}.amazonaws.com`,
      WebsiteURL: (id) => `http://${bucketName(id)}.s3-website-${id.region}.amazonaws.com`,
    },
  },
};
