// @vitest-environment happy-dom
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import Route53RecordGroups from '@/views/route53/Route53RecordGroups.vue';
import { optionLabel } from '@/views/simulator/fault-form';
import { fullInventory } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';

beforeEach(() => setActivePinia(createPinia()));

describe('Route 53 details read as lists, not walls of text or bare UUIDs', () => {
  it('shows record values one per line and folds past three behind "+N more"', () => {
    const values = ['ns-1.awsdns-01.org.', 'ns-2.awsdns-02.co.uk.', 'ns-3.awsdns-03.com.', 'ns-4.awsdns-04.net.'];
    const wrapper = mountWithApp(Route53RecordGroups, {
      props: {
        groups: [{ key: 'example.com.|NS', name: 'example.com.', records: [{ name: 'example.com.', type: 'NS', routingPolicy: 'simple', ttl: 172800, resourceRecords: values }] }],
        healthChecks: [],
      } as never,
    });
    const cell = wrapper.get('[data-testid="record-values"]');
    expect(cell.findAll('.record-values__line').slice(0, 3).map((line) => line.text())).toEqual(values.slice(0, 3));
    expect(cell.get('summary').text()).toBe('+1 more');
  });

  it('offers a health check in the fault form by what it checks, with a short id', () => {
    const inventory = fullInventory();
    const check = { id: '0f1e2d3c-aaaa-bbbb-cccc-000000000001', type: 'HTTPS', fullyQualifiedDomainName: 'www.example.com', port: 443, resourcePath: '/health', status: 'Healthy' as const };
    expect(optionLabel('HealthCheckId', check.id, { ...inventory, healthChecks: [check] })).toBe('www.example.com:443/health · 0f1e2d3c…');
    expect(optionLabel('AutoScalingGroupName', 'web-asg', inventory)).toBe('web-asg');
  });
});
