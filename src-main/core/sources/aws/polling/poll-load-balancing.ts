/** elbv2: load balancers (listeners, rules and attributes are settings) and target groups with their targets' health. */
import { loadBalancerDimension, targetGroupDimension } from '../../../metric-catalog';
import { attributesOf, discoverLoadBalancing, listenersOf } from '../elbv2/discover-load-balancing';
import { attachedInstances, reusableTargetHealth, type TargetHealthRead } from '../elbv2/target-health-plan';
import { discoverWebAcls } from '../wafv2/discover-waf';
import type { MetricPoller } from '../metrics/metric-poller';
import type { DatasetPoller, DatasetResult, PollContext } from './dataset-poller';

export class LoadBalancingPoller implements DatasetPoller {
  /** When each target group's health was last read, and what was attached then. */
  private readonly targetHealthReads = new Map<string, TargetHealthRead>();

  constructor(private readonly metrics: MetricPoller) {}

  async poll({ clients, now, reuseSettings, held }: PollContext): Promise<DatasetResult> {
    const targets = reuseSettings ? this.reusableTargetHealth(now, held()) : new Map();
    const settings = reuseSettings ? { listeners: listenersOf(held().loadBalancers), attributes: attributesOf(held().loadBalancers) } : {};
    const found = await discoverLoadBalancing(clients.elbv2, { ...settings, targets });
    const groups = held().autoScalingGroups;
    for (const tg of found.targetGroups) {
      if (!targets.has(tg.targetGroupArn)) this.targetHealthReads.set(tg.targetGroupArn, { at: now, instances: attachedInstances(tg.targetGroupArn, groups) });
    }
    const present = new Set(found.targetGroups.map((tg) => tg.targetGroupArn));
    for (const arn of this.targetHealthReads.keys()) if (!present.has(arn)) this.targetHealthReads.delete(arn);
    // The web ACL of each load balancer (wafv2:GetWebACLForResource); settings like the listeners.
    const webAcls = reuseSettings ? held().webAcls.filter((acl) => acl.associatedResourceArns.some((arn) => found.loadBalancers.some((lb) => lb.loadBalancerArn === arn))) : await discoverWebAcls(clients.wafv2, found.loadBalancers.map((lb) => lb.loadBalancerArn));
    return { part: { loadBalancers: found.loadBalancers, targetGroups: found.targetGroups, webAcls } };
  }

  private reusableTargetHealth(now: number, inventory: ReturnType<PollContext['held']>) {
    return reusableTargetHealth({
      now,
      targetGroups: inventory.targetGroups,
      autoScalingGroups: inventory.autoScalingGroups,
      reads: this.targetHealthReads,
      latestCount: (metricName, tg) => {
        const values = tg.loadBalancerArns.map((lb) => this.metrics.latestOf('AWS/ApplicationELB', metricName, { LoadBalancer: loadBalancerDimension(lb), TargetGroup: targetGroupDimension(tg.targetGroupArn) }));
        const known = values.filter((v): v is number => v !== undefined);
        return known.length ? Math.max(...known) : undefined;
      },
    });
  }

  forget(): void {
    this.targetHealthReads.clear();
  }
}
