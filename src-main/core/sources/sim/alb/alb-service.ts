/**
 * Application Load Balancers and their target groups as one simulated service: listener rules,
 * spreading requests over targets (with slow start), CloudWatch metrics in AWS/ApplicationELB and
 * sampled access-log entries; the health checks of its tick are in target-health.ts.
 * docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html
 */
import type { AccessLogEntry, Inventory } from '../../../contract/model';
import type { SimContext } from '../sim-context';
import type { FaultEffect, SimService } from '../service-module';
import type { FaultParameters } from '../scenario/timed-entries';
import type { SimListener, SimLoadBalancer, SimTarget, SimTargetGroup } from './alb-state';
import type { SimClient } from '../traffic/traffic-state';
import type { BlockedSample } from '../service-module';
import type { SimInstance } from '../asg/asg-state';
import type { RequestShape, SimForwardTarget } from './listener-rules';
import { matchRuleCached } from './rule-cache';
import { ACCESS_LOG_CAPACITY, blockedEntry, keepInRing, ringInOrder, servedEntry } from './access-log';
import { checkTargetHealth, failTargets } from './target-health';
import { seriesOwner } from './series-owner';
import { exportLoadBalancers, exportTargetGroups } from './export-alb';
import { WholeCounts } from '../cloudwatch/whole-counts';
import { idleTimeoutSeconds } from '../../../elbv2/load-balancer-attributes';
import { addCodes, emptyCodes, idleTimeout, pickOutcome, statisticSet, traceId, type GroupResult, type Latency } from './serving-outcome';
import type { MetricSeriesData, StatisticSet } from '../cloudwatch/metric-store';
import { bucketMeans, WeightedValues } from '../cloudwatch/latency-buckets';
import { BASE_LATENCY_SECONDS } from '../../../instance-model';

/**
 * A target queues what its CPUs cannot process this tick; beyond this much waiting work (seconds)
 * it rejects requests (503 from the target). Our choice: clients and the ALB rarely wait longer.
 */
export const MAX_QUEUE_SECONDS = 10;
/** Time a request spends outside the CPU (network, I/O) on an idle target (our choice; shared with the twin's calibration). */
export { BASE_LATENCY_SECONDS } from '../../../instance-model';

/** Requests of one kind arriving at one load balancer in one tick. */
export interface AlbRequests extends RequestShape {
  count: number;
  cpuSecondsPerRequest: number;
  clientLocation?: string;
  /** The population's client addresses (a web ACL's IP sets and rate-based rules read them). */
  clients?: readonly SimClient[];
  /** Called with how many of them the targets served, to spread their database / Lambda work. */
  onServed?: (served: number, latencySeconds: number) => { failed: number; extraLatencySeconds: number };
}

/**
 * What serving keeps per target group, one object per group reused from tick to tick and reached from
 * the forward actions that name the group (ForwardGroups) — no lookup per group and tick: its requests
 * in one serve() call, its routable roster and its series handles.
 */
interface TargetGroupLoad {
  group: SimTargetGroup;
  requests: number;
  cpuWeighted: number;
  classes: AlbRequests[];
  /** The serve() call it holds the requests of (AlbService.serveCount); an older one: none yet. */
  serve: number;
  roster: Roster;
  series: TargetGroupSeries;
}

/**
 * A forward action's target groups looked up by ARN once, not per request class and tick: target groups
 * are made with the scenario (build-alb.ts) and never removed, so the lookup stands while the world's
 * map is the same one with the same number of groups.
 */
interface ForwardGroups {
  map: Map<string, SimTargetGroup>;
  size: number;
  /** Per forward target, its group's load object (undefined: no such group). */
  loads: (TargetGroupLoad | undefined)[];
  totalWeight: number;
}

interface TargetGroupSeries {
  /** The load balancer `dims` were made for, and the (LoadBalancer, TargetGroup) dimensions themselves. */
  dimsOf?: SimLoadBalancer;
  dims?: { LoadBalancer: string; TargetGroup: string };
  requestCount?: MetricSeriesData;
  perTargetAlone?: MetricSeriesData;
  perTarget?: MetricSeriesData;
  responseTime?: MetricSeriesData;
  target2xx?: MetricSeriesData;
  target5xx?: MetricSeriesData;
  connectionErrors?: MetricSeriesData;
  healthy?: MetricSeriesData;
  unhealthy?: MetricSeriesData;
}

/**
 * A target group's routable targets this tick (ALB-5, as routableTargets in target-group.ts) and the
 * instance behind each, kept per group from tick to tick: the set rarely changes, so a target found at
 * the same position as last tick keeps its instance without a lookup in the world's instance map (the
 * single most expensive line at 10,000 instances). Only `length` entries are this tick's.
 */
interface Roster {
  targets: SimTarget[];
  /** Undefined: not looked up yet, or no instance (ip targets). */
  instances: (SimInstance | undefined)[];
  /**
   * Where each instance's numbers are in the world's columns, and the slot's generation when it was
   * looked up (instance-columns.ts): while the generation is unchanged it is the same instance, still in
   * the world, so serving reads its state from the columns without touching the object. -1: none.
   */
  slots: number[];
  generations: number[];
  length: number;
  /** The group's targetsVersion and target count it was filled at: unchanged, so are its routable targets. */
  version: number;
  size: number;
}

export class AlbService implements SimService {
  readonly id = 'elbv2';
  readonly accessLog: AccessLogEntry[] = [];
  private accessLogCursor = 0;
  /**
   * This tick's sampled entries, kept in the log in time order at the end of the tick's traffic
   * (keepTickSamples). Each is stamped at a random instant of the tick, and the groups are served one
   * after another: kept as sampled, one minute's entries were out of order (14:01:04 before 14:01:03),
   * and an entry that is later than the oldest one a window was sent but sits before it in the log was
   * never paged to (live.older pages by time; older-pages.ts).
   */
  private tickSamples: { at: number; entry: AccessLogEntry }[] = [];
  private roundRobin = 0;
  private assigned = new Float64Array(64);
  private shareWeights = new Float64Array(64);
  private readonly whole = new WholeCounts();

  constructor(private readonly ctx: SimContext) {}

  private get world() {
    return this.ctx.world;
  }

  /**
   * Serving fills each instance's utilisation and busy flag for the tick (the queueing model below);
   * they start afresh before the traffic arrives: one fill of the instances' columns (instance-columns.ts).
   */
  startTick(): void {
    this.world.instanceColumns.startTick();
  }

  /** The listener clients reach for a scheme (HTTPS → 443 when present), else the first. */
  private listenerFor(lb: SimLoadBalancer): SimListener | undefined {
    return lb.listeners.find((l) => l.protocol === 'HTTPS') ?? lb.listeners.find((l) => l.protocol === 'HTTP') ?? lb.listeners[0];
  }

  /** Serves one tick's requests at `lb`. `tickStart` is the metric timestamp (ms). */
  serve(lb: SimLoadBalancer, offered: AlbRequests[], tickStart: number, tickSeconds: number): void {
    const epochSeconds = tickStart / 1000;
    const lbDims = this.lbDimensions(lb);
    const metrics = this.ctx.metrics;
    // WAF-2: the associated web ACL inspects requests before the listener rules; what it blocks the load
    // balancer answers 403 itself (HTTPCode_ELB_4XX_Count), and it never reaches a target or RequestCount
    // ("requests rejected before a target is chosen are not reflected", load-balancer-cloudwatch-metrics.html).
    const screened = this.ctx.services.firewall?.screen(lb.arn, lb.dnsName, offered, tickStart);
    const batch = screened?.passed ?? offered;
    if (screened && screened.blocked > 0) {
      metrics.putFor(lb, 'AWS/ApplicationELB', 'HTTPCode_ELB_4XX_Count', lbDims, epochSeconds, screened.blocked);
      if (screened.sample && tickStart % 60_000 === 0) this.logBlocked(lb, screened.sample, tickStart);
    }
    const total = batch.reduce((sum, r) => sum + r.count, 0);
    if (total === 0) return;
    metrics.putFor(lb, 'AWS/ApplicationELB', 'RequestCount', lbDims, epochSeconds, total);

    const listener = this.listenerFor(lb);
    // This call's target groups, in the order they first received requests (the order they publish in).
    const loads = this.loads;
    loads.length = 0;
    this.serveCount++;
    let elb500 = 0;
    let elb503 = 0;
    let elb5xxOther = 0;
    let elb4xx = 0;
    let elb3xx = 0;
    let fixedResponses = 0;
    for (const requests of batch) {
      if (requests.count === 0) continue;
      const rule = listener ? matchRuleCached(listener.rules, requests) : undefined;
      const action = rule?.action;
      if (!action) {
        // No listener or no rule: the ALB itself answers 503.
        elb503 += requests.count;
        continue;
      }
      if (action.type === 'fixed-response') {
        // A fixed response is the load balancer's own answer: HTTP_Fixed_Response_Count and its ELB code.
        fixedResponses += requests.count;
        if (action.statusCode === 500) elb500 += requests.count;
        else if (action.statusCode === 503) elb503 += requests.count;
        else if (action.statusCode >= 500) elb5xxOther += requests.count;
        else if (action.statusCode >= 400) elb4xx += requests.count;
        continue;
      }
      if (action.type === 'redirect') {
        elb3xx += requests.count;
        continue;
      }
      this.splitForward(action.targetGroups, requests);
    }

    // The load balancer's response times are its target groups' together: their statistics combine and
    // their bucketed distributions merge (issue 15: no second bucketing, no spread of every component).
    const lbLatency: StatisticSet = { count: 0, sum: 0, min: Infinity, max: -Infinity };
    const lbDistribution = this.lbBuckets;
    lbDistribution.length = 0;
    const totals = emptyCodes();
    for (const load of loads) {
      const group = load.group;
      const series = load.series;
      // The dimensions matter only when a series is created; kept with the handles while the load balancer is the same.
      if (series.dimsOf !== lb) {
        series.dimsOf = lb;
        series.dims = { LoadBalancer: lb.fullName, TargetGroup: group.fullName };
      }
      const tgDims = series.dims!;
      metrics.putInto((series.requestCount ??= metrics.seriesOf(group, 'AWS/ApplicationELB', 'RequestCount', tgDims)), epochSeconds, load.requests);
      if (group.targetType !== 'lambda') {
        // RequestCountPerTarget (ASG-14, ALB-14): requests over the targets that receive them; published
        // by TargetGroup alone too, the dimension target tracking's ResourceLabel resolves to. Its Sum
        // over a period is the per-target average (load-balancer-cloudwatch-metrics.html).
        const perTarget = load.requests / Math.max(1, this.routable(load).length);
        series.perTargetAlone ??= metrics.seriesOf(seriesOwner(group, ''), 'AWS/ApplicationELB', 'RequestCountPerTarget', { TargetGroup: group.fullName });
        metrics.putInto(series.perTargetAlone, epochSeconds, perTarget);
        metrics.putInto((series.perTarget ??= metrics.seriesOf(group, 'AWS/ApplicationELB', 'RequestCountPerTarget', tgDims)), epochSeconds, perTarget);
      }
      const result = group.targetType === 'lambda' ? this.serveLambdaGroup(group, load, tickSeconds) : this.serveInstanceGroup(group, load, tickSeconds);
      idleTimeout(result, idleTimeoutSeconds(lb.attributes)); // LBA-4: too slow → ELB 504
      addCodes(totals, result.codes);
      if (result.latency.count > 0) {
        const set = statisticSet(result.latency);
        const { values: means, weights, length } = result.latency.components;
        const bucketed = this.groupBuckets;
        bucketed.length = 0;
        bucketMeans(means, weights, length, bucketed);
        series.responseTime ??= metrics.seriesOf(group, 'AWS/ApplicationELB', 'TargetResponseTime', tgDims);
        metrics.putStatisticsInto(series.responseTime, epochSeconds, set);
        metrics.putBufferInto(series.responseTime, epochSeconds, bucketed);
        lbLatency.count += result.latency.count;
        lbLatency.sum += result.latency.sum;
        lbLatency.min = Math.min(lbLatency.min, set.min);
        lbLatency.max = Math.max(lbLatency.max, set.max);
        lbDistribution.append(bucketed);
      }
      // Target codes and connection errors exist per target group too; ELB codes only per load balancer.
      const c = result.codes;
      if (c.target2xx > 0) metrics.putInto((series.target2xx ??= metrics.seriesOf(group, 'AWS/ApplicationELB', 'HTTPCode_Target_2XX_Count', tgDims)), epochSeconds, c.target2xx);
      if (c.target500 + c.target503 > 0) metrics.putInto((series.target5xx ??= metrics.seriesOf(group, 'AWS/ApplicationELB', 'HTTPCode_Target_5XX_Count', tgDims)), epochSeconds, c.target500 + c.target503);
      if (c.connectionErrors > 0) metrics.putInto((series.connectionErrors ??= metrics.seriesOf(group, 'AWS/ApplicationELB', 'TargetConnectionErrorCount', tgDims)), epochSeconds, c.connectionErrors);
      this.sampleAccessLog(lb, group, load, result, tickStart);
      // The request classes are this tick's: not held until the next one (they would outlive a scavenge).
      load.classes.length = 0;
    }
    if (lbLatency.count > 0) {
      metrics.putStatisticsFor(lb, 'AWS/ApplicationELB', 'TargetResponseTime', lbDims, epochSeconds, lbLatency);
      metrics.putBufferFor(lb, 'AWS/ApplicationELB', 'TargetResponseTime', lbDims, epochSeconds, lbDistribution);
    }
    // ALB-10/ALB-12: counts are published only when non-zero; an error the load balancer generates is an
    // ELB code (with its 500/502/503/504 split), one a target sent is a Target code.
    // (Locals and a method, not an object and a closure per call: serve() runs per load balancer and tick.)
    const elb502 = totals.elb502;
    const elb503All = elb503 + totals.elb503;
    const elb504 = totals.elb504;
    this.putCount(lb, 'HTTPCode_Target_2XX_Count', lbDims, epochSeconds, totals.target2xx);
    this.putCount(lb, 'HTTPCode_Target_5XX_Count', lbDims, epochSeconds, totals.target500 + totals.target503);
    this.putCount(lb, 'TargetConnectionErrorCount', lbDims, epochSeconds, totals.connectionErrors);
    this.putCount(lb, 'HTTPCode_ELB_5XX_Count', lbDims, epochSeconds, elb500 + elb502 + elb503All + elb504 + elb5xxOther);
    this.putCount(lb, 'HTTPCode_ELB_500_Count', lbDims, epochSeconds, elb500);
    this.putCount(lb, 'HTTPCode_ELB_502_Count', lbDims, epochSeconds, elb502);
    this.putCount(lb, 'HTTPCode_ELB_503_Count', lbDims, epochSeconds, elb503All);
    this.putCount(lb, 'HTTPCode_ELB_504_Count', lbDims, epochSeconds, elb504);
    this.putCount(lb, 'HTTPCode_ELB_4XX_Count', lbDims, epochSeconds, elb4xx);
    this.putCount(lb, 'HTTPCode_ELB_3XX_Count', lbDims, epochSeconds, elb3xx);
    this.putCount(lb, 'HTTP_Redirect_Count', lbDims, epochSeconds, elb3xx);
    this.putCount(lb, 'HTTP_Fixed_Response_Count', lbDims, epochSeconds, fixedResponses);
  }

  /** A load balancer's count metric, put only when non-zero (ALB-10). */
  private putCount(lb: SimLoadBalancer, name: string, dims: { LoadBalancer: string }, epochSeconds: number, value: number): void {
    if (value > 0) this.ctx.metrics.putFor(lb, 'AWS/ApplicationELB', name, dims, epochSeconds, value);
  }

  /** The load balancer's own dimensions, made once per load balancer rather than per tick. */
  private lbDimensions(lb: SimLoadBalancer): { LoadBalancer: string } {
    let dims = this.lbDims.get(lb);
    if (!dims || dims.LoadBalancer !== lb.fullName) this.lbDims.set(lb, (dims = { LoadBalancer: lb.fullName }));
    return dims;
  }

  private readonly lbDims = new WeakMap<SimLoadBalancer, { LoadBalancer: string }>();

  /** A forward action's target groups (see ForwardGroups), looked up again only if the world's map changed. */
  private forwardGroups(targets: readonly SimForwardTarget[]): ForwardGroups {
    const map = this.world.targetGroups;
    let resolved = this.forwards.get(targets);
    if (!resolved || resolved.map !== map || resolved.size !== map.size) {
      let totalWeight = 0;
      for (const target of targets) totalWeight += target.weight;
      const loads = targets.map((t) => {
        const group = map.get(t.targetGroupArn);
        return group ? this.loadOf(group) : undefined;
      });
      resolved = { map, size: map.size, loads, totalWeight };
      this.forwards.set(targets, resolved);
    }
    return resolved;
  }

  private readonly forwards = new WeakMap<readonly SimForwardTarget[], ForwardGroups>();
  private readonly groupLoads = new WeakMap<SimTargetGroup, TargetGroupLoad>();
  private readonly loads: TargetGroupLoad[] = [];
  private serveCount = 0;

  /**
   * The group's load object, made on first use. Its series handles start empty and are each taken from
   * MetricStore.seriesOf on first use — in the same order as before, so the store's series keep their
   * order — then held: one lookup per group instead of three per metric and tick (issue 15).
   */
  private loadOf(group: SimTargetGroup): TargetGroupLoad {
    let load = this.groupLoads.get(group);
    if (!load) {
      const roster: Roster = { targets: [], instances: [], slots: [], generations: [], length: 0, version: -1, size: -1 };
      this.groupLoads.set(group, (load = { group, requests: 0, cpuWeighted: 0, classes: [], serve: -1, roster, series: {} }));
    }
    return load;
  }

  /** The load for this serve() call: emptied and listed on its first request class. */
  private startLoad(load: TargetGroupLoad): void {
    if (load.serve !== this.serveCount) {
      load.serve = this.serveCount;
      load.requests = 0;
      load.cpuWeighted = 0;
      load.classes.length = 0;
      this.loads.push(load);
    }
  }

  /** Weighted forward: split the requests over the target groups by weight, remainder to the first. */
  private splitForward(targets: readonly SimForwardTarget[], requests: AlbRequests): void {
    const { loads, totalWeight } = this.forwardGroups(targets);
    let remaining = requests.count;
    for (let index = 0; index < targets.length; index++) {
      const target = targets[index]!;
      const load = loads[index];
      if (!load) continue;
      const count = index === targets.length - 1 ? remaining : totalWeight > 0 ? Math.floor((requests.count * target.weight) / totalWeight) : 0;
      remaining -= count;
      if (count === 0) continue;
      this.startLoad(load);
      load.requests += count;
      load.cpuWeighted += count * requests.cpuSecondsPerRequest;
      // All of them (a forward to one group): the class as it came, read only from here on, not a copy.
      load.classes.push(count === requests.count ? requests : { ...requests, count });
    }
  }

  /** Slow start (ALB-8): a new target's share ramps linearly from 0 to 1 over the slow-start period. */
  private shareWeight(group: SimTargetGroup, target: SimTarget): number {
    if (group.slowStartSeconds <= 0 || target.healthySince === undefined) return 1;
    const elapsed = (this.ctx.now - target.healthySince) / 1000;
    return Math.min(1, Math.max(0.01, elapsed / group.slowStartSeconds));
  }

  /** Fills the group's roster with this tick's routable targets (see Roster); call once per group per tick. */
  private routable(load: TargetGroupLoad): Roster {
    const { group, roster } = load;
    // No target joined, left or changed state since the last fill: the same targets, in the same order.
    const version = group.targetsVersion ?? 0;
    if (roster.version === version && roster.size === group.targets.size) return roster;
    roster.version = version;
    roster.size = group.targets.size;
    let n = 0;
    // Healthy targets (LTG-1: and unavailable ones, health checks off: they get requests too); ALB-5,
    // fail-open: no healthy target → every registered, non-draining one (healthy or unhealthy).
    for (let pass = 0; pass < 2 && n === 0; pass++) {
      const wanted = pass === 0 ? 'healthy' : 'unhealthy';
      for (const target of group.targets.values()) {
        if (target.state !== wanted && (pass !== 0 || target.state !== 'unavailable')) continue;
        if (roster.targets[n] !== target) {
          roster.targets[n] = target;
          roster.instances[n] = undefined;
          roster.slots[n] = -1;
          roster.generations[n] = -1;
        }
        n++;
      }
    }
    roster.length = n;
    return roster;
  }

  /** Instances serving left queued work (see tick): only alb-service writes `backlog`. */
  private readonly backlogged = new Set<SimInstance>();

  private readonly components = new WeightedValues();
  /** One target group's response-time buckets, and the load balancer's (its groups' together), reused per tick. */
  private readonly groupBuckets = new WeightedValues(256);
  private readonly lbBuckets = new WeightedValues(256);

  /**
   * Each routable target's whole share of the group's requests by its slow-start weight (ALB-8), the
   * remainder one more each from `offset` on, wrapping. Each target's weight is worked out once: the
   * same values summed in the same order.
   */
  private assignShares(group: SimTargetGroup, load: TargetGroupLoad, offset: number): Float64Array {
    const { targets, length: n } = load.roster;
    if (this.assigned.length < n) {
      this.assigned = new Float64Array(Math.max(n, this.assigned.length * 2));
      this.shareWeights = new Float64Array(this.assigned.length);
    }
    const assigned = this.assigned;
    const weights = this.shareWeights;
    let leftover = load.requests;
    let weightSum = 0;
    for (let i = 0; i < n; i++) weightSum += weights[i] = this.shareWeight(group, targets[i]!);
    for (let i = 0; i < n; i++) {
      const share = Math.floor((load.requests * weights[i]!) / weightSum);
      assigned[i] = share;
      leftover -= share;
    }
    for (let at = offset; leftover > 0; leftover--) {
      assigned[at]!++;
      if (++at === n) at = 0;
    }
    return assigned;
  }

  private serveInstanceGroup(group: SimTargetGroup, load: TargetGroupLoad, tickSeconds: number): GroupResult {
    const components = this.components;
    components.length = 0;
    const latency: Latency = { count: 0, sum: 0, components, fastestMean: Infinity, slowestMean: -Infinity };
    const codes = emptyCodes();
    // serve() filled the roster for RequestCountPerTarget this tick; nothing changes target states in between.
    const roster = load.roster;
    const n = roster.length;
    const targets = roster.targets;
    // 503: no registered target can take the request (load-balancer-troubleshooting, HTTP 503).
    if (n === 0) return { codes: { ...codes, elb503: load.requests }, latency };
    const cpuPerRequest = load.cpuWeighted / load.requests;
    // Split by slow-start weights, integer counts with the remainder rotated over targets from `offset`.
    const offset = this.roundRobin++ % n;
    // No slow start: every weight is 1 and their sum n, so every target gets the same share and the
    // remainder one more each from `offset` on, wrapping (the arithmetic of assignShares with weights 1):
    // worked out per target in the loop below, with no array to fill and no modulo per remainder.
    const share = Math.floor((load.requests * 1) / n);
    const extra = load.requests - share * n;
    const uniform = group.slowStartSeconds <= 0 && extra < n;
    const assigned = uniform ? this.assigned : this.assignShares(group, load, offset);

    const instances = this.world.instances;
    const failedZones = this.world.failedAvailabilityZones;
    // An instance in service is in the world: its numbers are in the world's columns (instance-columns.ts),
    // its zone too (whether it is down: one flag per zone, worked out here once per group).
    const columns = this.world.instanceColumns;
    const zoneDown = failedZones.size > 0 ? columns.zonesDown(failedZones.keys()) : undefined;
    const { backlog: backlogs, utilisation: utilisations, busy, inService, vcpus: vcpusOf, generation, zone } = columns;
    const { slots, generations } = roster;
    let served = 0;
    for (let index = 0; index < n; index++) {
      let count: number;
      if (uniform) {
        const fromOffset = index >= offset ? index - offset : index - offset + n;
        count = fromOffset < extra ? share + 1 : share;
      } else count = assigned[index]!;
      if (count === 0) continue;
      // An instance in service is the one the world's map holds under its id (it leaves the map only
      // once terminated, and never returns to service), so a kept one still in its slot and in service
      // needs no lookup — nor a touch of its object unless a zone is down.
      let slot = slots[index]!;
      if (slot < 0 || generation[slot] !== generations[index] || inService[slot] !== 1) {
        const target = targets[index]!;
        // The health checks keep the target's slot too (target-health.ts): while its generation is
        // unchanged it is the instance the lookup by id would find, so the lookup is needed only when
        // both are stale (a roster refilled after a change moves targets to new positions).
        const kept = target.instanceSlot ?? -1;
        if (kept >= 0 && generation[kept] === target.instanceGeneration) {
          if (kept !== slot) roster.instances[index] = undefined; // the object is looked up if needed (backlog below)
          slot = slots[index] = kept;
          generations[index] = generation[kept]!;
        } else {
          const instance = (roster.instances[index] = instances.get(target.id));
          slot = slots[index] = instance ? instance.slot : -1;
          generations[index] = instance ? generation[slot]! : -1;
        }
      }
      if (slot < 0 || inService[slot] !== 1 || (zoneDown !== undefined && zoneDown[zone[slot]!] === 1)) {
        // ALB-12: the connection fails and the load balancer answers itself: an unreachable zone is a
        // connection timeout (504), a stopped or terminated instance resets the connection (502).
        // Both are TargetConnectionErrorCount, never HTTPCode_Target_5XX (load-balancer-troubleshooting).
        // No instance (slot -1): 502; else its zone, from the zone column, says whether it is down.
        codes.connectionErrors += count;
        if (slot >= 0 && zoneDown !== undefined && zoneDown[zone[slot]!] === 1) codes.elb504 += count;
        else codes.elb502 += count;
        continue;
      }
      // Queueing (ALB-11): work beyond what the vCPUs process this tick waits in a backlog; past
      // MAX_QUEUE_SECONDS of waiting work, the target rejects requests.
      const vcpus = vcpusOf[slot]!;
      const capacity = vcpus * tickSeconds;
      const queued = backlogs[slot]! + count * cpuPerRequest;
      const processed = Math.min(queued, capacity);
      let backlog = queued - processed;
      let rejected = 0;
      const maxBacklog = MAX_QUEUE_SECONDS * vcpus;
      if (backlog > maxBacklog) {
        rejected = Math.min(count, Math.ceil((backlog - maxBacklog) / cpuPerRequest));
        backlog = Math.max(0, backlog - rejected * cpuPerRequest);
      }
      backlogs[slot] = backlog;
      if (backlog > 0) this.backlogged.add((roster.instances[index] ??= instances.get(targets[index]!.id)!));
      busy[slot] = 1;
      const utilisation = (utilisations[slot] = Math.max(utilisations[slot]!, queued / capacity));
      const ok = count - rejected;
      served += ok;
      codes.target503 += rejected; // the overloaded target itself answers 503
      if (ok > 0) {
        // Mean response time: M/M/1-style service time growth, plus the wait for the queued work ahead.
        const seconds = (BASE_LATENCY_SECONDS + cpuPerRequest) / (1 - Math.min(0.95, utilisation)) + backlog / vcpus;
        latency.count += ok;
        latency.sum += seconds * ok;
        components.push(seconds, ok);
        latency.fastestMean = Math.min(latency.fastestMean, seconds);
        latency.slowestMean = Math.max(latency.slowestMean, seconds);
      }
    }
    // Downstream work (database, Lambda) for what the targets served, class by class.
    if (served > 0) {
      const fraction = served / load.requests;
      const meanLatency = latency.sum / latency.count;
      let downstreamFailed = 0;
      let extraLatency = 0;
      for (const requests of load.classes) {
        if (!requests.onServed) continue;
        const share = Math.round(requests.count * fraction);
        const outcome = requests.onServed(share, meanLatency);
        downstreamFailed += outcome.failed;
        extraLatency += outcome.extraLatencySeconds * share;
      }
      if (downstreamFailed > 0) {
        // Requests whose database or Lambda call failed end as target 5xx, not as served responses.
        const failed = Math.min(this.whole.take(`${group.arn}|downstream`, downstreamFailed), served);
        const keep = (served - failed) / served;
        served -= failed;
        codes.target500 += failed; // the application on the target answers 500
        for (let i = 0; i < components.length; i++) components.weights[i] = components.weights[i]! * keep;
        latency.count = served;
        latency.sum *= keep;
      }
      if (extraLatency > 0) {
        latency.sum += extraLatency;
        const added = extraLatency / latency.count;
        for (let i = 0; i < components.length; i++) components.values[i] = components.values[i]! + added;
        // A sum rounds monotonically: the fastest and slowest shifted are the shifted fastest and slowest.
        latency.fastestMean = latency.fastestMean + added;
        latency.slowestMean = latency.slowestMean + added;
      }
    }
    codes.target2xx = served;
    return { codes, latency };
  }

  /** A lambda target group: the ALB invokes the function synchronously, one invocation per request. */
  private serveLambdaGroup(group: SimTargetGroup, load: TargetGroupLoad, tickSeconds: number): GroupResult {
    const components = this.components;
    components.length = 0;
    const latency: Latency = { count: 0, sum: 0, components, fastestMean: Infinity, slowestMean: -Infinity };
    const codes = emptyCodes();
    const functions = this.ctx.services.functions;
    const target = [...group.targets.values()][0];
    if (!functions || !target) return { codes: { ...codes, elb503: load.requests }, latency };
    const outcome = functions.invoke(target.id, load.requests, tickSeconds, 'sync');
    // ALB-12: a Lambda target that returned an error, timed out or was throttled is a 502 the load
    // balancer generates (load-balancer-troubleshooting, HTTP 502): HTTPCode_ELB_502_Count, not Target_5XX.
    // Counts are whole per period (CW-5): the expected values carry their fractions forward.
    const failed = Math.min(load.requests, this.whole.take(`${group.arn}|lambda-failed`, outcome.errors + outcome.throttled));
    const succeeded = load.requests - failed;
    codes.elb502 = failed;
    codes.target2xx = succeeded;
    const seconds = outcome.averageDurationMs / 1000 + BASE_LATENCY_SECONDS;
    if (succeeded > 0) {
      latency.count = succeeded;
      latency.sum = seconds * succeeded;
      components.push(seconds, succeeded);
      latency.fastestMean = latency.slowestMean = seconds;
    }
    return { codes, latency };
  }

  /** ALB-9: one sampled request per target group per minute, with an X-Amzn-Trace-Id. */
  private sampleAccessLog(lb: SimLoadBalancer, group: SimTargetGroup, load: TargetGroupLoad, result: GroupResult, tickStart: number): void {
    if (tickStart % 60_000 !== 0) return;
    const random = this.ctx.random('access-log');
    const requests = load.classes[random.int(load.classes.length)];
    if (!requests) return;
    // ALB-12: the sampled request's outcome is drawn from the same counts the metrics publish, so the
    // log and HTTPCode_ELB_* / HTTPCode_Target_* agree (an ELB-generated error has no target status).
    const outcome = pickOutcome(result.codes, random.next());
    let target: string | undefined;
    let skip = random.int(Math.max(1, group.targets.size));
    for (const id of group.targets.keys()) {
      if (skip-- === 0) {
        target = id;
        break;
      }
    }
    const at = tickStart + random.int(this.ctx.settings.tickSeconds * 1000);
    const seconds = result.latency.count > 0 ? result.latency.sum / result.latency.count : 0;
    const sample = { method: requests.method, host: requests.host, path: requests.path, clientLocation: requests.clientLocation, targetGroupName: group.name, target, outcome, seconds };
    this.tickSamples.push({ at, entry: servedEntry(lb, this.listenerFor(lb), sample, at, traceId(at, random.hex(24))) });
  }

  /** WAF-8: a request the web ACL blocked, as the access log has it (access-log.ts). */
  private logBlocked(lb: SimLoadBalancer, sample: BlockedSample, tickStart: number): void {
    const random = this.ctx.random('access-log-waf');
    const at = tickStart + random.int(this.ctx.settings.tickSeconds * 1000);
    this.tickSamples.push({ at, entry: blockedEntry(lb, this.listenerFor(lb), sample, at, traceId(at, random.hex(24))) });
  }

  /** The tick's sampled entries into the log, oldest first (ties: as sampled). */
  private keepTickSamples(): void {
    if (this.tickSamples.length === 0) return;
    const samples = this.tickSamples.sort((a, b) => a.at - b.at);
    this.tickSamples = [];
    for (const { entry } of samples) {
      this.accessLogCursor = keepInRing(this.accessLog, this.accessLogCursor, ACCESS_LOG_CAPACITY, entry);
      this.ctx.changes.accessLogEntry(entry);
    }
  }

  /** The access log, oldest first (with any entries sampled since the last tick). */
  accessLogInOrder(): AccessLogEntry[] {
    this.keepTickSamples();
    return ringInOrder(this.accessLog, this.accessLogCursor, ACCESS_LOG_CAPACITY);
  }

  tick(tickStartMs: number = this.ctx.now - this.ctx.settings.tickSeconds * 1000): void {
    // The tick's traffic has been served (engine.step: offerTraffic, then tick).
    this.keepTickSamples();
    // Idle instances (no traffic this tick) work off their backlog. Only serving sets a backlog, so only
    // the instances it left one are walked, not all of them (issue 15); each drains on its own, so the
    // order does not matter. A terminated instance has left the world and is dropped.
    const tickSeconds = this.ctx.settings.tickSeconds;
    for (const instance of this.backlogged) {
      if (instance.backlog <= 0 || instance.lifecycleState === 'Terminated') {
        this.backlogged.delete(instance);
        continue;
      }
      if (instance.busyThisTick) continue;
      // Working off queued requests keeps the CPU busy even when the ALB sends nothing new.
      const drained = Math.min(instance.backlog, instance.vcpus * tickSeconds);
      instance.backlog -= drained;
      instance.utilisation = drained / (instance.vcpus * tickSeconds);
    }
    // After the drain: a health check waits behind the queued work that is left (target-health.ts).
    checkTargetHealth(this.ctx, tickStartMs);
  }

  inventory(): Partial<Inventory> {
    return { loadBalancers: exportLoadBalancers(this.world), targetGroups: exportTargetGroups(this.world) };
  }

  applyFault(type: string, parameters: Record<string, unknown>): FaultEffect | undefined {
    return type === 'FailTargets' ? failTargets(this.ctx, parameters as FaultParameters<'FailTargets'>) : undefined;
  }
}
