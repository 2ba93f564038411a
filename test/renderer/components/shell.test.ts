// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Router } from 'vue-router';
import type { SessionInfo } from '@contract';
import DatasetStatus from '@/components/status/DatasetStatus.vue';
import TheCommandPalette from '@/components/palette/TheCommandPalette.vue';
import TheEnvironmentBanner from '@/components/layout/TheEnvironmentBanner.vue';
import TheStalenessIndicator from '@/components/layout/TheStalenessIndicator.vue';
import { useInventoryStore } from '@/stores/inventory';
import { useSessionStore } from '@/stores/session';
import { useShellStore } from '@/stores/shell';
import { awsSession, fullInventory, simSession } from '../support/fixtures';
import { mountWithApp } from '../support/mount';
import { installFakeCore } from '../support/fake-api';
import { setApi } from '@/api';

beforeEach(() => {
  setActivePinia(createPinia());
  document.body.innerHTML = '';
});

describe('TheEnvironmentBanner', () => {
  it('shows the profile in its environment colour, read-only, and the credential fix', () => {
    useSessionStore().setSession({ ...(awsSession as Extract<SessionInfo, { mode: 'aws' }>), environmentColour: '#d1242f', accountId: '123456789012', credentialState: 'sso-expired', credentialHint: 'aws sso login --profile prod' });
    const wrapper = mountWithApp(TheEnvironmentBanner);
    const banner = wrapper.get('[data-testid="environment-banner"]');
    expect(banner.attributes('style')).toContain('#d1242f');
    expect(banner.attributes('data-read-only')).toBe('true');
    expect(banner.get('[data-testid="read-only"]').text()).toBe('READ-ONLY');
    expect(banner.get('[data-testid="credential-state"]').text()).toContain('aws sso login --profile prod');
    expect(banner.text()).toContain('123456789012');
  });

  it('is absent in simulation', () => {
    useSessionStore().setSession(simSession);
    expect(mountWithApp(TheEnvironmentBanner).find('[data-testid="environment-banner"]').exists()).toBe(false);
  });
});

describe('staleness', () => {
  it('warns when AWS data is older than core’s limit for its dataset, per view and in the header', () => {
    const session = useSessionStore();
    session.setSession(awsSession);
    session.setDatasets({ elbv2: { state: 'ok', fetchedAt: Date.now() - 10 * 60_000, intervalMs: 30_000, staleAfterMs: 90_000 }, rds: { state: 'error', error: { code: 'AccessDenied', message: 'not authorized to rds:DescribeDBInstances', hint: 'Add rds:DescribeDBInstances to the role', problem: { code: 'service.accessDenied', params: { operation: 'DescribeDBInstances', permission: 'rds:DescribeDBInstances' } } } } });
    const header = mountWithApp(TheStalenessIndicator);
    expect(header.get('[data-testid="staleness"]').attributes('data-stale')).toBe('true');
    expect(header.text()).toContain('10 min');
    const view = mountWithApp(DatasetStatus, { props: { services: ['elbv2', 'rds'] } });
    expect(view.get('[data-testid="dataset-stale"]').text()).toContain('Load balancing');
    // The translated problem and its fix, not the core's English hint.
    expect(view.get('[data-testid="dataset-error"]').text()).toContain('Grant rds:DescribeDBInstances to this identity');
  });

  it('never shows in simulation', () => {
    useSessionStore().setSession(simSession);
    expect(mountWithApp(TheStalenessIndicator).find('[data-testid="staleness"]').exists()).toBe(false);
    expect(mountWithApp(DatasetStatus, { props: { services: ['elbv2'] } }).find('[data-testid="dataset-stale"]').exists()).toBe(false);
  });
});

describe('TheCommandPalette', () => {
  it('jumps to a resource in its view with the keyboard', async () => {
    useInventoryStore().replace(fullInventory());
    const wrapper = mountWithApp(TheCommandPalette, { attachTo: document.body });
    const router = (wrapper.vm as unknown as { $router: Router }).$router;
    useShellStore().openPalette();
    await flushPromises();
    const input = document.querySelector<HTMLInputElement>('[data-testid="palette-input"]')!;
    input.value = 'replica';
    input.dispatchEvent(new Event('input'));
    await flushPromises();
    expect(document.querySelector('[data-testid="palette-item"]')!.textContent).toContain('shop-db-replica-1');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await flushPromises();
    await router.isReady();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(router.currentRoute.value.fullPath).toBe('/rds?focus=shop-db-replica-1');
    expect(useShellStore().paletteOpen).toBe(false);
    wrapper.unmount();
  });

  it('finds an instance of any group: while open it asks the host for every group\'s instances, and lets go when closed', async () => {
    const core = installFakeCore();
    const inventory = fullInventory();
    const group = inventory.autoScalingGroups[0]!;
    const instances = group.instances;
    // As a window that lists no instance table gets it: counts only.
    useInventoryStore().replace({ ...inventory, autoScalingGroups: inventory.autoScalingGroups.map((g) => ({ ...g, instances: [] })) });
    core.answer('live.subscribe', (payload: unknown) => {
      const wanted = (payload as { instanceCpu?: string[] }).instanceCpu ?? [];
      return { metrics: [], members: { instances: Object.fromEntries(wanted.includes(group.autoScalingGroupName) ? [[group.autoScalingGroupName, instances]] : []), targets: {} } };
    });
    const wrapper = mountWithApp(TheCommandPalette, { attachTo: document.body });
    await flushPromises();
    useShellStore().openPalette();
    await flushPromises();
    expect(core.subscriptions.at(-1)).toMatchObject({ instanceCpu: inventory.autoScalingGroups.map((g) => g.autoScalingGroupName) });
    const input = document.querySelector<HTMLInputElement>('[data-testid="palette-input"]')!;
    input.value = instances[0]!.instanceId;
    input.dispatchEvent(new Event('input'));
    await flushPromises();
    expect(document.querySelector('[data-testid="palette-item"]')!.textContent).toContain(instances[0]!.instanceId);
    useShellStore().closePalette();
    await flushPromises();
    expect((core.subscriptions.at(-1) as { instanceCpu?: string[] }).instanceCpu ?? []).toEqual([]);
    wrapper.unmount();
    setApi(undefined);
  });
});
