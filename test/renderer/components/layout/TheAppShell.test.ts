// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { h, type FunctionalComponent } from 'vue';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setApi } from '@/api';
import TheAppShell from '@/components/layout/TheAppShell.vue';
import TheErrorBoundary from '@/components/layout/TheErrorBoundary.vue';
import { fatalError } from '@/error-report';
import { useSessionStore } from '@/stores/session';
import { awsSession, clock, simSession } from '../../support/fixtures';
import { installFakeCore } from '../../support/fake-api';
import { mountWithApp } from '../../support/mount';

beforeEach(() => {
  setActivePinia(createPinia());
  installFakeCore();
});
afterEach(() => {
  setApi(undefined);
  fatalError.value = null;
});

describe('TheAppShell', () => {
  it('shows the simulation, its virtual clock in UTC and whether it runs', async () => {
    const session = useSessionStore();
    session.setConnection('open');
    session.setSession(simSession);
    session.setClock(clock(90, false, 60));
    const wrapper = mountWithApp(TheAppShell);
    await flushPromises();
    expect(wrapper.get('[data-testid="mode-indicator"]').text()).toBe('Simulation · shop · seed 7');
    expect(wrapper.get('[data-testid="virtual-clock"]').text()).toBe('2024-01-01 01:30:00 UTC');
    expect(wrapper.get('[data-testid="sim-state"]').attributes('data-running')).toBe('false');
    expect(wrapper.get('[data-testid="sim-state"]').text()).toContain('Paused · ×60');
    expect(wrapper.find('[data-testid="connection-banner"]').exists()).toBe(false);
    expect(wrapper.findAll('nav a').map((a) => a.text())).toEqual(['Overview', 'Load balancers', 'Auto Scaling', 'Route 53', 'RDS', 'Lambda', 'Simulator', 'Settings', 'Activity']);
  });

  it('shows an AWS profile and region, in Korean', async () => {
    const session = useSessionStore();
    session.setSession(awsSession);
    const wrapper = mountWithApp(TheAppShell, { locale: 'ko' });
    await flushPromises();
    expect(wrapper.get('[data-testid="mode-indicator"]').text()).toBe('AWS · prod · ap-northeast-2');
    expect(wrapper.find('[data-testid="virtual-clock"]').exists()).toBe(false);
    expect(wrapper.findAll('nav a').map((a) => a.text())).toContain('로드 밸런서');
  });

  it('shows a reconnecting banner while the transport is down, and problems until dismissed', async () => {
    const session = useSessionStore();
    session.setConnection('closed');
    session.reportProblem(new Error('sim.control refused'));
    const wrapper = mountWithApp(TheAppShell);
    await flushPromises();
    expect(wrapper.get('[data-testid="connection-banner"]').text()).toBe('Connection to Flightdeck lost. Reconnecting…');
    expect(wrapper.get('[data-testid="problem-banner"]').text()).toContain('sim.control refused');
    await wrapper.get('[data-testid="problem-banner"] button').trigger('click');
    expect(wrapper.find('[data-testid="problem-banner"]').exists()).toBe(false);
    session.setConnection('open');
    await flushPromises();
    expect(wrapper.find('[data-testid="connection-banner"]').exists()).toBe(false);
  });

  it('tells, above every view, that the settings file could not be used and every profile is read-only', async () => {
    const core = installFakeCore();
    const file = '/home/op/.config/flightdeck/settings.json';
    core.answer('settings.get', { settings: { version: 1, profiles: {} }, status: 'blocked', file, diagnostics: [{ code: 'unparseable', severity: 'blocking', params: { file, detail: 'Unexpected end of JSON input' } }] });
    const session = useSessionStore();
    session.setConnection('open');
    session.setSession(awsSession);
    const wrapper = mountWithApp(TheAppShell);
    await flushPromises();
    const banner = wrapper.get('[data-testid="settings-file-banner"]');
    expect(banner.text()).toContain('every AWS profile is read-only until you decide');
    expect(banner.text()).toContain('It is not valid JSON (Unexpected end of JSON input).');
    expect(banner.text()).toContain(file);
  });
});

describe('TheErrorBoundary', () => {
  it('replaces a crashed subtree with the error text and a Reload button', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    // A functional component that fails while rendering, below the boundary.
    const Throwing: FunctionalComponent = () => {
      throw new Error('boom in render');
    };
    const wrapper = mountWithApp(TheErrorBoundary, { slots: { default: () => h(Throwing) } });
    await flushPromises();
    expect(wrapper.get('[data-testid="error-boundary"]').text()).toContain('Something went wrong');
    expect(wrapper.get('[data-testid="error-message"]').text()).toBe('Error: boom in render');
    const reload = vi.fn();
    vi.stubGlobal('location', { ...window.location, reload });
    await wrapper.get('[data-testid="error-reload"]').trigger('click');
    expect(reload).toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});
