/**
 * The inventory (everything a view needs to draw the current shape of the system) and the delta
 * that carries its changes after the first snapshot (issue 15: a full inventory in every frame was
 * 443 KB at scale-1000). Shared with the renderer: zod and the contract's own files only.
 */
import { z } from 'zod';
import { listDeltaSchema } from './keyed-list-delta';
import { Listener, ListenerRule, LoadBalancer, LoadBalancerAttribute, TargetGroup, TargetHealthDescription } from './model-alb';
import { AsgInstance, AutoScalingGroup, ScalingPolicySummary, ScheduledAction } from './model-asg';
import { MetricAlarm } from './model-cloudwatch';
import { LambdaAccount, LambdaFunction } from './model-lambda';
import { DbInstance, DbSnapshot } from './model-rds';
import { HealthCheck, HostedZone, ResourceRecordSet } from './model-route53';
import { WafRule, WebAcl } from './model-waf';

/** Everything a view needs to draw the current shape of the system (no time series). */
export const Inventory = z.object({
  loadBalancers: z.array(LoadBalancer),
  targetGroups: z.array(TargetGroup),
  autoScalingGroups: z.array(AutoScalingGroup),
  alarms: z.array(MetricAlarm).default([]),
  hostedZones: z.array(HostedZone).default([]),
  recordSets: z.array(ResourceRecordSet).default([]),
  healthChecks: z.array(HealthCheck).default([]),
  dbInstances: z.array(DbInstance).default([]),
  /** DB snapshots, automated and manual (DescribeDBSnapshots). */
  dbSnapshots: z.array(DbSnapshot).default([]),
  lambdaFunctions: z.array(LambdaFunction).default([]),
  lambdaAccount: LambdaAccount.optional(),
  /** AWS WAF web ACLs associated with the load balancers (GetWebACLForResource). */
  webAcls: z.array(WebAcl).default([]),
});
export type Inventory = z.infer<typeof Inventory>;

/** The inventory's lists of resources (every key but the singleton lambdaAccount). */
export type InventoryCollection = Exclude<keyof Inventory, 'lambdaAccount'>;

/**
 * One collection's change (keyed-list-delta.ts): resources added (whole, by key), resources changed
 * in place as field-level patches (their keyed lists as changes of their members), keys removed,
 * and the key order when it is not what applying in place gives. With `replace` the collection is
 * exactly `upserted` (a list whose keys are not unique cannot be keyed). The keyed lists named here
 * are those of RESOURCE_SHAPES (inventory-delta.ts).
 */
const collectionDelta = listDeltaSchema;

/**
 * What changed in the inventory between two versions. `from` is the version it applies to and `to`
 * the one it makes (versions count up from a snapshot's `inventoryVersion`); a client holding any
 * other version than `from` has missed a change and reloads the snapshot. `lambdaAccount: null`
 * means the account settings are no longer known.
 */
export const InventoryDelta = z
  .object({
    from: z.number().int().nonnegative(),
    to: z.number().int().positive(),
    loadBalancers: collectionDelta(LoadBalancer, { listeners: { record: Listener, lists: { rules: { record: ListenerRule } } }, attributes: { record: LoadBalancerAttribute } }).optional(),
    targetGroups: collectionDelta(TargetGroup, { targets: { record: TargetHealthDescription } }).optional(),
    autoScalingGroups: collectionDelta(AutoScalingGroup, { instances: { record: AsgInstance }, policies: { record: ScalingPolicySummary }, scheduledActions: { record: ScheduledAction } }).optional(),
    alarms: collectionDelta(MetricAlarm).optional(),
    hostedZones: collectionDelta(HostedZone).optional(),
    recordSets: collectionDelta(ResourceRecordSet).optional(),
    healthChecks: collectionDelta(HealthCheck).optional(),
    dbInstances: collectionDelta(DbInstance).optional(),
    dbSnapshots: collectionDelta(DbSnapshot).optional(),
    lambdaFunctions: collectionDelta(LambdaFunction).optional(),
    lambdaAccount: LambdaAccount.nullable().optional(),
    webAcls: collectionDelta(WebAcl, { rules: { record: WafRule } }).optional(),
  })
  .strict();
export type InventoryDelta = z.infer<typeof InventoryDelta>;
export type CollectionDelta<C extends InventoryCollection> = NonNullable<InventoryDelta[C]>;
