// @vitest-environment happy-dom
/** Issue 17 item 5: a twin is marked as a rehearsal of account/region/window; "Open as twin" asks the core, which switches. */
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionInfo } from '@contract';
import TheTwinBanner from '@/components/layout/TheTwinBanner.vue';
import TheEnvironmentBanner from '@/components/layout/TheEnvironmentBanner.vue';
import SimulatorTwinPanel from '@/views/simulator/SimulatorTwinPanel.vue';
import { useSessionStore } from '@/stores/session';
import { awsSession } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';
import { installFakeCore, type FakeCore } from '../../support/fake-api';

const twinSession: SessionInfo = {
  mode: 'simulation',
  scenarioName: 'twin',
  seed: 1,
  region: 'eu-west-1',
  twin: { source: { account: '123456789012', region: 'eu-west-1', profile: 'prod' }, windowStart: '2026-12-06T00:00:00.000Z', windowEnd: '2026-12-07T00:00:00.000Z', periodSeconds: 300, placeholders: 2 },
};

let core: FakeCore;

beforeEach(() => {
  setActivePinia(createPinia());
  core = installFakeCore();
});

describe('twin in the window', () => {
  it('marks a twin with its account, region and window, and says no AWS call is made', () => {
    useSessionStore().setSession(twinSession);
    const text = mountWithApp(TheTwinBanner).get('[data-testid="twin-banner"]').text();
    expect(text).toContain('Twin of account 123456789012 in eu-west-1');
    expect(text).toContain('replaying 2026-12-06 00:00 UTC – 2026-12-07 00:00 UTC');
    expect(text).toContain('no AWS call is made');
    expect(text).toContain('2 secret values left out');
  });

  it('shows no twin banner for an ordinary scenario or in AWS mode', () => {
    useSessionStore().setSession({ mode: 'simulation', scenarioName: 'shop', seed: 1, region: 'us-east-1' });
    expect(mountWithApp(TheTwinBanner).find('[data-testid="twin-banner"]').exists()).toBe(false);
    useSessionStore().setSession(awsSession);
    expect(mountWithApp(TheTwinBanner).find('[data-testid="twin-banner"]').exists()).toBe(false);
  });

  it('"Open as twin" in a connected AWS session asks the core for 24 hours', async () => {
    useSessionStore().setSession({ ...(awsSession as Extract<SessionInfo, { mode: 'aws' }>), credentialState: 'connected' });
    let finish: (value: unknown) => void = () => undefined;
    core.answer('aws.twin.open', () => new Promise((resolve) => (finish = resolve)));
    const wrapper = mountWithApp(TheEnvironmentBanner);
    await wrapper.get('[data-testid="open-as-twin"]').trigger('click');
    await flushPromises();
    core.emit('twin.progress', { stage: 'history', call: 1, calls: 2, series: 350 });
    await flushPromises();
    expect(wrapper.get('[data-testid="open-as-twin-progress"]').text()).toBe('History: call 1 of 2 (350 series read)');
    finish({ session: twinSession, file: '/tmp/twin.yaml', warnings: [] });
    await flushPromises();
    expect(wrapper.find('[data-testid="open-as-twin-progress"]').exists()).toBe(false);
    expect(core.requests).toEqual([{ channel: 'aws.twin.open', payload: { hours: 24 } }]);
  });

  it('lists the fit per series, and "not enough data" instead of a figure', async () => {
    useSessionStore().setSession(twinSession);
    core.answer('sim.twin.fit', () => ({
      method: 'wape',
      minPoints: 12,
      series: [
        { kind: 'cpu', resource: 'web-asg', namespace: 'AWS/EC2', metricName: 'CPUUtilization', stat: 'Average', points: 36, error: 0.083, verdict: 'measured' },
        { kind: 'latency', resource: 'web', namespace: 'AWS/ApplicationELB', metricName: 'TargetResponseTime', stat: 'Average', points: 6, error: null, verdict: 'notEnoughData' },
      ],
    }));
    const wrapper = mountWithApp(SimulatorTwinPanel);
    await flushPromises();
    expect(wrapper.get('tr[data-kind="cpu"]').text()).toContain('8.3 %');
    expect(wrapper.get('tr[data-kind="latency"]').text()).toContain('not enough data');
  });
});
