// @vitest-environment happy-dom
/**
 * A control action whose call failed without saying whether AWS ran it (a 500 after RebootDBInstance):
 * the dialog must not say "failed" — it says the change may have been made, to check the resource,
 * and shows the progress Flightdeck follows.
 */
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ControlAction } from '@contract';
import ActionDialog from '@/components/actions/ActionDialog.vue';
import { installFakeCore } from '../support/fake-api';
import { mountWithApp } from '../support/mount';

const REBOOT: ControlAction = { type: 'RebootDBInstance', dbInstanceIdentifier: 'orders', forceFailover: true };

beforeEach(() => {
  setActivePinia(createPinia());
  document.body.innerHTML = '';
});

describe('ActionDialog when the outcome is unknown', () => {
  for (const [locale, words] of [
    ['en', 'AWS did not say whether the change to orders was made (InternalFailure)'],
    ['ko', 'orders 변경의 적용 여부를 알려 주지 않았습니다(InternalFailure)'],
  ] as const) {
    it(`${locale}: warns to check the resource instead of reporting a failure, and follows it`, async () => {
      const core = installFakeCore();
      core.answer('action.prepare', { nonce: 'n-1', action: REBOOT, summary: { code: 'reboot-failover', params: { id: 'orders' } }, checks: [], consequences: [], allowed: true, expiresAt: '2026-12-07T03:00:00.000Z' });
      core.answer('action.execute', {
        action: REBOOT,
        accepted: false,
        outcomeUnknown: true,
        message: 'Outcome unknown: RebootDBInstance: InternalFailure',
        problem: { code: 'awsCall.transient', params: { awsCode: 'InternalFailure', operation: 'RebootDBInstance', kind: 'transient', service: 'rds', outcome: 'unknown' } },
        auditId: 'act-1',
      });
      const wrapper = mountWithApp(ActionDialog, { props: { title: 'Reboot', action: REBOOT }, attachTo: document.body, locale });
      await flushPromises();
      document.body.querySelector<HTMLButtonElement>('[data-testid="action-execute"]')!.click();
      await flushPromises();
      expect(document.body.querySelector('[data-testid="action-error"]')).toBeNull();
      expect(document.body.querySelector('[data-testid="action-outcome-unknown"]')!.textContent).toContain(words);
      // Done, not failed: no Execute button to send it again from this dialog.
      expect(document.body.querySelector('[data-testid="action-execute"]')).toBeNull();
      wrapper.unmount();
    });
  }
});
