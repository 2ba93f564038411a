// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setApi } from '@/api';
import { useEventsStore } from '@/stores/events';
import { useInventoryStore } from '@/stores/inventory';
import { useSessionStore } from '@/stores/session';
import SimulatorView from '@/views/simulator/SimulatorView.vue';
import { type FakeCore } from '../../support/fake-api';
import { START, awsSession, clock, fullInventory, simSession } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';
import { startSimulatorSession } from './simulator-session';

let core: FakeCore;

const FAULT_KINDS = [
  { type: 'FailAvailabilityZone', description: 'AZ down', parameters: { type: 'object', properties: { AvailabilityZone: { type: 'string', pattern: '^[a-z]{2}(-[a-z]+)+-\\d[a-z]$' } }, required: ['AvailabilityZone'] } },
  { type: 'RaiseReplicaLag', description: 'lag', parameters: { type: 'object', properties: { DBInstanceIdentifier: { type: 'string' }, LagSeconds: { type: 'number', exclusiveMinimum: 0 } }, required: ['DBInstanceIdentifier', 'LagSeconds'] } },
  { type: 'FailHealthCheck', description: 'hc', parameters: { type: 'object', properties: { HealthCheckId: { type: 'string' } }, required: ['HealthCheckId'] } },
  { type: 'MultiplyTraffic', description: 'traffic', parameters: { type: 'object', properties: { Factor: { type: 'number' }, Name: { type: 'string' } }, required: ['Factor'] } },
];

beforeEach(() => {
  core = startSimulatorSession();
  useInventoryStore().replace(fullInventory());
  core.answer('sim.scenarios.list', { current: 'shop', scenarios: [{ name: 'shop', description: 'Online shop' }, { name: 'global-failover' }] });
  core.answer('sim.faultKinds', FAULT_KINDS);
});
afterEach(() => setApi(undefined));

describe('SimulatorView', () => {
  it('sends pause, resume, step, setSpeed and reset through sim.control and shows the returned clock', async () => {
    let current = clock(0, true, 10);
    core.answer('sim.control', (payload: unknown) => {
      const command = payload as { command: string; seconds?: number; speed?: number };
      if (command.command === 'pause') current = { ...current, running: false };
      if (command.command === 'resume') current = { ...current, running: true };
      if (command.command === 'step') current = { ...current, now: current.now + command.seconds! * 1000 };
      if (command.command === 'setSpeed') current = { ...current, speed: command.speed! };
      if (command.command === 'reset') current = clock(0, true, current.speed);
      return current;
    });
    const wrapper = mountWithApp(SimulatorView);
    await flushPromises();
    expect(wrapper.find('[data-testid="sim-resume"]').exists()).toBe(false);

    await wrapper.get('[data-testid="sim-pause"]').trigger('click');
    await flushPromises();
    expect(useSessionStore().clock?.running).toBe(false);

    await wrapper.get('[data-testid="sim-step"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="sim-clock"]').text()).toBe('2024-01-01 00:01:00');

    await wrapper.get('[data-testid="sim-speed"]').setValue('3600');
    await flushPromises();
    await wrapper.get('[data-testid="sim-resume"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="sim-reset"]').trigger('click');
    await flushPromises();

    expect(core.requests.filter((r) => r.channel === 'sim.control').map((r) => r.payload)).toEqual([
      { command: 'pause' },
      { command: 'step', seconds: 60 },
      { command: 'setSpeed', speed: 3600 },
      { command: 'resume' },
      { command: 'reset' },
    ]);
    expect(useSessionStore().clock).toMatchObject({ running: true, speed: 3600, now: START });
  });

  it('reports a refused control as a problem instead of throwing', async () => {
    const wrapper = mountWithApp(SimulatorView);
    await wrapper.get('[data-testid="sim-pause"]').trigger('click');
    await flushPromises();
    expect(useSessionStore().problems[0]).toMatchObject({ code: 'UnknownChannel' });
  });

  it('builds a form per fault kind, pre-filled from the inventory, and injects with one click', async () => {
    core.answer('sim.fault.inject', (payload: unknown) => ({ time: new Date(START).toISOString(), service: 'simulator', kind: (payload as { type: string }).type, resource: 'x', message: 'injected', severity: 'warning' }));
    const wrapper = mountWithApp(SimulatorView);
    await flushPromises();
    const forms = wrapper.findAll('[data-testid="fault-form"]');
    expect(forms.map((form) => form.attributes('data-type'))).toEqual(['FailAvailabilityZone', 'RaiseReplicaLag', 'FailHealthCheck']);
    const az = wrapper.get('[data-type="FailAvailabilityZone"]');
    expect((az.get('[data-testid="fault-field-AvailabilityZone"]').element as HTMLSelectElement).value).toBe('us-east-1a');
    const lag = wrapper.get('[data-type="RaiseReplicaLag"]');
    expect((lag.get('[data-testid="fault-field-DBInstanceIdentifier"]').element as HTMLSelectElement).value).toBe('shop-db-replica-1');

    await az.get('[data-testid="fault-duration"]').setValue('10');
    await az.trigger('submit');
    await flushPromises();
    await lag.trigger('submit');
    await flushPromises();
    await wrapper.get('[data-testid="traffic-3"]').trigger('click');
    await flushPromises();
    expect(core.requests.filter((r) => r.channel === 'sim.fault.inject').map((r) => r.payload)).toEqual([
      { type: 'FailAvailabilityZone', parameters: { AvailabilityZone: 'us-east-1a' }, durationSeconds: 600 },
      { type: 'RaiseReplicaLag', parameters: { DBInstanceIdentifier: 'shop-db-replica-1', LagSeconds: 120 } },
      { type: 'MultiplyTraffic', parameters: { Factor: 3 }, durationSeconds: 900 },
    ]);
  });

  it('answers an Inject in the form the operator clicked: how many of its kind run now, or why it was refused', async () => {
    let running: unknown[] = [];
    core.answer('sim.faults.running', () => running);
    core.answer('sim.fault.inject', (payload: unknown) => {
      running = [{ id: 'fault-1', type: 'FailAvailabilityZone', parameters: { AvailabilityZone: 'us-east-1a' }, startedAt: new Date(START).toISOString() }];
      return { time: new Date(START).toISOString(), service: 'simulator', kind: 'FaultInjected', resource: (payload as { type: string }).type, message: 'injected', severity: 'warning' };
    });
    const wrapper = mountWithApp(SimulatorView);
    await flushPromises();
    const az = wrapper.get('[data-type="FailAvailabilityZone"]');
    expect(az.find('[data-testid="fault-running-count"]').exists()).toBe(false);
    await az.trigger('submit');
    await flushPromises();
    expect(az.get('[data-testid="fault-running-count"]').text()).toBe('1 running');
    expect(wrapper.get('[data-type="RaiseReplicaLag"]').find('[data-testid="fault-running-count"]').exists()).toBe(false);

    core.refuse('sim.fault.inject', 'InvalidRequest', 'A health check with id hc-1 does not exist.');
    const check = wrapper.get('[data-type="FailHealthCheck"]');
    await check.trigger('submit');
    await flushPromises();
    expect(check.get('[data-testid="fault-problem"]').text()).toBe('Not injected: A health check with id hc-1 does not exist.');
    // Shown once, in its form, not again at the top of the panel.
    expect(wrapper.find('[data-testid="fault-error"]').exists()).toBe(false);
    expect(az.find('[data-testid="fault-problem"]').exists()).toBe(false);
  });

  it('injects the numbers an operator typed, required and optional (edited number inputs round-trip)', async () => {
    core.answer('sim.faultKinds', [
      ...FAULT_KINDS,
      {
        type: 'RaiseFunctionErrorRate',
        description: 'errors',
        parameters: { type: 'object', properties: { FunctionName: { type: 'string' }, ErrorRate: { type: 'number', minimum: 0, maximum: 1 }, Count: { type: 'integer', minimum: 1 } }, required: ['FunctionName', 'ErrorRate'] },
      },
    ]);
    core.answer('sim.fault.inject', (payload: unknown) => ({ time: new Date(START).toISOString(), service: 'simulator', kind: (payload as { type: string }).type, resource: 'x', message: 'injected', severity: 'warning' }));
    const wrapper = mountWithApp(SimulatorView);
    await flushPromises();
    const form = wrapper.get('[data-type="RaiseFunctionErrorRate"]');
    await form.get('[data-testid="fault-field-ErrorRate"]').setValue('0.5');
    await form.get('[data-testid="fault-field-Count"]').setValue('3');
    await form.trigger('submit');
    await flushPromises();
    expect(form.find('[role="alert"]').exists()).toBe(false);
    expect(core.requests.filter((r) => r.channel === 'sim.fault.inject').map((r) => r.payload)).toEqual([
      { type: 'RaiseFunctionErrorRate', parameters: { FunctionName: expect.any(String), ErrorRate: 0.5, Count: 3 } },
    ]);
  });

  it('names fault and action timeline entries from their codes, in Korean too (core sends codes; the English message is for the CLI)', async () => {
    useEventsStore().load({
      alarmHistory: [],
      rdsEvents: [],
      timeline: [
        {
          time: new Date(START).toISOString(),
          service: 'simulator',
          kind: 'FaultInjected',
          resource: 'shop-web',
          message: 'FailTargets: 2 targets of shop-web fail (for 300 s)',
          text: { code: 'fault.injectedFor', params: { kind: 'FailTargets', resource: 'shop-web', seconds: 300 } },
          severity: 'warning',
        },
        { time: new Date(START + 60_000).toISOString(), service: 'simulator', kind: 'Action', resource: 'web-asg', message: 'SetDesiredCapacity: 2 → 4', text: { code: 'action.ran', params: { kind: 'SetDesiredCapacity', resource: 'web-asg' } }, severity: 'info' },
      ],
    });
    const english = mountWithApp(SimulatorView);
    await flushPromises();
    expect(english.get('[data-testid="fault-log-entry"]').text()).toContain('Fail targets · shop-web (for 300 s)');
    expect(english.get('[data-testid="action-log-entry"]').text()).toContain('Set desired capacity · web-asg');
    const korean = mountWithApp(SimulatorView, { locale: 'ko' });
    await flushPromises();
    expect(korean.get('[data-testid="fault-log-entry"]').text()).not.toMatch(/Fail|targets of/);
    expect(korean.get('[data-testid="action-log-entry"]').text()).toContain('원하는 용량 설정 · web-asg');
  });

  it('lists running faults with a Stop button, and keeps operator actions apart from faults', async () => {
    let running = [{ id: 'fault-1', type: 'FailAvailabilityZone', parameters: { AvailabilityZone: 'us-east-1a' }, startedAt: new Date(START).toISOString() }];
    core.answer('sim.faults.running', () => running);
    core.answer('sim.fault.stop', () => {
      running = [];
      return { time: new Date(START).toISOString(), service: 'simulator', kind: 'FaultEnded', resource: 'us-east-1a', message: 'us-east-1a is back (stopped by an operator)', severity: 'info' };
    });
    useEventsStore().load({
      alarmHistory: [],
      rdsEvents: [],
      timeline: [
        { time: new Date(START).toISOString(), service: 'simulator', kind: 'FaultInjected', resource: 'us-east-1a', message: 'FailAvailabilityZone: us-east-1a is down', severity: 'warning' },
        { time: new Date(START + 60_000).toISOString(), service: 'simulator', kind: 'Action', resource: 'web-asg', message: 'SetDesiredCapacity: 2 → 4', severity: 'info' },
      ],
    });
    const wrapper = mountWithApp(SimulatorView);
    await flushPromises();
    const row = wrapper.get('[data-testid="running-fault"]');
    expect(row.text()).toContain('Fail an Availability Zone');
    expect(row.text()).toContain('Availability Zone: us-east-1a');
    expect(row.text()).toContain('until stopped or restart');
    expect(wrapper.findAll('[data-testid="fault-log-entry"]').map((li) => li.attributes('data-kind'))).toEqual(['FaultInjected']);
    expect(wrapper.findAll('[data-testid="action-log-entry"]').map((li) => li.text())).toEqual([expect.stringContaining('SetDesiredCapacity: 2 → 4')]);

    await row.get('[data-testid="running-fault-stop"]').trigger('click');
    await flushPromises();
    expect(core.requests.filter((r) => r.channel === 'sim.fault.stop').map((r) => r.payload)).toEqual([{ id: 'fault-1' }]);
    expect(wrapper.find('[data-testid="running-fault"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="running-faults"]').text()).toContain('No fault is running');
  });

  it('names the scenario loaded from a file in the picker, not the one chosen before', async () => {
    let current = 'shop';
    core.answer('sim.scenarios.list', () => ({ current, scenarios: [{ name: 'shop', description: 'Online shop' }, { name: 'global-failover' }] }));
    core.answer('sim.scenario.load', () => {
      current = 'my-stack';
      return { session: simSession, warnings: [] };
    });
    const wrapper = mountWithApp(SimulatorView);
    await flushPromises();
    expect((wrapper.get('[data-testid="scenario-select"]').element as HTMLSelectElement).value).toBe('shop');
    const input = wrapper.get('[data-testid="scenario-file"]');
    Object.defineProperty(input.element, 'files', { value: [new File(['Resources: {}'], 'my-stack.yaml', { type: 'text/yaml' })] });
    await input.trigger('change');
    await vi.waitFor(() => expect(wrapper.find('[data-testid="scenario-from-file"]').exists()).toBe(true));
    await flushPromises();
    // The picker's choice is the file's scenario (happy-dom does not reflect v-model into option.selected
    // for an option inserted before the others): Load is disabled because the choice is what runs.
    expect(wrapper.get('[data-testid="scenario-from-file"]').text()).toContain('my-stack (opened from a file)');
    expect(wrapper.get('[data-testid="scenario-load"]').attributes('disabled')).toBeDefined();
  });

  it('shows every error of a refused scenario file and keeps the current run', async () => {
    core.refuse('sim.scenario.load', 'InvalidRequest', 'bad.yaml:3: Resources.Web.Type: unknown resource type\nbad.yaml:9: Traffic[0].Rate: expected a number');
    const wrapper = mountWithApp(SimulatorView);
    await flushPromises();
    const input = wrapper.get('[data-testid="scenario-file"]');
    const file = new File(['Resources: {}'], 'bad.yaml', { type: 'text/yaml' });
    Object.defineProperty(input.element, 'files', { value: [file] });
    await input.trigger('change');
    await flushPromises();
    await flushPromises();
    expect(wrapper.findAll('[data-testid="scenario-error"]').map((li) => li.text())).toEqual([
      'bad.yaml:3: Resources.Web.Type: unknown resource type',
      'bad.yaml:9: Traffic[0].Rate: expected a number',
    ]);
    expect(core.requests.find((r) => r.channel === 'sim.scenario.load')?.payload).toEqual({ fileName: 'bad.yaml', yaml: 'Resources: {}' });
  });

  it('explains that the controls are for simulation mode only', () => {
    useSessionStore().setSession(awsSession);
    const wrapper = mountWithApp(SimulatorView);
    expect(wrapper.find('[data-testid="sim-pause"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('only in simulation mode');
  });
});
