/**
 * The simulator's scenario and fault controls: the bundled scenarios, loading one by name or from
 * a file the operator opened (refused with every error, the current run continuing), the fault
 * kinds (JSON Schema per kind), injecting one now, and the faults still running (with Stop).
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { RequestOf, ResponseOf, RunningFault, ScenarioNotice, ScenarioProblem, TimelineEvent } from '@contract';
import { api, isApiError } from '@/api';
import { requestFailure, type RequestFailure } from '@/utils/request-error';

export type ScenarioList = ResponseOf<'sim.scenarios.list'>;
export type FaultKind = ResponseOf<'sim.faultKinds'>[number];

/** "shop.yaml:12: Resources.Web.Properties.MinSize: expected a number" → one entry per line. */
export function splitErrors(message: string): string[] {
  return message
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

export const useSimulatorStore = defineStore('simulator', () => {
  const scenarios = shallowRef<ScenarioList | null>(null);
  const faultKinds = shallowRef<readonly FaultKind[]>([]);
  const loadErrors = ref<string[]>([]);
  /** A refused load's errors as codes (issue 9): the panel lists these, translated, instead of `loadErrors` when present. */
  const loadErrorProblems = ref<ScenarioProblem[]>([]);
  /** A refused load as caught: without `problems` (not in simulation, say) the panel words its problem code. */
  const loadFailure = ref<RequestFailure | null>(null);
  /** English warnings, shown only when the core sent no `problems` (an older core). */
  const loadWarnings = ref<string[]>([]);
  /** The last load's warnings as codes and parameters, translated by the panel (issue 9). */
  const loadProblems = ref<ScenarioProblem[]>([]);
  /** What the last load did for the operator (default Traffic), as codes the panel translates. */
  const loadNotices = ref<ScenarioNotice[]>([]);
  const loading = ref(false);
  const injecting = ref(false);
  const injectError = ref<RequestFailure | null>(null);
  /** The fault kind whose inject failed, so its own form shows the error where the operator clicked. */
  const injectErrorKind = ref<string | null>(null);
  /** What this window injected, newest first (the timeline has everyone's, via service 'simulator'). */
  const injected = shallowRef<readonly TimelineEvent[]>([]);
  /** Faults in effect that can be ended, oldest first (refreshed after inject/stop and on simulator events). */
  const running = shallowRef<readonly RunningFault[]>([]);
  const stopping = ref<string | null>(null);

  async function fetchRunning(): Promise<void> {
    try {
      running.value = await api.request('sim.faults.running');
    } catch {
      running.value = [];
    }
  }

  async function stop(id: string): Promise<boolean> {
    stopping.value = id;
    return changeFault(
      () => api.request('sim.fault.stop', { id }),
      () => (stopping.value = null),
    );
  }

  /**
   * Injects or stops a fault: its timeline entry goes on top of the ones this window made, or its
   * error is shown; either way `settle` clears the busy mark and the running faults are read again.
   */
  async function changeFault(request: () => Promise<TimelineEvent>, settle: () => void): Promise<boolean> {
    injectError.value = null;
    try {
      const event = await request();
      injected.value = [event, ...injected.value].slice(0, 100);
      return true;
    } catch (error) {
      injectError.value = requestFailure(error);
      return false;
    } finally {
      settle();
      await fetchRunning();
    }
  }

  async function fetchScenarios(): Promise<void> {
    try {
      scenarios.value = await api.request('sim.scenarios.list');
    } catch {
      scenarios.value = null;
    }
  }

  async function fetchFaultKinds(): Promise<void> {
    try {
      faultKinds.value = await api.request('sim.faultKinds');
    } catch {
      faultKinds.value = [];
    }
  }

  async function load(request: RequestOf<'sim.scenario.load'>): Promise<boolean> {
    loading.value = true;
    loadErrors.value = [];
    loadErrorProblems.value = [];
    loadFailure.value = null;
    loadWarnings.value = [];
    loadProblems.value = [];
    loadNotices.value = [];
    try {
      const result = await api.request('sim.scenario.load', request);
      loadProblems.value = result.problems ?? [];
      loadWarnings.value = result.problems ? [] : result.warnings;
      // An older host (or a test double) may leave notices out.
      loadNotices.value = result.notices ?? [];
      await fetchScenarios();
      return true;
    } catch (error) {
      loadErrors.value = splitErrors(error instanceof Error ? error.message : String(error));
      loadErrorProblems.value = isApiError(error) && error.problems ? [...error.problems] : [];
      loadFailure.value = requestFailure(error);
      return false;
    } finally {
      loading.value = false;
    }
  }

  /** A file refused in the window before it was read or sent (too large): shown like a refused load. */
  function refuseFile(message: string): void {
    loadErrors.value = [message];
    loadErrorProblems.value = [];
    loadFailure.value = null;
    loadWarnings.value = [];
    loadProblems.value = [];
    loadNotices.value = [];
  }

  async function inject(type: string, parameters: Record<string, unknown>, durationSeconds?: number): Promise<boolean> {
    injecting.value = true;
    injectErrorKind.value = null;
    const done = await changeFault(
      () => api.request('sim.fault.inject', { type, parameters, ...(durationSeconds ? { durationSeconds } : {}) }),
      () => (injecting.value = false),
    );
    if (!done) injectErrorKind.value = type;
    return done;
  }

  return { scenarios, faultKinds, loadErrors, loadErrorProblems, loadFailure, loadWarnings, loadProblems, loadNotices, loading, injecting, injectError, injectErrorKind, injected, running, stopping, fetchScenarios, fetchFaultKinds, fetchRunning, load, refuseFile, inject, stop };
});
