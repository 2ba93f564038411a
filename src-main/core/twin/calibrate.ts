/**
 * Calibration (docs/twin.md): the simulator's per-request parameters fitted to a real account's
 * recorded window. The simulator charges each request `CpuPerRequest` seconds of CPU on the target
 * that serves it, so a group's CPU is (requests/s per instance × CpuPerRequest) / vCPUs
 * (sim/alb/alb-service.ts). From the recorded CPUUtilization and the requests of the target group
 * the group serves, CpuPerRequest is the least-squares slope through the origin of
 * CPU/100 against requests/s per vCPU. Latency: the simulator answers in
 * (BASE_LATENCY_SECONDS + CpuPerRequest) / (1 − utilisation), so the recorded TargetResponseTime
 * implies a service time per period; its median is reported beside the CPU fit, as a second,
 * independent estimate — the twin runs the CPU one, which is what scaling reacts to.
 */
import type { Inventory } from '../contract/model-inventory';
import { BASE_LATENCY_SECONDS, vcpusOf } from '../instance-model';
import { loadBalancerDimension, targetGroupDimension } from '../metric-catalog';
import { median, MIN_FIT_POINTS, slopeThroughOrigin, wape } from './fit-math';
import { seriesKey } from './history-queries';
import type { CpuCalibration, LatencyCalibration, ObservedSeries } from './twin-section';

export const CALIBRATION_METHOD = 'CpuPerRequest: least squares through the origin of CPU/100 against requests/s per vCPU; latency: median of TargetResponseTime × (1 − CPU/100) − 0.01 s; errors: WAPE';

export class ObservedIndex {
  private readonly byKey = new Map<string, ObservedSeries>();
  constructor(readonly series: ObservedSeries[]) {
    // A series CloudWatch had no datapoint for is as good as absent (group metrics off, say).
    for (const s of series) if (s.values.some((v) => v !== null)) this.byKey.set(seriesKey(s), s);
  }
  get(namespace: string, metricName: string, stat: string, dimensions: Record<string, string>): ObservedSeries | undefined {
    return this.byKey.get(seriesKey({ namespace, metricName, stat, dimensions }));
  }
}

/** Requests per period that reached a target group, over every load balancer it is behind. */
export function targetGroupRequests(inventory: Inventory, index: ObservedIndex, targetGroupArn: string): (number | null)[] | undefined {
  const tg = inventory.targetGroups.find((t) => t.targetGroupArn === targetGroupArn);
  if (!tg) return undefined;
  let total: (number | null)[] | undefined;
  for (const lbArn of tg.loadBalancerArns) {
    const series = index.get('AWS/ApplicationELB', 'RequestCount', 'Sum', { LoadBalancer: loadBalancerDimension(lbArn), TargetGroup: targetGroupDimension(tg.targetGroupArn) });
    if (!series) continue;
    total = total ? total.map((v, i) => (v === null && series.values[i] == null ? null : (v ?? 0) + (series.values[i] ?? 0))) : [...series.values];
  }
  return total;
}

export function calibrate(inventory: Inventory, observed: ObservedSeries[], periodSeconds: number): { cpuPerRequest: CpuCalibration[]; latency: LatencyCalibration[] } {
  const index = new ObservedIndex(observed);
  const cpuPerRequest: CpuCalibration[] = [];
  const utilisationByTargetGroup = new Map<string, (number | null)[]>();
  for (const group of inventory.autoScalingGroups) {
    const vcpus = vcpusOf(group.instanceType ?? '');
    const tgArn = group.targetGroupARNs[0];
    const tg = inventory.targetGroups.find((t) => t.targetGroupArn === tgArn);
    const cpu = index.get('AWS/EC2', 'CPUUtilization', 'Average', { AutoScalingGroupName: group.autoScalingGroupName });
    const inService = index.get('AWS/AutoScaling', 'GroupInServiceInstances', 'Average', { AutoScalingGroupName: group.autoScalingGroupName });
    const requests = tgArn ? targetGroupRequests(inventory, index, tgArn) : undefined;
    if (cpu && tgArn) utilisationByTargetGroup.set(tgArn, cpu.values.map((v) => (v === null ? null : v / 100)));
    const pairs: [number, number][] = [];
    if (cpu && requests) {
      cpu.values.forEach((value, i) => {
        const count = requests[i];
        // Instances in service that period; without group metrics, the group's size when exported.
        const instances = inService?.values[i] ?? (inService ? null : group.desiredCapacity);
        if (value === null || count == null || instances === null || instances <= 0) return;
        pairs.push([count / periodSeconds / (instances * vcpus), value / 100]);
      });
    }
    const usable = pairs.filter(([x]) => x > 0);
    const slope = usable.length >= MIN_FIT_POINTS ? slopeThroughOrigin(usable) : undefined;
    const fit = slope === undefined ? { points: usable.length, error: null } : wape(usable.map(([x, y]) => [slope * x, y]));
    cpuPerRequest.push({
      autoScalingGroupName: group.autoScalingGroupName,
      ...(tg ? { targetGroupName: tg.targetGroupName } : {}),
      vcpus,
      cpuPerRequestSeconds: slope === undefined ? null : round(slope, 6),
      points: fit.points,
      fitError: fit.error === null ? null : round(fit.error, 4),
    });
  }

  const latency: LatencyCalibration[] = [];
  for (const lb of inventory.loadBalancers) {
    const times = index.get('AWS/ApplicationELB', 'TargetResponseTime', 'Average', { LoadBalancer: loadBalancerDimension(lb.loadBalancerArn) });
    const tg = inventory.targetGroups.find((t) => t.loadBalancerArns.includes(lb.loadBalancerArn) && utilisationByTargetGroup.has(t.targetGroupArn));
    const utilisation = tg ? utilisationByTargetGroup.get(tg.targetGroupArn) : undefined;
    const samples: { seconds: number; u: number }[] = [];
    times?.values.forEach((seconds, i) => {
      if (seconds === null) return;
      samples.push({ seconds, u: Math.min(0.95, Math.max(0, utilisation?.[i] ?? 0)) });
    });
    const service = samples.length >= MIN_FIT_POINTS ? median(samples.map((s) => Math.max(0, s.seconds * (1 - s.u) - BASE_LATENCY_SECONDS))) : undefined;
    const fit = service === undefined ? { points: samples.length, error: null } : wape(samples.map((s) => [(BASE_LATENCY_SECONDS + service) / (1 - s.u), s.seconds]));
    latency.push({ loadBalancerName: lb.loadBalancerName, serviceSeconds: service === undefined ? null : round(service, 6), points: fit.points, fitError: fit.error === null ? null : round(fit.error, 4) });
  }
  return { cpuPerRequest, latency };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
