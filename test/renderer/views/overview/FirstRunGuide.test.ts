// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { useInventoryStore } from '@/stores/inventory';
import { useSessionStore } from '@/stores/session';
import FirstRunGuide from '@/views/overview/FirstRunGuide.vue';
import { GUIDE_SETTING } from '@/views/overview/first-run-guide';
import { clock, emptyInventory, fullInventory } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';

function simulation(): void {
  const session = useSessionStore();
  session.setSession({ mode: 'simulation', scenarioName: 'shop', seed: 42, region: 'us-east-1' });
  session.setClock(clock(0, true, 60));
}

beforeEach(() => {
  localStorage.clear();
  setActivePinia(createPinia());
  useInventoryStore().replace(fullInventory());
});

describe('FirstRunGuide', () => {
  it('says what the user is looking at and links three things to try to where they happen', () => {
    simulation();
    const wrapper = mountWithApp(FirstRunGuide);
    expect(wrapper.get('[data-testid="guide-what"]').text()).toContain('simulated AWS account running the shop scenario');
    expect(wrapper.get('[data-testid="guide-what"]').text()).toContain('×60');
    const steps = wrapper.findAll('[data-testid="guide-step"]');
    expect(steps.map((s) => s.attributes('data-step'))).toEqual(['az', 'dns', 'promote']);
    // A failover or weighted name is the one worth tracing; the replica is the available one.
    expect(steps[1]!.text()).toContain('follow www.example.com from the root name servers');
    expect(steps[2]!.text()).toContain('RDS → shop-db-replica-1 → Promote');
    expect(wrapper.findAll('[data-testid="guide-link"]').map((a) => a.attributes('href'))).toEqual([
      '#/simulator',
      '#/route53?focus=www.example.com.',
      '#/rds?focus=shop-db-replica-1',
    ]);
  });

  it('stays hidden once dismissed, also after a reload (localStorage)', async () => {
    simulation();
    const wrapper = mountWithApp(FirstRunGuide);
    await wrapper.get('[data-testid="guide-dismiss"]').trigger('click');
    expect(wrapper.find('[data-testid="first-run-guide"]').exists()).toBe(false);
    expect(localStorage.getItem(GUIDE_SETTING)).toBe('dismissed');
    expect(mountWithApp(FirstRunGuide).find('[data-testid="first-run-guide"]').exists()).toBe(false);
  });

  it('is not shown in AWS mode, where promoting a replica would be real', () => {
    useSessionStore().setSession({ mode: 'aws', profile: 'prod', region: 'eu-west-1', readOnly: false } as never);
    expect(mountWithApp(FirstRunGuide).find('[data-testid="first-run-guide"]').exists()).toBe(false);
  });

  it('speaks Korean with the AWS console terms, and traces the zone itself without a record to name', () => {
    simulation();
    useInventoryStore().replace({ ...fullInventory(), recordSets: [] });
    const wrapper = mountWithApp(FirstRunGuide, { locale: 'ko' });
    const text = wrapper.text();
    expect(text).toContain('가용 영역 장애 주입');
    expect(text).toContain('읽기 전용 복제본 승격');
    expect(text).toContain('DNS 추적');
    expect(wrapper.findAll('[data-testid="guide-link"]').map((a) => a.attributes('href'))).toEqual(['#/simulator', '#/route53', '#/rds?focus=shop-db-replica-1']);
  });

  it('says only what the scenario has, and offers only what it can do (scale-1000: no Route 53, RDS or Lambda)', () => {
    simulation();
    const full = fullInventory();
    useInventoryStore().replace({ ...emptyInventory(), loadBalancers: full.loadBalancers, targetGroups: full.targetGroups, autoScalingGroups: full.autoScalingGroups });
    const wrapper = mountWithApp(FirstRunGuide);
    const what = wrapper.get('[data-testid="guide-what"]').text();
    expect(what).toContain('running the shop scenario: Application Load Balancer, Auto Scaling, with their CloudWatch metrics');
    expect(what).not.toMatch(/Route 53|RDS|Lambda/);
    expect(wrapper.findAll('[data-testid="guide-step"]').map((s) => s.attributes('data-step'))).toEqual(['az']);
  });
});
