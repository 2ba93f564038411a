// @vitest-environment happy-dom
/**
 * Operator review: page A opened Promote for shop-db-replica-1, page B rebooted it, page A clicked
 * Confirm. Main refused ("DB instance shop-db-replica-1 is not in available state") while the same
 * dialog still showed "Pass — Status is available" beside it. After a refusal the dialog runs the
 * pre-flight again, so it never shows a Pass main has just contradicted.
 */
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ActionOutcome, ControlAction, PreparedAction } from '@contract';
import ActionDialog from '@/components/actions/ActionDialog.vue';
import { installFakeCore } from '../support/fake-api';
import { mountWithApp } from '../support/mount';

const PROMOTE: ControlAction = { type: 'PromoteReadReplica', dbInstanceIdentifier: 'shop-db-replica-1' };
const params = { id: 'shop-db-replica-1', source: 'shop-db' };

function preflight(status: string, nonce: string): PreparedAction {
  const available = status === 'available';
  return {
    nonce,
    action: PROMOTE,
    summary: { code: 'promote', params: { id: 'shop-db-replica-1' } },
    checks: [
      { code: 'is-replica.yes', status: 'pass', params },
      available ? { code: 'status-available.ok', status: 'pass', params: { id: params.id, status } } : { code: 'status-available.not', status: 'fail', params: { id: params.id, status } },
    ],
    consequences: [{ code: 'promote.irreversible', params: { id: params.id } }],
    allowed: available,
    expiresAt: '2099-01-01T00:00:00.000Z',
  };
}

const refused: ActionOutcome = { action: PROMOTE, accepted: false, message: 'DB instance shop-db-replica-1 is not in available state', refusal: { code: 'not-available', params: { id: params.id, status: 'rebooting' } } };

const checks = () => [...document.body.querySelectorAll('[data-testid="action-check"]')].map((c) => `${c.getAttribute('data-status')} ${c.textContent!.replace(/\s+/g, ' ').trim()}`);

beforeEach(() => {
  setActivePinia(createPinia());
  document.body.innerHTML = '';
});

describe('the confirmation dialog after main refuses', () => {
  it('runs the pre-flight again: no "Pass — Status is available" beside "not in available state"', async () => {
    const core = installFakeCore();
    core.answer('action.prepare', preflight('available', 'n-1'));
    const wrapper = mountWithApp(ActionDialog, { props: { title: 'Promote', action: PROMOTE }, attachTo: document.body });
    await flushPromises();
    expect(checks()[1]).toMatch(/^pass .*Status is available/);

    // Meanwhile another window rebooted the replica.
    core.answer('action.execute', refused);
    core.answer('action.prepare', preflight('rebooting', 'n-2'));
    document.body.querySelector<HTMLButtonElement>('[data-testid="action-execute"]')!.click();
    await flushPromises();

    expect(document.body.querySelector('[data-testid="action-error"]')!.textContent).toContain('shop-db-replica-1');
    expect(checks().some((c) => c.startsWith('pass') && c.includes('Status is available'))).toBe(false);
    // The status in the console's words (Rebooting), as every check text quotes it.
    expect(checks()[1]).toMatch(/^fail .*Rebooting/);
    expect(document.body.querySelector('[data-testid="action-rechecked"]')).not.toBeNull();
    expect(core.requests.filter((r) => r.channel === 'action.prepare')).toHaveLength(2);
    wrapper.unmount();
  });

  it('when the state is back, the fresh confirmation can be confirmed again and the old refusal goes', async () => {
    const core = installFakeCore();
    core.answer('action.prepare', preflight('available', 'n-1'));
    const wrapper = mountWithApp(ActionDialog, { props: { title: 'Promote', action: PROMOTE }, attachTo: document.body });
    await flushPromises();
    core.answer('action.execute', refused);
    core.answer('action.prepare', preflight('available', 'n-2'));
    document.body.querySelector<HTMLButtonElement>('[data-testid="action-execute"]')!.click();
    await flushPromises();
    const nonces: unknown[] = [];
    core.answer('action.execute', (payload: unknown) => {
      nonces.push((payload as { nonce: string }).nonce);
      return { action: PROMOTE, accepted: true, message: 'Promotion started.' };
    });
    document.body.querySelector<HTMLButtonElement>('[data-testid="action-execute"]')!.click();
    await flushPromises();
    expect(nonces).toEqual(['n-2']);
    expect(document.body.querySelector('[data-testid="action-error"]')).toBeNull();
    expect(document.body.querySelector('[data-testid="action-accepted"]')!.textContent).toContain('Promotion started.');
    wrapper.unmount();
  });
});
