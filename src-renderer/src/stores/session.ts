/**
 * Which backend we look at (simulation or an AWS profile), its virtual clock, the state of the wire,
 * and the problems worth telling the operator about (failed controls, invalid frames).
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { DatasetStatuses, RequestOf, SessionInfo, SimClock } from '@contract';
import { api, type ConnectionState } from '@/api';
import { requestFailure, type RequestFailure } from '@/utils/request-error';

export interface Problem extends RequestFailure {
  id: number;
}

/** Older problems scroll away: the banner is for "what just went wrong", not a log. */
export const MAX_PROBLEMS = 5;

export const useSessionStore = defineStore('session', () => {
  const session = shallowRef<SessionInfo | null>(null);
  const clock = shallowRef<SimClock | null>(null);
  const connection = ref<ConnectionState>('connecting');
  const problems = ref<Problem[]>([]);
  const controlPending = ref(false);
  /** Per-service freshness and errors (AWS mode); empty in simulation, where data is never stale. */
  const datasets = shallowRef<DatasetStatuses>({});
  /**
   * Wall-clock ms when the wire to the core went down after data had arrived, until a fresh snapshot
   * replaces what was held: everything shown meanwhile is old, so no verdict may read Healthy
   * (docs/health.md: missing or old data is Unknown). Null while connected and current.
   */
  const lostSince = ref<number | null>(null);
  /** A snapshot has been applied since the page started: there is something that can go stale. */
  let hasData = false;
  let nextProblemId = 1;

  const isSimulation = computed(() => session.value?.mode === 'simulation');
  const isConnected = computed(() => connection.value === 'open');
  const isReadOnly = computed(() => session.value?.mode === 'aws' && session.value.readOnly);

  function setSession(next: SessionInfo): void {
    session.value = next;
  }

  function setClock(next: SimClock | null): void {
    clock.value = next;
  }

  function setDatasets(next: DatasetStatuses): void {
    datasets.value = next;
  }

  function setConnection(next: ConnectionState, now = Date.now()): void {
    connection.value = next;
    if (next !== 'open' && hasData && lostSince.value === null) lostSince.value = now;
  }

  /** A snapshot fresh from the core was applied: what is shown is current again. */
  function markFresh(): void {
    hasData = true;
    lostSince.value = connection.value === 'open' ? null : lostSince.value;
  }

  function reportProblem(error: unknown): void {
    problems.value = [...problems.value, { id: nextProblemId++, ...requestFailure(error) }].slice(-MAX_PROBLEMS);
  }

  function dismissProblem(id: number): void {
    problems.value = problems.value.filter((problem) => problem.id !== id);
  }

  /** Drives the simulator; the answer is the new clock, shown at once rather than on the next Update. */
  async function control(command: RequestOf<'sim.control'>): Promise<void> {
    controlPending.value = true;
    try {
      clock.value = await api.request('sim.control', command);
    } catch (error) {
      reportProblem(error);
    } finally {
      controlPending.value = false;
    }
  }

  return {
    session,
    clock,
    connection,
    problems,
    controlPending,
    datasets,
    isSimulation,
    isConnected,
    isReadOnly,
    lostSince,
    markFresh,
    setSession,
    setClock,
    setConnection,
    setDatasets,
    reportProblem,
    dismissProblem,
    control,
  };
});
