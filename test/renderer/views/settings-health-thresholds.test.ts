// @vitest-environment happy-dom
/** Settings → Health thresholds: read from the core, edited numbers sent as typed, refusals shown. */
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_HEALTH_THRESHOLDS } from '@contract';
import { setApi } from '@/api';
import SettingsHealthThresholds from '@/views/settings/SettingsHealthThresholds.vue';
import { installFakeCore } from '../support/fake-api';
import { mountWithApp } from '../support/mount';

beforeEach(() => setActivePinia(createPinia()));
afterEach(() => setApi(undefined));

describe('SettingsHealthThresholds', () => {
  it('shows the core thresholds, saves an edited number as a number, and shows a refusal', async () => {
    const core = installFakeCore();
    core.answer('health.thresholds.get', { ...DEFAULT_HEALTH_THRESHOLDS, windowMinutes: 10 });
    core.answer('health.thresholds.set', (payload: unknown) => (payload as { thresholds: unknown }).thresholds);
    const wrapper = mountWithApp(SettingsHealthThresholds);
    await flushPromises();
    expect((wrapper.get('[data-testid="threshold-windowMinutes"]').element as HTMLInputElement).value).toBe('10');

    await wrapper.get('[data-testid="threshold-http5xxDegradedPercent"]').setValue('2.5');
    await wrapper.get('[data-testid="health-thresholds"]').trigger('submit');
    await flushPromises();
    const sent = core.requests.find((r) => r.channel === 'health.thresholds.set')!.payload as { thresholds: Record<string, unknown> };
    expect(sent.thresholds).toEqual({ ...DEFAULT_HEALTH_THRESHOLDS, windowMinutes: 10, http5xxDegradedPercent: 2.5 });
    expect(wrapper.text()).toContain('Saved');

    core.refuse('health.thresholds.set', 'InvalidRequest', 'health.thresholds.set: thresholds.http5xxDegradedPercent: must not be above http5xxFailingPercent (5)');
    await wrapper.get('[data-testid="threshold-http5xxDegradedPercent"]').setValue('20');
    await wrapper.get('[data-testid="health-thresholds"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toContain('must not be above http5xxFailingPercent');
  });

  it('a degraded level above its failing one names both fields by their labels and the rule, in either language', async () => {
    // The problem as the core sends it (test/unit/core/contract-error.test.ts checks the core's side).
    const problem = {
      code: 'request.invalidValue',
      params: { channel: 'health.thresholds.set', field: 'thresholds.http5xxDegradedPercent', reason: 'must not be above http5xxFailingPercent (5)', reasonCode: 'value.degradedAboveFailing', 'reason.field': 'http5xxDegradedPercent', 'reason.value': 50, 'reason.other': 'http5xxFailingPercent', 'reason.otherValue': 5 },
    };
    for (const [locale, expected] of [
      ['en', '“Load balancer 5XX: degraded at %” (50) must not be above “Load balancer 5XX: failing at %” (5)'],
      ['ko', '“로드 밸런서 5XX: 저하 기준 %”(50)은(는) “로드 밸런서 5XX: 장애 기준 %”(5)보다 클 수 없습니다'],
    ] as const) {
      const core = installFakeCore();
      core.answer('health.thresholds.get', DEFAULT_HEALTH_THRESHOLDS);
      core.refuse('health.thresholds.set', 'InvalidRequest', 'health.thresholds.set: thresholds.http5xxDegradedPercent: must not be above http5xxFailingPercent (5)', { problem });
      const wrapper = mountWithApp(SettingsHealthThresholds, { locale });
      await flushPromises();
      await wrapper.get('[data-testid="threshold-http5xxDegradedPercent"]').setValue('50');
      await wrapper.get('[data-testid="health-thresholds"]').trigger('submit');
      await flushPromises();
      const alert = wrapper.get('[role="alert"]').text();
      expect(alert).toContain(expected);
      expect(alert).not.toContain('http5xxDegradedPercent');
      wrapper.unmount();
    }
  });
});
