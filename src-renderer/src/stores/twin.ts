/**
 * Twins (docs/twin.md): "Open as twin" from AWS mode (the connected account and its last hours
 * become a scenario the simulator runs), and a running twin's fit to the recording it copies.
 * The session itself arrives as `session.changed`; this store keeps what the views add to it.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { TwinFit, TwinProgress } from '@contract';
import { api } from '@/api';
import { requestFailure, type RequestFailure } from '@/utils/request-error';

export const useTwinStore = defineStore('twin', () => {
  const opening = ref(false);
  const openError = ref<RequestFailure | null>(null);
  /** Where the last "Open as twin" kept its file, and what it could not export. */
  const lastFile = ref<string | null>(null);
  const warnings = shallowRef<readonly string[]>([]);
  const fit = shallowRef<TwinFit | null>(null);
  const fitError = ref<RequestFailure | null>(null);
  /** The history read under way (one entry per GetMetricData call), while opening. */
  const progress = shallowRef<TwinProgress | null>(null);
  let unsubscribe: (() => void) | undefined;

  async function open(hours = 24): Promise<boolean> {
    opening.value = true;
    openError.value = null;
    progress.value = null;
    unsubscribe ??= api.on('twin.progress', (event) => (progress.value = event));
    try {
      const result = await api.request('aws.twin.open', { hours });
      lastFile.value = result.file;
      warnings.value = result.warnings;
      fit.value = null;
      return true;
    } catch (error) {
      openError.value = requestFailure(error);
      return false;
    } finally {
      opening.value = false;
      progress.value = null;
    }
  }

  async function fetchFit(): Promise<void> {
    fitError.value = null;
    try {
      fit.value = await api.request('sim.twin.fit');
    } catch (error) {
      fit.value = null;
      fitError.value = requestFailure(error);
    }
  }

  return { opening, openError, progress, lastFile, warnings, fit, fitError, open, fetchFit };
});
