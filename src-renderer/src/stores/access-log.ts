/**
 * Sampled ALB access-log entries (ALB-9), newest first. Bounded at what the virtualised table is
 * built for; older entries scroll away like a tail -f.
 */
import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { AccessLogEntry } from '@contract';

export const MAX_ACCESS_LOG = 2000;

export const useAccessLogStore = defineStore('accessLog', () => {
  const entries = shallowRef<readonly AccessLogEntry[]>([]);

  function load(list: readonly AccessLogEntry[]): void {
    entries.value = [...list].reverse().slice(0, MAX_ACCESS_LOG);
  }

  function append(list: readonly AccessLogEntry[]): void {
    if (list.length === 0) return;
    // Updates carry entries oldest first; the table shows newest first.
    entries.value = [...[...list].reverse(), ...entries.value].slice(0, MAX_ACCESS_LOG);
  }

  return { entries, load, append };
});
