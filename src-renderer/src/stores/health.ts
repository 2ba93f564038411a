/**
 * Health verdicts as core decided them (core/health, pushed with the snapshot and with updates when
 * they change). Every place that shows health reads them here: Overview tiles, the request-path
 * map, view headers, the command palette.
 */
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { HealthReport, HealthResourceKind, HealthService, ResourceHealth, ServiceHealth } from '@contract';

export const useHealthStore = defineStore('health', () => {
  const report = shallowRef<HealthReport | null>(null);

  const services = computed(() => new Map((report.value?.services ?? []).map((s) => [s.service, s])));
  const resources = computed(() => new Map((report.value?.resources ?? []).map((r) => [`${r.kind}|${r.id}`, r])));
  const resourcesByName = computed(() => new Map((report.value?.resources ?? []).map((r) => [`${r.kind}|${r.name}`, r])));

  function replace(next: HealthReport | null | undefined): void {
    report.value = next ?? null;
  }

  function service(key: HealthService): ServiceHealth | undefined {
    return services.value.get(key);
  }

  /** By id (ARN, group name, record key — see core/health) or, failing that, by name. */
  function resource(kind: HealthResourceKind, id: string): ResourceHealth | undefined {
    return resources.value.get(`${kind}|${id}`) ?? resourcesByName.value.get(`${kind}|${id}`);
  }

  return { report, replace, service, resource };
});
