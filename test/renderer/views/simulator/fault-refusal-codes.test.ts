// @vitest-environment happy-dom
/**
 * Issue 9 item 2: a refused fault injection crosses as a problem code and parameters and the form
 * says it in the window's language; the English message shows only for a code the window has no
 * words for (a newer core).
 */
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setApi } from '@/api';
import type { Locale } from '@/i18n';
import { useInventoryStore } from '@/stores/inventory';
import SimulatorView from '@/views/simulator/SimulatorView.vue';
import { type FakeCore } from '../../support/fake-api';
import { fullInventory } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';
import { startSimulatorSession } from './simulator-session';

let core: FakeCore;

const FAULT_KINDS = [
  { type: 'FailHealthCheck', description: 'hc', parameters: { type: 'object', properties: { HealthCheckId: { type: 'string' } }, required: ['HealthCheckId'] } },
  { type: 'RaiseReplicaLag', description: 'lag', parameters: { type: 'object', properties: { DBInstanceIdentifier: { type: 'string' }, LagSeconds: { type: 'number' } }, required: ['DBInstanceIdentifier', 'LagSeconds'] } },
];

beforeEach(() => {
  core = startSimulatorSession();
  useInventoryStore().replace(fullInventory());
  core.answer('sim.scenarios.list', { current: 'shop', scenarios: [{ name: 'shop' }] });
  core.answer('sim.faultKinds', FAULT_KINDS);
  core.answer('sim.faults.running', []);
});
afterEach(() => setApi(undefined));

async function refusedInjection(locale: Locale, type: string, problem?: { code: string; params: Record<string, string | number> }): Promise<string> {
  core.refuse('sim.fault.inject', 'InvalidRequest', 'English: the core’s message for the CLI', problem ? { problem } : {});
  const wrapper = mountWithApp(SimulatorView, { locale });
  await flushPromises();
  const form = wrapper.get(`[data-type="${type}"]`);
  // The form checks its own fields first: give every number field a value so the core is asked.
  for (const input of form.findAll('input[type="number"]')) await input.setValue('2');
  await form.trigger('submit');
  await flushPromises();
  return form.get('[data-testid="fault-problem"]').text();
}

describe('a refused fault injection, from its problem code', () => {
  it('ko: a health check the scenario does not have is said in Korean, not the English message', async () => {
    const shown = await refusedInjection('ko', 'FailHealthCheck', { code: 'fault.healthCheckNotFound', params: { id: 'hc-1' } });
    expect(shown).toBe('주입되지 않음: ID가 hc-1인 상태 확인이 없습니다.');
    expect(shown).not.toContain('English');
  });

  it('en: the same refusal in English, from the code', async () => {
    expect(await refusedInjection('en', 'FailHealthCheck', { code: 'fault.healthCheckNotFound', params: { id: 'hc-1' } })).toBe('Not injected: No health check has the ID hc-1.');
  });

  it('ko: a parameter out of range is worded from the wrapped value code, naming the parameter', async () => {
    const shown = await refusedInjection('ko', 'RaiseReplicaLag', {
      code: 'fault.parameterInvalid',
      params: { kind: 'RaiseReplicaLag', parameter: 'LagSeconds', reason: 'LagSeconds must be at most 604800', reasonCode: 'value.numberAboveMaximum', 'reason.field': 'LagSeconds', 'reason.bound': 604800, 'reason.value': 700000 },
    });
    expect(shown).toBe('주입되지 않음: LagSeconds: LagSeconds은(는) 604800 이하여야 합니다 (입력값: 700000)');
  });

  it('a code this window has no words for (a newer core) shows the English message', async () => {
    expect(await refusedInjection('ko', 'FailHealthCheck', { code: 'fault.somethingNew', params: {} })).toBe('주입되지 않음: English: the core’s message for the CLI');
  });
});
