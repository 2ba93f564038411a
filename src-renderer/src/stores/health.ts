/**
 * Health verdicts as core decided them (core/health, pushed with the snapshot and with updates when
 * they change, as deltas from the version held: contract/health-delta.ts). Every place that shows health reads them here: Overview tiles, the request-path
 * map, view headers, the command palette.
 */
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import { applyHealthDelta, type HealthDelta, type HealthReport, type HealthResourceKind, type HealthService, type ResourceHealth, type ServiceHealth } from '@contract';

export const useHealthStore = defineStore('health', () => {
  const report = shallowRef<HealthReport | null>(null);

  const services = computed(() => new Map((report.value?.services ?? []).map((s) => [s.service, s])));
  const resources = computed(() => new Map((report.value?.resources ?? []).map((r) => [`${r.kind}|${r.id}`, r])));
  const resourcesByName = computed(() => new Map((report.value?.resources ?? []).map((r) => [`${r.kind}|${r.name}`, r])));

  /** The version of `report`: the next delta applies to it. */
  let version = 0;

  function replace(next: HealthReport | null | undefined, nextVersion = 0): void {
    report.value = next ?? null;
    version = nextVersion;
  }

  /**
   * Applies a delta. False when it does not follow the report held (a change was missed): the
   * caller reloads the snapshot. One the snapshot already holds is skipped; a merged one that
   * starts before it applies (its records are the latest, as for inventory deltas).
   */
  function applyDelta(delta: HealthDelta): boolean {
    if (delta.to <= version) return true;
    if (delta.from > version || !report.value) return false;
    report.value = applyHealthDelta(report.value, delta);
    version = delta.to;
    return true;
  }

  function service(key: HealthService): ServiceHealth | undefined {
    return services.value.get(key);
  }

  /** By id (ARN, group name, record key — see core/health) or, failing that, by name. */
  function resource(kind: HealthResourceKind, id: string): ResourceHealth | undefined {
    return resources.value.get(`${kind}|${id}`) ?? resourcesByName.value.get(`${kind}|${id}`);
  }

  return { report, replace, applyDelta, service, resource };
});
