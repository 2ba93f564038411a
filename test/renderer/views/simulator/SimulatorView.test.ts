// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setApi } from '@/api';
import { useSessionStore } from '@/stores/session';
import SimulatorView from '@/views/simulator/SimulatorView.vue';
import { installFakeCore, type FakeCore } from '../../support/fake-api';
import { awsSession, clock, simSession } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';

let core: FakeCore;

beforeEach(() => {
  setActivePinia(createPinia());
  core = installFakeCore();
  const session = useSessionStore();
  session.setSession(simSession);
  session.setClock(clock(0, true, 10));
});
afterEach(() => setApi(undefined));

describe('SimulatorView', () => {
  it('sends pause, resume, step and setSpeed through sim.control and shows the returned clock', async () => {
    let current = clock(0, true, 10);
    core.answer('sim.control', (payload: unknown) => {
      const command = payload as { command: string; seconds?: number; speed?: number };
      if (command.command === 'pause') current = { ...current, running: false };
      if (command.command === 'resume') current = { ...current, running: true };
      if (command.command === 'step') current = { ...current, now: current.now + command.seconds! * 1000 };
      if (command.command === 'setSpeed') current = { ...current, speed: command.speed! };
      return current;
    });
    const wrapper = mountWithApp(SimulatorView);
    expect(wrapper.get('[data-testid="sim-resume"]').attributes('disabled')).toBeDefined();

    await wrapper.get('[data-testid="sim-pause"]').trigger('click');
    await flushPromises();
    expect(useSessionStore().clock?.running).toBe(false);
    expect(wrapper.get('[data-testid="sim-pause"]').attributes('disabled')).toBeDefined();

    await wrapper.get('[data-testid="sim-step"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="sim-clock"]').text()).toBe('2024-01-01 00:01:00');

    await wrapper.get('[data-testid="sim-speed"]').setValue('3600');
    await flushPromises();
    await wrapper.get('[data-testid="sim-resume"]').trigger('click');
    await flushPromises();

    expect(core.requests.map((r) => r.payload)).toEqual([
      { command: 'pause' },
      { command: 'step', seconds: 60 },
      { command: 'setSpeed', speed: 3600 },
      { command: 'resume' },
    ]);
    expect(useSessionStore().clock).toMatchObject({ running: true, speed: 3600 });
    expect(wrapper.findAll('[data-testid="sim-speed"] option').map((o) => o.text())).toEqual(['×1', '×10', '×60', '×600', '×3600']);
  });

  it('reports a refused control as a problem instead of throwing', async () => {
    // No answer registered for sim.control: the fake core refuses with {ok:false, UnknownChannel}.
    const wrapper = mountWithApp(SimulatorView);
    await wrapper.get('[data-testid="sim-pause"]').trigger('click');
    await flushPromises();
    expect(core.requests).toHaveLength(1);
    expect(useSessionStore().problems[0]).toMatchObject({ code: 'UnknownChannel' });
  });

  it('explains that the controls are for simulation mode only', () => {
    useSessionStore().setSession(awsSession);
    const wrapper = mountWithApp(SimulatorView);
    expect(wrapper.find('[data-testid="sim-pause"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('only in simulation mode');
  });
});
