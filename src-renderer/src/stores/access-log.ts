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

  /**
   * Older entries loaded by scrolling back (`live.older`, oldest first): after those held, those
   * already held left out (a page starts at the instant of the oldest held, which it repeats).
   */
  function appendOlder(list: readonly AccessLogEntry[]): void {
    if (list.length === 0) return;
    const oldest = entries.value[entries.value.length - 1];
    const key = (entry: AccessLogEntry) => `${entry.traceId}|${entry.time}`;
    const held = new Set(entries.value.filter((entry) => entry.time === oldest?.time).map(key));
    const older = [...list].reverse().filter((entry) => !held.has(key(entry)));
    entries.value = [...entries.value, ...older].slice(0, MAX_ACCESS_LOG);
  }

  return { entries, load, append, appendOlder };
});
