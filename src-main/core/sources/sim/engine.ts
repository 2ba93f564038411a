/**
 * The simulation engine: a virtual clock advanced in fixed ticks, an event queue for things that
 * happen at a precise instant (an instance finishing its boot, a drain ending), and per-tick fluid
 * traffic. Deterministic by construction: no wall clock, no Math.random, Maps iterated in insertion
 * order, one named random stream per subsystem. Same scenario + seed → same bytes.
 */
import type { MetricStat, ScalingActivity } from '../../contract/model';
import { evaluateAlarm, type AlarmHistoryItem } from './cloudwatch/alarm';
import { MetricStore, type ClosedPeriod, type MetricSeriesData } from './cloudwatch/metric-store';
import { standardStats } from './cloudwatch/metric-catalog';
import { EventQueue } from './kernel/event-queue';
import { createRandom, type Random } from './kernel/random';
import type { ScenarioModel } from './scenario/load-scenario';
import { ACCOUNT_ID, buildWorld } from './build-world';
import { countByState, routableTargets, runHealthChecks, type HealthCheckOutcome } from './alb/target-group';
import { clampCapacity, countedInstances, onInstanceDrained, onInstanceReady, onInstanceTerminated, reconcile, setDesiredCapacity } from './asg/auto-scaling-group';
import { targetTrackingAlarms, targetTrackingCapacity } from './asg/target-tracking';
import { rateAt, withNoise } from './traffic/rate-curve';
import type { SimEvent, SimContext } from './sim-context';
import type { SimActivity, SimAutoScalingGroup, SimInstance, SimTarget, SimTargetGroup, World } from './world';

/** A target whose vCPUs are offered more than this much work fails health checks by timing out (our choice). */
export const HEALTH_CHECK_TIMEOUT_UTILISATION = 1.2;
export const MAX_ALARM_HISTORY = 5000;
/** Time a request spends outside the CPU (network, I/O) on an idle target (our choice). */
const BASE_LATENCY_SECONDS = 0.01;

export interface ClosedDatapoint {
  series: MetricSeriesData;
  stat: MetricStat;
  point: [number, number];
}

export class SimulationEngine implements SimContext {
  readonly world: World;
  readonly metrics = new MetricStore(60);
  readonly startTime: number;
  readonly tickMs: number;
  readonly instanceBootSeconds: number;
  now: number;

  private readonly queue = new EventQueue<SimEvent>();
  private readonly streams = new Map<string, Random>();
  private readonly trafficCarry: number[];
  private roundRobin = 0;

  // Change tracking, drained by the data source into pushed Updates.
  private changedActivities = new Set<SimActivity>();
  private inventoryDirty = true;
  private closedDatapoints: ClosedDatapoint[] = [];
  private alarmHistoryMark = 0;
  private alarmHistoryTotal = 0;

  constructor(readonly scenario: ScenarioModel) {
    this.startTime = scenario.simulation.startTime;
    this.now = this.startTime;
    this.tickMs = scenario.simulation.tickSeconds * 1000;
    this.instanceBootSeconds = scenario.simulation.instanceBootSeconds;
    this.world = buildWorld(scenario);
    this.trafficCarry = this.world.traffic.map(() => 0);
    this.createAlarms();
    this.createGroups();
  }

  get seed(): number {
    return this.scenario.simulation.seed;
  }

  get simulatedSeconds(): number {
    return (this.now - this.startTime) / 1000;
  }

  random(stream: string): Random {
    let random = this.streams.get(stream);
    if (!random) {
      random = createRandom(this.seed, stream);
      this.streams.set(stream, random);
    }
    return random;
  }

  schedule(atMs: number, event: SimEvent): void {
    this.queue.schedule(atMs, event);
  }

  activityChanged(activity: SimActivity): void {
    this.changedActivities.add(activity);
  }

  inventoryChanged(): void {
    this.inventoryDirty = true;
  }

  private createAlarms(): void {
    for (const group of this.world.autoScalingGroups.values()) {
      for (const policy of group.policies) {
        for (const definition of targetTrackingAlarms(policy, this.world.region, ACCOUNT_ID)) {
          this.world.alarms.set(definition.alarmName, { definition, state: 'INSUFFICIENT_DATA', stateReason: 'Unchecked: Initial alarm creation', stateUpdated: this.now });
        }
      }
    }
  }

  /** At t = 0 each group is created at capacity 0 and raised to its DesiredCapacity, as CloudFormation does. */
  private createGroups(): void {
    for (const resource of this.scenario.resources) {
      if (resource.type !== 'AWS::AutoScaling::AutoScalingGroup') continue;
      const group = this.world.autoScalingGroups.get(resource.identity.name)!;
      const p = resource.properties as { MinSize: number; DesiredCapacity?: number };
      const desired = p.DesiredCapacity ?? p.MinSize;
      if (desired > 0) setDesiredCapacity(this, group, desired, { kind: 'created' });
    }
  }

  /** Runs whole ticks until virtual time reaches `targetMs` (never beyond). */
  advanceTo(targetMs: number): void {
    while (this.now + this.tickMs <= targetMs) this.step();
  }

  advanceBy(seconds: number): void {
    this.advanceTo(this.now + seconds * 1000);
  }

  /** One tick: events due, traffic, health checks, then — on minute boundaries — metrics and alarms. */
  step(): void {
    const tickStart = this.now;
    this.now += this.tickMs;
    for (const event of this.queue.popDue(this.now)) this.handle(event);
    this.serveTraffic(tickStart);
    this.checkTargetHealth();
    this.publishGroupMetrics(tickStart);
    if (this.now % 60_000 === 0) this.endOfMinute();
  }

  private handle(event: SimEvent): void {
    switch (event.kind) {
      case 'instanceReady':
        return onInstanceReady(this, event.instanceId);
      case 'instanceDrained':
        return onInstanceDrained(this, event.instanceId);
      case 'instanceTerminated':
        return onInstanceTerminated(this, event.instanceId);
    }
  }

  /**
   * Fluid traffic: each population offers rate × tick requests (integer, with the fraction carried
   * over so no request is lost) to the load balancer its Target names; the ALB splits them evenly
   * over routable targets. Each target serves what its vCPUs allow; the rest fail as target 5xx (ALB-11).
   */
  private serveTraffic(tickStart: number): void {
    const tickSeconds = this.tickMs / 1000;
    const elapsed = (tickStart - this.startTime) / 1000;
    const epochSeconds = tickStart / 1000;
    const noise = this.random('traffic');
    const offeredByLb = new Map<string, { requests: number; cpuWeighted: number }>();
    this.world.traffic.forEach((population, index) => {
      const rate = withNoise(rateAt(population.rate, elapsed, epochSeconds), population.noise, noise);
      const exact = this.trafficCarry[index]! + rate * tickSeconds;
      const requests = Math.floor(exact);
      this.trafficCarry[index] = exact - requests;
      const entry = offeredByLb.get(population.target) ?? { requests: 0, cpuWeighted: 0 };
      entry.requests += requests;
      entry.cpuWeighted += requests * population.cpuSecondsPerRequest;
      offeredByLb.set(population.target, entry);
    });

    for (const instance of this.world.instances.values()) instance.utilisation = 0;
    for (const lb of this.world.loadBalancers.values()) {
      const offered = offeredByLb.get(lb.dnsName);
      if (!offered || offered.requests === 0) continue;
      const cpuPerRequest = offered.cpuWeighted / offered.requests;
      const lbDims = { LoadBalancer: lb.fullName };
      const targetGroupArn = lb.listeners[0]?.defaultTargetGroupArn;
      const group = targetGroupArn ? this.world.targetGroups.get(targetGroupArn) : undefined;
      this.metrics.put('AWS/ApplicationELB', 'RequestCount', lbDims, epochSeconds, offered.requests);
      if (!group) {
        this.metrics.put('AWS/ApplicationELB', 'HTTPCode_ELB_5XX_Count', lbDims, epochSeconds, offered.requests);
        continue;
      }
      const result = this.serveTargetGroup(group, offered.requests, cpuPerRequest, tickSeconds);
      const tgDims = { LoadBalancer: lb.fullName, TargetGroup: group.fullName };
      this.metrics.put('AWS/ApplicationELB', 'RequestCount', tgDims, epochSeconds, offered.requests);
      if (result.served > 0) {
        for (const dims of [lbDims, tgDims]) {
          this.metrics.putStatistics('AWS/ApplicationELB', 'TargetResponseTime', dims, epochSeconds, result.latency);
        }
      }
      if (result.targetErrors > 0) {
        this.metrics.put('AWS/ApplicationELB', 'HTTPCode_Target_5XX_Count', lbDims, epochSeconds, result.targetErrors);
        this.metrics.put('AWS/ApplicationELB', 'HTTPCode_Target_5XX_Count', tgDims, epochSeconds, result.targetErrors);
      }
      if (result.elbErrors > 0) {
        this.metrics.put('AWS/ApplicationELB', 'HTTPCode_ELB_5XX_Count', lbDims, epochSeconds, result.elbErrors);
        this.metrics.put('AWS/ApplicationELB', 'HTTPCode_ELB_503_Count', lbDims, epochSeconds, result.elbErrors);
      }
      const counts = countByState(group);
      this.metrics.put('AWS/ApplicationELB', 'HealthyHostCount', tgDims, epochSeconds, counts.healthy);
      this.metrics.put('AWS/ApplicationELB', 'UnHealthyHostCount', tgDims, epochSeconds, counts.unhealthy);
    }
  }

  private serveTargetGroup(group: SimTargetGroup, requests: number, cpuPerRequest: number, tickSeconds: number) {
    const targets = routableTargets(group);
    const latency = { count: 0, sum: 0, min: Infinity, max: -Infinity };
    if (targets.length === 0) return { served: 0, targetErrors: 0, elbErrors: requests, latency };
    let served = 0;
    let targetErrors = 0;
    const share = Math.floor(requests / targets.length);
    const extra = requests - share * targets.length;
    // Rotate who gets the remainder so that no target is favoured tick after tick.
    const offset = this.roundRobin++ % targets.length;
    targets.forEach((target, index) => {
      const instance = this.world.instances.get(target.id);
      const assigned = share + ((index - offset + targets.length) % targets.length < extra ? 1 : 0);
      if (!instance || instance.lifecycleState !== 'InService') {
        targetErrors += assigned;
        return;
      }
      const capacity = Math.floor((instance.vcpus * tickSeconds) / cpuPerRequest);
      const utilisation = (assigned * cpuPerRequest) / (instance.vcpus * tickSeconds);
      instance.utilisation += utilisation;
      const ok = Math.min(assigned, capacity);
      served += ok;
      targetErrors += assigned - ok;
      if (ok > 0) {
        // M/M/1-style growth of response time with utilisation, capped at 95 % busy.
        const seconds = (BASE_LATENCY_SECONDS + cpuPerRequest) / (1 - Math.min(0.95, instance.utilisation));
        latency.count += ok;
        latency.sum += seconds * ok;
        latency.min = Math.min(latency.min, seconds);
        latency.max = Math.max(latency.max, seconds);
      }
    });
    return { served, targetErrors, elbErrors: 0, latency };
  }

  private checkTargetHealth(): void {
    const probe = (target: SimTarget): HealthCheckOutcome => {
      const instance = this.world.instances.get(target.id);
      if (!instance || instance.lifecycleState !== 'InService') return { passed: false, reason: 'Target.Timeout' };
      if (instance.utilisation >= HEALTH_CHECK_TIMEOUT_UTILISATION) return { passed: false, reason: 'Target.Timeout' };
      return { passed: true };
    };
    for (const group of this.world.targetGroups.values()) runHealthChecks(this, group, probe);
  }

  /** CPU per instance, the group's CPUUtilization (ASG-12) and its capacity metrics (AWS/AutoScaling). */
  private publishGroupMetrics(tickStart: number): void {
    const epochSeconds = tickStart / 1000;
    const noise = this.random('cpu');
    for (const group of this.world.autoScalingGroups.values()) {
      let cpuSum = 0;
      let inService = 0;
      let pending = 0;
      for (const instance of group.instances.values()) {
        if (instance.lifecycleState === 'Pending') pending++;
        if (instance.lifecycleState !== 'InService') continue;
        // 2 % idle baseline plus the work it did, with ±1 point of jitter.
        instance.cpuPercent = Math.min(100, Math.max(0, 2 + 98 * Math.min(1, instance.utilisation) + noise.normal()));
        cpuSum += instance.cpuPercent;
        inService++;
      }
      const dims = { AutoScalingGroupName: group.name };
      if (inService > 0) group.cpuSeries = this.metrics.put('AWS/EC2', 'CPUUtilization', dims, epochSeconds, cpuSum / inService);
      this.metrics.put('AWS/AutoScaling', 'GroupDesiredCapacity', dims, epochSeconds, group.desiredCapacity);
      this.metrics.put('AWS/AutoScaling', 'GroupInServiceInstances', dims, epochSeconds, inService);
      this.metrics.put('AWS/AutoScaling', 'GroupPendingInstances', dims, epochSeconds, pending);
      this.metrics.put('AWS/AutoScaling', 'GroupMinSize', dims, epochSeconds, group.minSize);
      this.metrics.put('AWS/AutoScaling', 'GroupMaxSize', dims, epochSeconds, group.maxSize);
    }
  }

  /** Close the minute's metric periods, then evaluate alarms on them, then let alarms drive policies. */
  private endOfMinute(): void {
    const nowSeconds = this.now / 1000;
    for (const closed of this.metrics.closePeriodsBefore(nowSeconds)) this.recordClosed(closed);
    for (const alarm of this.world.alarms.values()) {
      const def = alarm.definition;
      const series = this.metrics.get(def.namespace, def.metricName, def.dimensions);
      const evaluation = evaluateAlarm(def, series, nowSeconds, alarm.state);
      if (evaluation.state !== alarm.state) {
        const item: AlarmHistoryItem = {
          alarmName: def.alarmName,
          timestamp: new Date(this.now).toISOString(),
          oldState: alarm.state,
          newState: evaluation.state,
          reason: evaluation.reason,
        };
        this.world.alarmHistory.push(item);
        this.alarmHistoryTotal++;
        // Bounded: the newest MAX_ALARM_HISTORY items (CloudWatch keeps 30 days).
        if (this.world.alarmHistory.length > MAX_ALARM_HISTORY) this.world.alarmHistory.splice(0, this.world.alarmHistory.length - MAX_ALARM_HISTORY);
        alarm.state = evaluation.state;
        alarm.stateReason = evaluation.reason;
        alarm.stateUpdated = this.now;
        this.inventoryChanged();
      }
      // While in ALARM, the alarm invokes its actions each period (our reading of the target-tracking docs).
      if (alarm.state === 'ALARM' && evaluation.latestValue !== undefined) {
        for (const action of def.alarmActions) this.invokePolicy(action, def.alarmName, evaluation.latestValue);
      }
    }
  }

  private invokePolicy(policyArn: string, alarmName: string, metricValue: number): void {
    const policy = this.world.policiesByArn.get(policyArn);
    if (!policy) return;
    const group = this.world.autoScalingGroups.get(policy.autoScalingGroupName);
    if (!group) return;
    const inService = countedInstances(group).filter((i) => i.lifecycleState === 'InService').length;
    const wanted = targetTrackingCapacity(policy, group, inService, metricValue, alarmName);
    if (wanted === undefined) return;
    const desired = clampCapacity(group, wanted);
    if (desired === group.desiredCapacity) return;
    setDesiredCapacity(this, group, desired, { kind: 'alarm', alarmName, policyName: policy.policyName });
  }

  private recordClosed(closed: ClosedPeriod): void {
    for (const stat of standardStats(closed.series.metricName)) {
      const slot = closed.series.ring.slot(closed.series.ring.length - 1);
      this.closedDatapoints.push({ series: closed.series, stat, point: [closed.start, Math.round(closed.series.statAt(slot, stat) * 1e6) / 1e6] });
    }
  }

  // ---- operator actions -------------------------------------------------------------------------

  /** SetDesiredCapacity: must lie within [MinSize, MaxSize] (AWS answers ValidationError otherwise). */
  setDesiredCapacity(groupName: string, desired: number): SimActivity[] {
    const group = this.requireGroup(groupName);
    if (desired < group.minSize || desired > group.maxSize) {
      throw new Error(`New SetDesiredCapacity value ${desired} is outside the group's [MinSize ${group.minSize}, MaxSize ${group.maxSize}]`);
    }
    return setDesiredCapacity(this, group, desired, { kind: 'user' });
  }

  private requireGroup(name: string): SimAutoScalingGroup {
    const group = this.world.autoScalingGroups.get(name);
    if (!group) throw new Error(`AutoScalingGroup name not found - ${name}`);
    return group;
  }

  /** Replace instances that are gone missing (used by faults in later scenarios). */
  reconcileAll(): void {
    for (const group of this.world.autoScalingGroups.values()) reconcile(this, group);
  }

  // ---- change tracking --------------------------------------------------------------------------

  drainChanges(): { activities: SimActivity[]; inventoryChanged: boolean; datapoints: ClosedDatapoint[]; alarmHistory: AlarmHistoryItem[] } {
    const history = this.world.alarmHistory;
    const changes = {
      activities: [...this.changedActivities],
      inventoryChanged: this.inventoryDirty,
      datapoints: this.closedDatapoints,
      alarmHistory: history.slice(Math.max(0, history.length - (this.alarmHistoryTotal - this.alarmHistoryMark))),
    };
    this.alarmHistoryMark = this.alarmHistoryTotal;
    this.changedActivities = new Set();
    this.inventoryDirty = false;
    this.closedDatapoints = [];
    return changes;
  }
}

export function toScalingActivity(activity: SimActivity): ScalingActivity {
  return {
    activityId: activity.activityId,
    autoScalingGroupName: activity.autoScalingGroupName,
    cause: activity.cause,
    description: activity.description,
    startTime: new Date(activity.startTime).toISOString(),
    ...(activity.endTime !== undefined ? { endTime: new Date(activity.endTime).toISOString() } : {}),
    statusCode: activity.statusCode,
    progress: activity.progress,
  };
}

export type { SimInstance };
