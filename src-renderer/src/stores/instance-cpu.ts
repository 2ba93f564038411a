/**
 * Each Auto Scaling instance's current CPU (simulation), by group: pushed next to the inventory,
 * not in it (it moves every minute), and only for the groups whose instance table is open
 * (stores/live-interest.ts). Replaced group by group as updates name them.
 */
import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { InstanceCpu } from '@contract';

export const useInstanceCpuStore = defineStore('instanceCpu', () => {
  const byGroup = shallowRef<Readonly<InstanceCpu>>({});

  function load(cpu: InstanceCpu | undefined): void {
    byGroup.value = { ...cpu };
  }

  function merge(cpu: InstanceCpu | undefined): void {
    if (!cpu || Object.keys(cpu).length === 0) return;
    byGroup.value = { ...byGroup.value, ...cpu };
  }

  function of(group: string, instanceId: string): number | undefined {
    return byGroup.value[group]?.[instanceId];
  }

  return { byGroup, load, merge, of };
});
