// @vitest-environment happy-dom
/**
 * The simulation badge tells the speed the clock really runs at when it is clearly below the speed
 * asked (scale-1000 at ×3600 on a busy 2-core machine ran at about ×750 while the badge said ×3600).
 */
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import TheModeIndicator from '@/components/layout/TheModeIndicator.vue';
import { useSessionStore } from '@/stores/session';
import { mountWithApp } from '../../support/mount';
import { installFakeCore } from '../../support/fake-api';

const START = Date.UTC(2026, 10, 20, 18);

beforeEach(() => {
  setActivePinia(createPinia());
  installFakeCore();
  useSessionStore().setSession({ mode: 'simulation', scenarioName: 'scale-1000', seed: 1, region: 'us-east-1' });
});

function badge(clock: { speed: number; pace?: number; running?: boolean }) {
  useSessionStore().setClock({ now: START, startTime: START, running: clock.running ?? true, speed: clock.speed, ...(clock.pace !== undefined ? { pace: clock.pace } : {}) });
  return mountWithApp(TheModeIndicator).get('[data-testid="sim-state"]');
}

describe('the simulation clock badge', () => {
  it('says ×3600 asked and the speed reached when the machine cannot keep up, with why in its hint', () => {
    const state = badge({ speed: 3600, pace: 748.3 });
    expect(state.text()).toContain('×3600 asked, reaching ×750');
    expect(state.attributes('data-behind')).toBe('750');
    expect(state.attributes('title')).toContain('cannot simulate the scenario at ×3600');
  });

  it('says only the speed when the clock keeps up (within a fifth), before it is measured, and when paused', () => {
    expect(badge({ speed: 3600, pace: 3550 }).text()).not.toContain('reaching');
    expect(badge({ speed: 3600 }).text()).not.toContain('reaching');
    expect(badge({ speed: 3600, pace: 10, running: false }).text()).not.toContain('reaching');
    expect(badge({ speed: 60, pace: 59.8 }).text()).toContain('×60');
  });

  it('keeps saying so while the pace hovers between 80 % and 90 % of the speed asked (no flicker), and stops above', async () => {
    const session = useSessionStore();
    const state = badge({ speed: 3600, pace: 2800 });
    expect(state.text()).toContain('reaching ×2800');
    session.setClock({ now: START, startTime: START, running: true, speed: 3600, pace: 3000 });
    await nextTick();
    expect(state.text()).toContain('reaching ×3000');
    session.setClock({ now: START, startTime: START, running: true, speed: 3600, pace: 3300 });
    await nextTick();
    expect(state.text()).not.toContain('reaching');
    session.setClock({ now: START, startTime: START, running: true, speed: 3600, pace: 3000 });
    await nextTick();
    expect(state.text()).not.toContain('reaching');
  });
});
