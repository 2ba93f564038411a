/**
 * Lookups by id over the inventory, built once per inventory change (a computed over the store's
 * public getters), so that a view with many resources resolves names and relations in O(1)
 * instead of a `.find`/`.filter` over every resource for every resource on every update (O(n²):
 * 25 groups × 25 target groups × 3 load balancers per push at scale-1000).
 */
import { computed } from 'vue';
import type { AutoScalingGroup, LoadBalancer, TargetGroup } from '@contract';
import { useInventoryStore } from '@/stores/inventory';

export interface InventoryIndex {
  loadBalancersByArn: Map<string, LoadBalancer>;
  targetGroupsByArn: Map<string, TargetGroup>;
  /** The target groups each load balancer forwards to (TargetGroup.loadBalancerArns). */
  targetGroupsByLoadBalancer: Map<string, TargetGroup[]>;
  groupsByName: Map<string, AutoScalingGroup>;
}

export function buildInventoryIndex(loadBalancers: readonly LoadBalancer[], targetGroups: readonly TargetGroup[], groups: readonly AutoScalingGroup[]): InventoryIndex {
  const targetGroupsByLoadBalancer = new Map<string, TargetGroup[]>();
  for (const tg of targetGroups) {
    for (const arn of tg.loadBalancerArns) {
      const list = targetGroupsByLoadBalancer.get(arn);
      if (list) list.push(tg);
      else targetGroupsByLoadBalancer.set(arn, [tg]);
    }
  }
  return {
    loadBalancersByArn: new Map(loadBalancers.map((lb) => [lb.loadBalancerArn, lb])),
    targetGroupsByArn: new Map(targetGroups.map((tg) => [tg.targetGroupArn, tg])),
    targetGroupsByLoadBalancer,
    groupsByName: new Map(groups.map((group) => [group.autoScalingGroupName, group])),
  };
}

export function useInventoryIndex() {
  const inventory = useInventoryStore();
  const index = computed(() => buildInventoryIndex(inventory.loadBalancers, inventory.targetGroups, inventory.autoScalingGroups));
  return {
    index,
    loadBalancerName: (arn: string): string => index.value.loadBalancersByArn.get(arn)?.loadBalancerName ?? arn,
    targetGroupName: (arn: string): string => index.value.targetGroupsByArn.get(arn)?.targetGroupName ?? arn,
    targetGroupsOf: (loadBalancerArn: string): readonly TargetGroup[] => index.value.targetGroupsByLoadBalancer.get(loadBalancerArn) ?? [],
  };
}
