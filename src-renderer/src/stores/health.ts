/**
 * Health verdicts as core decided them (core/health, pushed with the snapshot and with updates when
 * they change, as deltas from the version held: contract/health-delta.ts). Every place that shows health reads them here: Overview tiles, the request-path
 * map, view headers, the command palette.
 */
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import { applyHealthDelta, type HealthDelta, type HealthReason, type HealthReport, type HealthResourceKind, type HealthService, type ResourceHealth, type ServiceHealth } from '@contract';
import { useSessionStore } from './session';

/** 23:45:12: when the connection was lost, in UTC like every time the window shows. */
export function utcClockTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

/**
 * Why a verdict reads Unknown while the wire to the core is down: the data held is old (docs/health.md:
 * missing or old data is Unknown, never Healthy). `data.stale` with cause `connection`
 * (utils/health-text.ts words it "no connection since …"); the renderer's own, core never sends it.
 */
export function connectionLostReason(since: number): HealthReason {
  return { code: 'data.stale', status: 'unknown', subject: '', params: { cause: 'connection', since: utcClockTime(since) } };
}

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

  const session = useSessionStore();
  /** The reason every verdict carries while disconnected; undefined while connected and current. */
  const lost = computed(() => (session.lostSince === null ? undefined : connectionLostReason(session.lostSince)));

  /** While disconnected: the service's counts as last seen, but Unknown, and only because of that. */
  function service(key: HealthService): ServiceHealth | undefined {
    const verdict = services.value.get(key);
    const reason = lost.value;
    if (!reason || !verdict) return verdict;
    return { ...verdict, status: 'unknown', reasons: [reason] };
  }

  /**
   * By id (ARN, group name, record key — see core/health) or, failing that, by name. While
   * disconnected every resource reads Unknown, judged or not: a view's own first guess from the
   * inventory would be just as old.
   */
  function resource(kind: HealthResourceKind, id: string): ResourceHealth | undefined {
    const verdict = resources.value.get(`${kind}|${id}`) ?? resourcesByName.value.get(`${kind}|${id}`);
    const reason = lost.value;
    if (!reason) return verdict;
    return { kind, id, name: verdict?.name ?? id, status: 'unknown', reasons: [reason] };
  }

  return { report, lost, replace, applyDelta, service, resource };
});
