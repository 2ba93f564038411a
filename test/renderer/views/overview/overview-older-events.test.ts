// @vitest-environment happy-dom
/**
 * The Overview's recent changes when the host answers with the newest entries only (issue 15): the
 * table shows the lists merged without gaps down to the newest of their oldest entries loaded, says
 * how many older ones there are, and loads them a page at a time (`live.older`) when the operator
 * scrolls to the end of the table or asks with the button; a refused page is said, not swallowed.
 */
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('echarts/core', () => import('../../support/echarts-mock'));
import { useHealthStore } from '@/stores/health';
import { useInventoryStore } from '@/stores/inventory';
import { MAX_EVENTS } from '@/stores/events';
import { useOlderEventsStore } from '@/stores/older-events';
import OverviewView from '@/views/overview/OverviewView.vue';
import type { LiveHistory, OlderPage, TimelineEvent } from '@contract';
import { installFakeCore, type FakeCore } from '../../support/fake-api';
import { START, fullInventory } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';

const at = (minute: number) => new Date(START + minute * 60_000).toISOString();
const entry = (minute: number): TimelineEvent => ({ time: at(minute), service: 'elbv2', kind: 'TargetHealth', resource: `web/i-${minute}`, message: `Target i-${minute} changed`, severity: 'info' });

let core: FakeCore;
beforeEach(() => {
  setActivePinia(createPinia());
  useInventoryStore().replace(fullInventory());
  useHealthStore().replace({ evaluatedAt: at(0), thresholds: undefined as never, resources: [], services: [] } as never);
  core = installFakeCore();
  // The host holds timeline entries of minutes 1–40 and one RDS event at minute 20; the Overview
  // asked for the newest 10 per list: minutes 31–40 come, 30 older are counted.
  core.answer('live.subscribe', (payload: { lists?: string[] }): LiveHistory => {
    if (!payload.lists?.includes('timeline')) return { metrics: [] };
    return {
      metrics: [],
      timeline: Array.from({ length: 10 }, (_, i) => entry(31 + i)),
      rdsEvents: [{ sourceIdentifier: 'shop-db', sourceType: 'db-instance', date: at(20), message: 'Backing up DB instance', eventCategories: ['backup'] }],
      scalingActivities: [],
      alarmHistory: [],
      older: { timeline: 30 },
    };
  });
});

const rows = (wrapper: ReturnType<typeof mountWithApp>) => wrapper.findAll('[data-testid="recent-event"]').map((row) => row.attributes('data-time'));

describe('Overview: older events load when scrolled back to', () => {
  it('shows the newest rows without a gap, counts the older ones, and loads them when scrolled to the end', async () => {
    core.answer('live.older', (payload: { lists: string[]; before: { time: string; skip: number }; limit: number }): OlderPage => {
      // The page before minute 31: minutes 21–30 (10 of the 30), then the cursor to go on from.
      expect(payload.before).toEqual({ time: at(31), skip: 0 });
      expect(payload.lists).toEqual(['timeline']);
      return { timeline: Array.from({ length: 10 }, (_, i) => entry(21 + i)), rdsEvents: [], older: { timeline: 20 }, next: { time: at(21), skip: 1 } };
    });
    const wrapper = mountWithApp(OverviewView, { attachTo: document.body });
    await flushPromises();
    // Minutes 40 → 31; the RDS event of minute 20 waits: the timeline entries between are not loaded yet.
    expect(wrapper.get('[data-testid="virtual-table"]').attributes('data-row-count')).toBe('10');
    expect(wrapper.get('[data-testid="load-older-events"]').text()).toContain('30 more');

    // The operator scrolls to the last row.
    const viewport = wrapper.get('.vtable__viewport').element as HTMLElement;
    viewport.scrollTop = 10 * 28;
    viewport.dispatchEvent(new Event('scroll'));
    await new Promise((done) => setTimeout(done, 50));
    await flushPromises();
    expect(core.requests.filter((r) => r.channel === 'live.older')).toHaveLength(1);
    // Minutes 40 → 21; the RDS event of minute 20 still waits (timeline minutes 1–20 are not loaded).
    expect(wrapper.get('[data-testid="virtual-table"]').attributes('data-row-count')).toBe('20');
    expect(wrapper.get('[data-testid="load-older-events"]').text()).toContain('20 more');

    // The next page goes on from the host's cursor, and with nothing older left the button goes.
    core.answer('live.older', (payload: { before: { time: string; skip: number } }): OlderPage => {
      expect(payload.before).toEqual({ time: at(21), skip: 1 });
      return { timeline: Array.from({ length: 20 }, (_, i) => entry(1 + i)), rdsEvents: [], older: { timeline: 0 } };
    });
    await wrapper.get('[data-testid="load-older-events"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="load-older-events"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="virtual-table"]').attributes('data-row-count')).toBe('41');
    wrapper.unmount();
  });

  it('once the window holds as many of a list as it keeps, it says so instead of offering pages it could not show', async () => {
    // The window keeps MAX_EVENTS timeline entries: a page beyond them would only push rows out.
    core.answer('live.subscribe', (payload: { lists?: string[] }): LiveHistory => {
      if (!payload.lists?.includes('timeline')) return { metrics: [] };
      return { metrics: [], timeline: Array.from({ length: MAX_EVENTS }, (_, i) => entry(i)), rdsEvents: [], scalingActivities: [], alarmHistory: [], older: { timeline: 500 } };
    });
    const wrapper = mountWithApp(OverviewView);
    await flushPromises();
    expect(wrapper.find('[data-testid="load-older-events"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="older-events-full"]').text()).toContain(`keeps the newest ${MAX_EVENTS.toLocaleString()} of each list`);
    await useOlderEventsStore().loadOlder(['timeline']);
    expect(core.requests.filter((r) => r.channel === 'live.older')).toHaveLength(0);
    wrapper.unmount();
  });

  it('a refused page is said, and the button stays to try again', async () => {
    core.refuse('live.older', 'InvalidRequest', 'bad cursor');
    const wrapper = mountWithApp(OverviewView);
    await flushPromises();
    await wrapper.get('[data-testid="load-older-events"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="older-events-error"]').text()).toContain('Older events could not be loaded');
    expect(wrapper.find('[data-testid="load-older-events"]').exists()).toBe(true);
    expect(rows(wrapper)).toHaveLength(10);
  });
});
