// @vitest-environment happy-dom
/** Issue 14 item 6: default traffic is announced in the window, translated from its code and parameters. */
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setApi } from '@/api';
import SimulatorView from '@/views/simulator/SimulatorView.vue';
import { type FakeCore } from '../../support/fake-api';
import { simSession } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';
import { startSimulatorSession } from './simulator-session';

let core: FakeCore;

beforeEach(() => {
  core = startSimulatorSession();
  core.answer('sim.scenarios.list', { current: 'shop', scenarios: [{ name: 'shop' }] });
  core.answer('sim.faultKinds', []);
  core.answer('sim.scenario.load', {
    session: simSession,
    warnings: [],
    notices: [{ code: 'defaultTraffic', params: { population: 'default-site', target: 'site-1.us-east-1.elb.amazonaws.com', rate: 20 } }],
  });
});
afterEach(() => setApi(undefined));

describe('scenario notices', () => {
  it('shows the default-traffic notice of a file without Traffic', async () => {
    const wrapper = mountWithApp(SimulatorView);
    await flushPromises();
    const input = wrapper.get('[data-testid="scenario-file"]');
    const file = new File(['Resources: {}'], 'site.yaml', { type: 'text/yaml' });
    Object.defineProperty(input.element, 'files', { value: [file] });
    await input.trigger('change');
    await flushPromises();
    await flushPromises();
    expect(wrapper.get('[data-testid="scenario-notices"]').text()).toBe(
      'No Traffic section: the default population default-site sends 20 requests/s to site-1.us-east-1.elb.amazonaws.com. Add Traffic to choose your own.',
    );
  });
});
