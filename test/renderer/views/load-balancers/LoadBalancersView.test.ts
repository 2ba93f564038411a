// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { useInventoryStore } from '@/stores/inventory';
import LoadBalancersView from '@/views/load-balancers/LoadBalancersView.vue';
import { snapshot } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';

beforeEach(() => {
  setActivePinia(createPinia());
  useInventoryStore().replace(snapshot().inventory);
});

describe('LoadBalancersView', () => {
  it('lists load balancers and per-target health with reason codes', () => {
    const wrapper = mountWithApp(LoadBalancersView);
    const lb = wrapper.get('[data-testid="load-balancer-row"]');
    expect(lb.attributes('data-name')).toBe('shop-alb');
    expect(lb.text()).toContain('shop-alb-1.us-east-1.elb.amazonaws.com');
    expect(lb.text()).toContain('Internet-facing');
    const targets = wrapper.findAll('[data-testid="target-row"]');
    expect(targets.map((row) => row.attributes('data-state'))).toEqual(['healthy', 'unhealthy']);
    expect(targets[1]!.text()).toContain('Target.FailedHealthChecks');
    expect(wrapper.get('[data-testid="target-group"]').text()).toContain('1 healthy · 1 unhealthy · 2 total');
    expect(wrapper.get('[data-testid="target-group"]').text()).toContain('shop-alb');
  });

  it('uses the Korean console terms', () => {
    const wrapper = mountWithApp(LoadBalancersView, { locale: 'ko' });
    expect(wrapper.text()).toContain('대상 그룹');
    expect(wrapper.text()).toContain('인터넷 경계');
    expect(wrapper.findAll('[data-testid="target-row"]')[1]!.text()).toContain('비정상');
  });
});
