// @vitest-environment happy-dom
/** Open a file with a CloudFormation template, parameter values and a stack name (issue 14, item 2). */
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
  core.answer('sim.scenario.load', { session: simSession, warnings: [] });
});
afterEach(() => setApi(undefined));

async function choose(selector: string, wrapper: ReturnType<typeof mountWithApp>, file: File) {
  const input = wrapper.get(selector);
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true });
  await input.trigger('change');
  await flushPromises();
  await flushPromises();
}

describe('Open a file: a CloudFormation template', () => {
  it('loads the template alone with the parameter values and stack name typed in', async () => {
    const wrapper = mountWithApp(SimulatorView);
    await flushPromises();
    await choose('[data-testid="scenario-template-file"]', wrapper, new File(['Resources: {}'], 'web.yaml', { type: 'text/yaml' }));
    await wrapper.get('[data-testid="scenario-template-parameters"]').setValue('Env=prod\nSize=3');
    await wrapper.get('[data-testid="scenario-template-stack-name"]').setValue('web-prod');
    await wrapper.get('[data-testid="scenario-template-load"]').trigger('click');
    await flushPromises();
    expect(core.requests.find((r) => r.channel === 'sim.scenario.load')?.payload).toEqual({
      fileName: 'web.yaml',
      yaml: '{}',
      template: { fileName: 'web.yaml', yaml: 'Resources: {}' },
      parameters: 'Env=prod\nSize=3',
      stackName: 'web-prod',
    });
  });

  it('sends the chosen template with a scenario file opened afterwards', async () => {
    const wrapper = mountWithApp(SimulatorView);
    await flushPromises();
    await choose('[data-testid="scenario-template-file"]', wrapper, new File(['Resources: {}'], 'web.yaml', { type: 'text/yaml' }));
    await choose('[data-testid="scenario-file"]', wrapper, new File(['Traffic: []'], 'load.yaml', { type: 'text/yaml' }));
    expect(core.requests.find((r) => r.channel === 'sim.scenario.load')?.payload).toEqual({ fileName: 'load.yaml', yaml: 'Traffic: []', template: { fileName: 'web.yaml', yaml: 'Resources: {}' } });
  });
});
