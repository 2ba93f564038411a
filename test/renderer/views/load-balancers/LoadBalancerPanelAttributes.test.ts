// @vitest-environment happy-dom
/** LBA-1/LBA-2 in the view: IP address type, deletion protection first, defaults marked, changes highlighted. */
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LoadBalancer } from '@contract';
import LoadBalancerPanelAttributes from '@/views/load-balancers/LoadBalancerPanelAttributes.vue';
import { mountWithApp } from '../../support/mount';

const base: LoadBalancer = {
  loadBalancerArn: 'arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/web/1',
  loadBalancerName: 'web',
  dnsName: 'web-1.us-east-1.elb.amazonaws.com',
  scheme: 'internet-facing',
  state: 'active',
  availabilityZones: [],
  listeners: [],
};
const attributes = [
  { key: 'deletion_protection.enabled', value: 'true', defaultValue: 'false' },
  { key: 'idle_timeout.timeout_seconds', value: '120', defaultValue: '60' },
  { key: 'routing.http2.enabled', value: 'true', defaultValue: 'true' },
  { key: 'some.new_attribute', value: 'x' },
];

beforeEach(() => setActivePinia(createPinia()));

describe('LoadBalancerPanelAttributes', () => {
  it('LBA-1: shows the IP address type, ipv4 when not known', () => {
    const dual = mountWithApp(LoadBalancerPanelAttributes, { props: { loadBalancer: { ...base, ipAddressType: 'dualstack' } } });
    expect(dual.get('[data-testid="load-balancer-ip-address-type"]').text()).toBe('Dualstack');
    const plain = mountWithApp(LoadBalancerPanelAttributes, { props: { loadBalancer: base } });
    expect(plain.get('[data-testid="load-balancer-ip-address-type"]').attributes('data-value')).toBe('ipv4');
    expect(plain.text()).toContain('Attributes not read yet');
  });

  it('LBA-2: deletion protection is shown on its own; changed attributes first, all of them (defaults marked) on demand', async () => {
    const wrapper = mountWithApp(LoadBalancerPanelAttributes, { props: { loadBalancer: { ...base, attributes } } });
    expect(wrapper.get('[data-testid="load-balancer-deletion-protection"]').text()).toBe('On');
    expect(wrapper.findAll('[data-testid="load-balancer-attribute"]').map((r) => r.attributes('data-key'))).toEqual(['idle_timeout.timeout_seconds', 'some.new_attribute']);
    expect(wrapper.text()).toContain('2 changed from the default');
    await wrapper.get('[data-testid="load-balancer-attributes-toggle"]').trigger('click');
    const rows = wrapper.findAll('[data-testid="load-balancer-attribute"]');
    expect(rows.map((r) => r.attributes('data-key'))).toEqual(['idle_timeout.timeout_seconds', 'routing.http2.enabled', 'some.new_attribute']);
    expect(rows[0]!.text()).toContain('Connection idle timeout (s)');
    expect(rows[0]!.text()).toContain('changed (default 60)');
    expect(rows[0]!.classes()).toContain('lb-attributes__changed');
    expect(rows[1]!.attributes('data-default')).toBe('true');
    expect(rows[1]!.text()).toContain('default');
    expect(rows[2]!.text()).toContain('some.new_attribute');
  });

  it('LBA-2: Korean uses the console terms', () => {
    const wrapper = mountWithApp(LoadBalancerPanelAttributes, { props: { loadBalancer: { ...base, ipAddressType: 'dualstack', attributes } } });
    const ko = mountWithApp(LoadBalancerPanelAttributes, { props: { loadBalancer: { ...base, ipAddressType: 'dualstack', attributes } }, locale: 'ko' });
    expect(wrapper.text()).toContain('Deletion protection');
    expect(ko.text()).toContain('삭제 방지');
    expect(ko.text()).toContain('이중 스택');
    expect(ko.text()).toContain('유휴 제한 시간');
  });
});

describe('LoadBalancerList', () => {
  it('LBA-1: marks dualstack load balancers in the list, not ipv4 ones', async () => {
    const { default: LoadBalancerList } = await import('@/views/load-balancers/LoadBalancerList.vue');
    const wrapper = mountWithApp(LoadBalancerList, {
      props: { loadBalancers: [{ ...base, ipAddressType: 'dualstack' }, { ...base, loadBalancerName: 'plain', ipAddressType: 'ipv4' }], selected: null, targetGroupCount: () => 0 },
    });
    const rows = wrapper.findAll('[data-testid="lb-list-row"]');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.find('[data-testid="lb-list-ip-type"]').text()).toBe('IPv6');
    expect(rows[0]!.find('[data-testid="lb-list-ip-type"]').attributes('title')).toBe('Dualstack');
    expect(rows[1]!.find('[data-testid="lb-list-ip-type"]').exists()).toBe(false);
  });
});
