// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_ACTIVITIES, useActivitiesStore } from '@/stores/activities';
import { activity } from '../support/fixtures';

beforeEach(() => setActivePinia(createPinia()));

describe('activities store', () => {
  it('keeps activities newest first', () => {
    const store = useActivitiesStore();
    store.load([activity('a1', 1), activity('a3', 9), activity('a2', 5)]);
    expect(store.items.map((a) => a.activityId)).toEqual(['a3', 'a2', 'a1']);
  });

  it('upserts by activityId: a state change replaces the row, a new activity goes in its place by time', () => {
    const store = useActivitiesStore();
    store.load([activity('a1', 1), activity('a2', 5, 'InProgress')]);
    store.upsert([activity('a2', 5, 'Successful'), activity('a3', 7, 'InProgress'), activity('a0', 0, 'Failed')]);
    expect(store.items.map((a) => [a.activityId, a.statusCode])).toEqual([
      ['a3', 'InProgress'],
      ['a2', 'Successful'],
      ['a1', 'Successful'],
      ['a0', 'Failed'],
    ]);
    expect(store.recent(2).map((a) => a.activityId)).toEqual(['a3', 'a2']);
    expect(store.forGroup('web-asg')).toHaveLength(4);
    expect(store.forGroup('other')).toHaveLength(0);
  });

  it('puts a new activity before an older one with the same start time', () => {
    const store = useActivitiesStore();
    store.load([activity('old', 3)]);
    store.upsert([activity('new', 3)]);
    expect(store.items.map((a) => a.activityId)).toEqual(['new', 'old']);
  });

  it('is bounded', () => {
    const store = useActivitiesStore();
    store.load(Array.from({ length: MAX_ACTIVITIES }, (_, i) => activity(`a${i}`, i)));
    store.upsert([activity('newest', MAX_ACTIVITIES + 1)]);
    expect(store.items).toHaveLength(MAX_ACTIVITIES);
    expect(store.items[0]!.activityId).toBe('newest');
    expect(store.items.some((a) => a.activityId === 'a0')).toBe(false);
  });
});
