// @vitest-environment happy-dom
/** A scenario file over the window's limit is refused before it is read or sent (issue 10, item 7). */
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_SCENARIO_TEXT_CHARS } from '@contract';
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
  core.answer('sim.scenario.load', { session: simSession, warnings: [] });
});
afterEach(() => setApi(undefined));

async function open(size: number) {
  const wrapper = mountWithApp(SimulatorView);
  await flushPromises();
  const input = wrapper.get('[data-testid="scenario-file"]');
  const file = new File(['Resources: {}'], 'huge.yaml', { type: 'text/yaml' });
  Object.defineProperty(file, 'size', { value: size });
  const read = vi.spyOn(file, 'text');
  Object.defineProperty(input.element, 'files', { value: [file] });
  await input.trigger('change');
  await flushPromises();
  await flushPromises();
  return { wrapper, read };
}

describe('opening a scenario file in the window', () => {
  it('refuses a file one byte over the limit without reading or sending it, saying the limit', async () => {
    const { wrapper, read } = await open(MAX_SCENARIO_TEXT_CHARS + 1);
    expect(read).not.toHaveBeenCalled();
    expect(core.requests.some((r) => r.channel === 'sim.scenario.load')).toBe(false);
    expect(wrapper.findAll('[data-testid="scenario-error"]').map((li) => li.text())).toEqual([
      `huge.yaml is ${MAX_SCENARIO_TEXT_CHARS + 1} bytes; a scenario opened here can be at most ${MAX_SCENARIO_TEXT_CHARS} bytes. Larger files (up to 16 MiB) load with flightdeck sim run or serve --scenario.`,
    ]);
  });

  it('reads and sends a file at the limit', async () => {
    const { read } = await open(MAX_SCENARIO_TEXT_CHARS);
    expect(read).toHaveBeenCalled();
    expect(core.requests.find((r) => r.channel === 'sim.scenario.load')?.payload).toEqual({ fileName: 'huge.yaml', yaml: 'Resources: {}' });
  });
});
