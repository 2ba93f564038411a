// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ControlAction } from '@contract';
import ActionDialog from '@/components/actions/ActionDialog.vue';
import { installFakeCore } from '../support/fake-api';
import { mountWithApp } from '../support/mount';

const RESIZE: ControlAction = { type: 'SetDesiredCapacity', autoScalingGroupName: 'web-asg', desiredCapacity: 7 };

beforeEach(() => {
  setActivePinia(createPinia());
  document.body.innerHTML = '';
});

describe('ActionDialog when the core refuses for safety', () => {
  it('says in the window language that nothing changed when the audit log cannot be written (a code, not Internal)', async () => {
    const core = installFakeCore();
    core.answer('action.prepare', { nonce: 'n-1', action: RESIZE, summary: { code: 'set-capacity', params: { group: 'web-asg', to: 7 } }, checks: [], consequences: [{ code: 'capacity.launch', params: { group: 'web-asg', count: 5 } }], allowed: true, typedConfirmation: 'web-asg', expiresAt: '2026-12-07T03:00:00.000Z' });
    core.refuse('action.execute', 'AuditUnavailable', 'The audit log /cfg/audit-log.jsonl cannot be written (ENOSPC), so nothing was changed.');
    const wrapper = mountWithApp(ActionDialog, { props: { title: 'Set desired capacity', action: RESIZE }, attachTo: document.body, locale: 'ko' });
    await flushPromises();
    const typed = document.body.querySelector<HTMLInputElement>('[data-testid="action-typed-confirmation"]')!;
    typed.value = 'web-asg';
    typed.dispatchEvent(new Event('input'));
    await flushPromises();
    document.body.querySelector<HTMLButtonElement>('[data-testid="action-execute"]')!.click();
    await flushPromises();
    const error = document.body.querySelector('[data-testid="action-error"]')!;
    expect(error.getAttribute('data-code')).toBe('AuditUnavailable');
    expect(error.textContent).toContain('감사 로그를 기록할 수 없어');
    expect(error.textContent).toContain('ENOSPC');
    wrapper.unmount();
  });

  it('explains the cap on pending confirmations', async () => {
    const core = installFakeCore();
    core.refuse('action.prepare', 'TooManyPending', '32 confirmations are already waiting (at most 32).');
    const wrapper = mountWithApp(ActionDialog, { props: { title: 'Set desired capacity', action: RESIZE }, attachTo: document.body });
    await flushPromises();
    const error = document.body.querySelector('[data-testid="action-error"]')!;
    expect(error.getAttribute('data-code')).toBe('TooManyPending');
    expect(error.textContent).toContain('Too many confirmations are waiting');
    wrapper.unmount();
  });
});
