/**
 * What-if backtests of the loaded scenario (docs/backtest.md): the change being edited, the run in
 * progress (which run, how far; cancellable) and the last comparison. The core runs both simulations;
 * this window only sends the change and draws the answer.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { BacktestProgress, BacktestResult, RequestProblem, ScenarioProblem } from '@contract';
import { api, isApiError, type ApiErrorCode } from '@/api';

/** The longest backtest this window asks for (the core allows 48 h): a day of each run answers in well under its wait. */
export const MAX_WINDOW_BACKTEST_HOURS = 24;

export const useBacktestStore = defineStore('backtest', () => {
  const change = ref('');
  const durationHours = ref(2);
  const running = ref(false);
  const progress = shallowRef<BacktestProgress | null>(null);
  const result = shallowRef<BacktestResult | null>(null);
  /** The last failure as a code (Cancelled, Busy, InvalidRequest …), with the change's problems when it was refused. */
  const error = shallowRef<{ code: ApiErrorCode | 'Unknown'; message: string; problems: readonly ScenarioProblem[]; problem?: RequestProblem } | null>(null);
  /** The scenario the example was made for: a new scenario gets its own example. */
  const exampleFor = ref<string | null>(null);
  let unsubscribe: (() => void) | undefined;

  async function loadExample(scenarioName: string, force = false): Promise<void> {
    if (!force && exampleFor.value === scenarioName && change.value.trim()) return;
    try {
      const example = await api.request('sim.backtest.example');
      change.value = example.change;
      durationHours.value = example.durationSeconds / 3600;
      exampleFor.value = scenarioName;
    } catch {
      // No example (AWS mode, a disconnected core): the editor stays as it was.
    }
  }

  async function run(): Promise<boolean> {
    if (running.value) return false;
    unsubscribe ??= api.on('sim.backtest.progress', (event) => {
      if (running.value) progress.value = event;
    });
    running.value = true;
    progress.value = { run: 'base', fraction: 0 };
    error.value = null;
    try {
      const hours = Math.min(MAX_WINDOW_BACKTEST_HOURS, Math.max(1 / 60, durationHours.value));
      result.value = await api.request('sim.backtest.run', { change: change.value, durationSeconds: Math.round(hours * 60) * 60 });
      return true;
    } catch (caught) {
      error.value = isApiError(caught)
        ? { code: caught.code, message: caught.message, problems: caught.problems ?? [], ...(caught.problem ? { problem: caught.problem } : {}) }
        : { code: 'Unknown', message: caught instanceof Error ? caught.message : String(caught), problems: [] };
      return false;
    } finally {
      running.value = false;
      progress.value = null;
    }
  }

  async function cancel(): Promise<void> {
    try {
      await api.request('sim.backtest.cancel');
    } catch {
      // The run answers Cancelled (or its result) either way.
    }
  }

  return { change, durationHours, running, progress, result, error, exampleFor, loadExample, run, cancel };
});
