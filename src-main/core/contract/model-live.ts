/**
 * Subscriptions per visible view (issue 15 item 5). A window tells its host what the views it shows
 * display: the metric series its charts and tables draw, the event lists it lists, the Auto Scaling
 * groups whose instance table (with each instance's current CPU) is open, the target groups whose
 * targets it lists. A group's instances and a target group's targets travel only to the windows
 * that list them; every window gets their counts. The host then pushes only
 * those, per window, and answers a subscription with the history of what was newly added, so a view
 * that appears has its data at once. A window that never subscribes gets everything (the CLI, tests,
 * older windows).
 *
 * Shared with the renderer: zod and the contract's own files only.
 */
import { z } from 'zod';
import { Count, Dimensions, MetricStat } from './model-common';

/** A window draws at most this many series at once (a detail panel has ~20; the bound is generous). */
export const MAX_SUBSCRIBED_SERIES = 2000;
/** Instance tables open at once (one per visible group detail). */
export const MAX_SUBSCRIBED_GROUPS = 100;

/** The event lists a source pushes, each with its own store in the window. */
export const LIVE_LISTS = ['scalingActivities', 'alarmHistory', 'rdsEvents', 'timeline', 'accessLog'] as const;
export const LiveList = z.enum(LIVE_LISTS);
export type LiveList = z.infer<typeof LiveList>;

/** The most entries of one list a view asks for per frame (a table of a few hundred rows at most). */
export const MAX_NEWEST_PER_FRAME = 1000;

/**
 * Per list, at most this many of the newest entries per frame (issue 15 item 5): a view that shows
 * only the latest (the Overview's recent events, the access log's tail) does not need every entry
 * of fifteen simulated minutes. What is left out is counted in the Update's `skipped`.
 */
const NewestCount = z.number().int().min(1).max(MAX_NEWEST_PER_FRAME);
export const NewestPerFrame = z
  .object(Object.fromEntries(LIVE_LISTS.map((list) => [list, NewestCount.optional()])) as Record<LiveList, z.ZodOptional<typeof NewestCount>>)
  .strict();
export type NewestPerFrame = z.infer<typeof NewestPerFrame>;

/** Per list, how many entries of an Update were left out for this window (it asked for the newest only). */
export const SkippedEntries = z
  .object(Object.fromEntries(LIVE_LISTS.map((list) => [list, Count.optional()])) as Record<LiveList, z.ZodOptional<typeof Count>>)
  .strict();
export type SkippedEntries = z.infer<typeof SkippedEntries>;

/**
 * Per list, how many entries older than those sent the host holds (a snapshot or a subscription
 * answer bounded by `newest`, a page of `live.older`): what a view can still load by scrolling back.
 */
const OlderCount = z.number().int().nonnegative();
export const OlderEntries = z
  .object(Object.fromEntries(LIVE_LISTS.map((list) => [list, OlderCount.optional()])) as Record<LiveList, z.ZodOptional<typeof OlderCount>>)
  .strict();
export type OlderEntries = z.infer<typeof OlderEntries>;

/** The most entries one page of `live.older` carries (a screenful of rows a few times over). */
export const MAX_OLDER_PAGE = 200;

/**
 * Where a page of `live.older` starts: the lists merged newest first (by time; at equal times in
 * the order of `lists`, then the later entry first), the entries at `time` or older, after the
 * first `skip` of them. The host answers with the cursor of the next page; a window starts at the
 * time of the oldest entry it shows, skip 0 (what it already holds comes again and is de-duplicated).
 */
export const OlderCursor = z
  .object({
    time: z.iso.datetime({ offset: true }),
    skip: z.number().int().nonnegative().max(100_000),
  })
  .strict();
export type OlderCursor = z.infer<typeof OlderCursor>;

/** `live.older`: the page of `lists` before `before`, at most `limit` entries in all. */
export const OlderRequest = z
  .object({
    lists: z.array(LiveList).min(1).max(LIVE_LISTS.length),
    before: OlderCursor,
    limit: z.number().int().min(1).max(MAX_OLDER_PAGE).default(100),
  })
  .strict();
export type OlderRequest = z.infer<typeof OlderRequest>;

/** One series as a chart asks for it: without a period, whichever the source publishes. */
export const MetricQuery = z
  .object({
    namespace: z.string().max(255),
    metricName: z.string().max(255),
    dimensions: Dimensions.refine((d) => Object.keys(d).length <= 30, 'at most 30 dimensions'),
    stat: MetricStat,
    period: z.number().int().positive().optional(),
  })
  .strict();
export type MetricQuery = z.infer<typeof MetricQuery>;

/**
 * Each Auto Scaling instance's current CPU (simulation), by group then instance id. Not in the
 * inventory: it moves every minute, and would make every group's record travel in every frame.
 */
export const InstanceCpu = z.record(z.string().max(255), z.record(z.string().max(64), z.number()));
export type InstanceCpu = z.infer<typeof InstanceCpu>;

/**
 * What the lists, the request path and the tiles count of an Auto Scaling group's instances
 * (issue 15 item 5): a window gets a group's instances themselves only while it shows them (its
 * instance table is open, `instanceCpu`), and these counts always. Set by the host on every group it
 * publishes (contract/member-counts.ts).
 */
export const InstanceCounts = z.object({ total: Count, inService: Count, unhealthy: Count }).strict();
export type InstanceCounts = z.infer<typeof InstanceCounts>;

/** A target group's targets by health, for the windows that do not list them (see InstanceCounts; `targetsOf`). */
export const TargetCounts = z
  .object({
    total: Count,
    healthy: Count,
    unhealthy: Count,
    /** initial, draining, unused, unavailable: neither serving nor failing. */
    other: Count,
    /** Of `other`: unavailable because health checks are off (LTG-1, Target.HealthCheckDisabled): receiving requests, checked by no one. */
    unchecked: Count,
  })
  .strict();
export type TargetCounts = z.infer<typeof TargetCounts>;

/** `live.subscribe`: replaces the window's subscriptions with these (the union over its visible views). */
export const LiveSubscription = z
  .object({
    metrics: z.array(MetricQuery).max(MAX_SUBSCRIBED_SERIES),
    lists: z.array(LiveList).max(LIVE_LISTS.length),
    /** Groups whose instance table is open: their instances (in the inventory) and each one's current CPU. */
    instanceCpu: z.array(z.string().min(1).max(255)).max(MAX_SUBSCRIBED_GROUPS),
    /**
     * Target groups (ARNs) whose target table is open: their targets. The others' instance and IP
     * targets stay out of this window's inventory (targetCounts says how many and how healthy).
     */
    targetsOf: z.array(z.string().min(1).max(2048)).max(MAX_SUBSCRIBED_GROUPS).default([]),
    /**
     * Without 'scalingActivities' in `lists`: the activities of these groups only (an open group's
     * history; an Availability Zone failure at scale sends hundreds of activities in one frame).
     */
    activitiesOf: z.array(z.string().min(1).max(255)).max(MAX_SUBSCRIBED_GROUPS).default([]),
    /**
     * Lists in `lists` that the views show only the latest of: per frame, the newest this many
     * (a list also asked for without a bound by another view comes whole). Snapshots and
     * subscription answers carry the newest this many too, with the count of the older entries the
     * host holds in `older`: a view that lets the operator scroll back asks for them page by page
     * (`live.older`). A bound raised or lifted later answers with the list again, to the new bound.
     */
    newest: NewestPerFrame.default({}),
    /** Answer with the history of what this adds (false: the window is about to load a snapshot anyway). */
    history: z.boolean().default(true),
  })
  .strict();
export type LiveSubscription = z.infer<typeof LiveSubscription>;

/** Dimension order carries no meaning in CloudWatch: the key sorts them. Period left out (queries take any). */
export function metricQueryKey(query: { namespace: string; metricName: string; stat: string; dimensions: Record<string, string> }): string {
  const dimensions = Object.keys(query.dimensions)
    .sort()
    .map((name) => `${name}=${query.dimensions[name]}`)
    .join(',');
  return `${query.namespace}|${query.metricName}|${query.stat}|${dimensions}`;
}
