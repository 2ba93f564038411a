/**
 * Keeps the domain stores in step with the core: one `snapshot.get` per (re)connect or session
 * change, then `update` events as deltas. Updates that arrive while a snapshot is in flight are
 * held back and replayed on top of it, except those older than the snapshot itself. Updates are
 * applied once per animation frame, all that arrived since the last one (issue 15: one redraw per
 * frame, however many frames the socket delivered); an inventory or health delta that does not
 * follow what is held means a change was missed, and the snapshot is loaded again.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Snapshot, Update } from '@contract';
import { api } from '@/api';
import { useAccessLogStore } from './access-log';
import { useActivitiesStore } from './activities';
import { useEventsStore } from './events';
import { useHealthStore } from './health';
import { useInstanceCpuStore } from './instance-cpu';
import { useInventoryStore } from './inventory';
import { useLiveInterestStore } from './live-interest';
import { useMetricsStore } from './metrics';
import { useOlderEventsStore } from './older-events';
import { useSessionStore } from './session';
import { useSkippedStore } from './skipped';
import { requestFailure, type RequestFailure } from '@/utils/request-error';

export type LiveStatus = 'idle' | 'loading' | 'ready' | 'error';

/** The next animation frame; a hidden tab gets none, so a timer keeps its stores current (at most ~1 s behind). */
function nextFrame(callback: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    callback();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(once);
  setTimeout(once, 1000);
}

/** Enough for several seconds of frames at any speed; beyond that the snapshot will be newer anyway. */
const MAX_HELD_UPDATES = 240;

export const useLiveStore = defineStore('live', () => {
  const status = ref<LiveStatus>('idle');
  const loadError = ref<RequestFailure | null>(null);
  const snapshotCount = ref(0);

  let unsubscribers: (() => void)[] = [];
  let generation = 0;
  let held: Update[] | null = null;
  /** Updates waiting for the next animation frame. */
  let queued: Update[] = [];
  let frameRequested = false;

  function applyUpdate(update: Update): void {
    if (update.clock) useSessionStore().setClock(update.clock);
    if (update.inventory && !useInventoryStore().applyDelta(update.inventory)) missedInventory();
    useActivitiesStore().upsert(update.scalingActivities);
    useMetricsStore().append(update.metrics);
    useEventsStore().append(update);
    useAccessLogStore().append(update.accessLog);
    if (update.datasets) useSessionStore().setDatasets(update.datasets);
    if (update.healthDelta && !useHealthStore().applyDelta(update.healthDelta)) missedInventory();
    useInstanceCpuStore().merge(update.instanceCpu);
    useSkippedStore().add(update.skipped);
  }

  function applySnapshot(snapshot: Snapshot): void {
    const session = useSessionStore();
    session.setSession(snapshot.session);
    session.setClock(snapshot.clock ?? null);
    useInventoryStore().replace(snapshot.inventory, snapshot.inventoryVersion ?? 0);
    useActivitiesStore().load(snapshot.scalingActivities);
    useMetricsStore().load(snapshot.metrics);
    useEventsStore().load(snapshot);
    useAccessLogStore().load(snapshot.accessLog);
    session.setDatasets(snapshot.datasets);
    useHealthStore().replace(snapshot.health, snapshot.healthVersion ?? 0);
    useInstanceCpuStore().load(snapshot.instanceCpu);
    useSkippedStore().reset();
    useOlderEventsStore().note(snapshot, snapshot.older, true);
    // Only now, with everything replaced, do verdicts stop reading Unknown after a lost connection.
    session.markFresh();
  }

  /** An inventory or health delta that does not follow what is held: a change was missed. */
  function missedInventory(): void {
    if (status.value !== 'loading') void reload();
  }

  function onUpdate(update: Update): void {
    if (held) {
      held.push(update);
      // Dropping one loses its inventory delta: the next one will not follow, and the snapshot reloads.
      if (held.length > MAX_HELD_UPDATES) held.shift();
      return;
    }
    queued.push(update);
    if (frameRequested) return;
    frameRequested = true;
    nextFrame(flushQueued);
  }

  function flushQueued(): void {
    frameRequested = false;
    const batch = queued;
    queued = [];
    // A reload started meanwhile: these are older than its snapshot or will be held after it.
    if (held) {
      held.push(...batch);
      return;
    }
    for (const update of batch) applyUpdate(update);
  }

  async function reload(): Promise<void> {
    const token = ++generation;
    status.value = 'loading';
    // Updates still waiting for a frame go before those that arrive during the snapshot.
    held = queued;
    queued = [];
    try {
      // What the visible views show, first (requests are served in order: not awaited), so that
      // the snapshot and the updates after it carry only that; a reconnected socket has none.
      void useLiveInterestStore().sync(false);
      const snapshot = await api.request('snapshot.get');
      if (token !== generation) return; // a newer reload (reconnect, session change) superseded this one
      applySnapshot(snapshot);
      const pending = held ?? [];
      held = null;
      const snapshotTime = snapshot.clock?.now;
      for (const update of pending) {
        // Older than the snapshot: already in it, and replaying could roll an activity back.
        if (snapshotTime !== undefined && update.clock && update.clock.now < snapshotTime) continue;
        applyUpdate(update);
      }
      snapshotCount.value++;
      loadError.value = null;
      status.value = 'ready';
    } catch (error) {
      if (token !== generation) return;
      held = null;
      loadError.value = requestFailure(error);
      status.value = 'error';
    }
  }

  function start(): void {
    if (unsubscribers.length > 0) return;
    const session = useSessionStore();
    session.setConnection(api.connection);
    unsubscribers = [
      api.on('update', onUpdate),
      api.on('session.changed', (info) => {
        session.setSession(info);
        void reload();
      }),
      api.onConnectionChange((state) => {
        session.setConnection(state);
        // After a reconnect the deltas we missed are gone: start again from a snapshot. The first
        // open needs nothing, the initial request is already waiting in the transport's queue.
        if (state === 'open' && status.value !== 'loading') void reload();
      }),
      api.onProblem((error) => session.reportProblem(error)),
    ];
    void reload();
  }

  function stop(): void {
    for (const unsubscribe of unsubscribers) unsubscribe();
    unsubscribers = [];
    generation++;
    held = null;
    queued = [];
    status.value = 'idle';
  }

  return { status, loadError, snapshotCount, start, stop, reload };
});
