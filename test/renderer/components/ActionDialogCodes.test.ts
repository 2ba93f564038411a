// @vitest-environment happy-dom
/**
 * The confirmation dialog words the core's codes (checks, consequences, summary, refusals) in the
 * window's language: the Korean window shows no English sentence from the core.
 */
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ControlAction, PreparedAction } from '@contract';
import ActionDialog from '@/components/actions/ActionDialog.vue';
import { installFakeCore } from '../support/fake-api';
import { mountWithApp } from '../support/mount';

const PROMOTE: ControlAction = { type: 'PromoteReadReplica', dbInstanceIdentifier: 'orders-r1' };

const prepared: PreparedAction = {
  nonce: 'n-1',
  action: PROMOTE,
  summary: { code: 'promote', params: { id: 'orders-r1' } },
  checks: [
    { code: 'is-replica.yes', status: 'pass', params: { id: 'orders-r1', source: 'orders' } },
    { code: 'replica-lag.behind', status: 'warn', params: { source: 'orders', seconds: 4.5 } },
    { code: 'backup-retention.source-of-replicas', status: 'fail', params: { id: 'orders-r1', replicas: ['leaf-1', 'leaf-2'] } },
  ],
  consequences: [
    { code: 'promote.irreversible', params: { id: 'orders-r1' } },
    { code: 'promote.siblings-unaffected', params: { source: 'orders', replicas: ['orders-r2'] } },
  ],
  allowed: false,
  expiresAt: '2026-12-07T03:00:00.000Z',
};

beforeEach(() => {
  setActivePinia(createPinia());
  document.body.innerHTML = '';
});

describe('ActionDialog words codes through i18n', () => {
  it('English: labels, details with parameters, lists joined, consequences and summary', async () => {
    installFakeCore().answer('action.prepare', prepared);
    const wrapper = mountWithApp(ActionDialog, { props: { title: 'Promote', action: PROMOTE }, attachTo: document.body });
    await flushPromises();
    const body = document.body;
    expect(body.querySelector('[data-testid="action-summary"]')!.textContent!.trim()).toBe('Promote read replica orders-r1 to a standalone DB instance');
    const checks = [...body.querySelectorAll('[data-testid="action-check"]')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
    expect(checks[1]).toContain('Replica is caught up');
    expect(checks[1]).toContain('ReplicaLag 4.5 s: writes made on orders in that time will be missing.');
    expect(checks[2]).toContain('(leaf-1, leaf-2)');
    expect(body.querySelector('[data-testid="action-consequences"]')!.textContent).toContain('The other read replicas of orders (orders-r2) are not affected.');
    wrapper.unmount();
  });

  it('Korean: every check, consequence and the summary in Korean (AWS console terms)', async () => {
    installFakeCore().answer('action.prepare', prepared);
    const wrapper = mountWithApp(ActionDialog, { props: { title: '승격', action: PROMOTE }, attachTo: document.body, locale: 'ko' });
    await flushPromises();
    const body = document.body;
    expect(body.querySelector('[data-testid="action-summary"]')!.textContent).toContain('읽기 전용 복제본 orders-r1');
    const texts = [...body.querySelectorAll('[data-testid="action-check"], [data-testid="action-consequences"] li')].map((c) => c.textContent!);
    expect(texts).toHaveLength(5);
    for (const text of texts) {
      // Identifiers and ReplicaLag (a CloudWatch metric name) stay as they are; no English sentence remains.
      expect(text.replace(/orders(-r\d)?|leaf-\d|ReplicaLag/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    }
    wrapper.unmount();
  });

  it('shows a refusal code in the window language', async () => {
    const core = installFakeCore();
    core.answer('action.prepare', { ...prepared, checks: [], allowed: true });
    core.answer('action.execute', { action: PROMOTE, accepted: false, message: 'DB instance orders-r1 is not in available state.', refusal: { code: 'not-available', params: { id: 'orders-r1' } } });
    const wrapper = mountWithApp(ActionDialog, { props: { title: '승격', action: PROMOTE }, attachTo: document.body, locale: 'ko' });
    await flushPromises();
    document.body.querySelector<HTMLButtonElement>('[data-testid="action-execute"]')!.click();
    await flushPromises();
    expect(document.body.querySelector('[data-testid="action-error"]')!.textContent).toContain('DB 인스턴스 orders-r1이(가) 사용 가능 상태가 아닙니다.');
    wrapper.unmount();
  });

  it('an action AWS refused to run (access denied) is said from its problem code, in Korean', async () => {
    const core = installFakeCore();
    core.answer('action.prepare', { ...prepared, checks: [], allowed: true });
    core.answer('action.execute', {
      action: PROMOTE,
      accepted: false,
      message: 'User: arn:aws:iam::1:user/x is not authorized to perform: rds:PromoteReadReplica',
      problem: { code: 'awsCall.accessDenied', params: { operation: 'PromoteReadReplica', permission: 'rds:PromoteReadReplica', awsCode: 'AccessDenied' } },
    });
    const wrapper = mountWithApp(ActionDialog, { props: { title: '승격', action: PROMOTE }, attachTo: document.body, locale: 'ko' });
    await flushPromises();
    document.body.querySelector<HTMLButtonElement>('[data-testid="action-execute"]')!.click();
    await flushPromises();
    const shown = document.body.querySelector('[data-testid="action-error"]')!.textContent!;
    expect(shown).toContain('PromoteReadReplica에 대한 액세스가 거부되었습니다. rds:PromoteReadReplica 권한을 부여하세요.');
    expect(shown).not.toContain('not authorized');
    wrapper.unmount();
  });
});
