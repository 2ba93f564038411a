// @vitest-environment happy-dom
/** Records by name shows each group's zone, public or private (issue 11 item 8: split-horizon records looked identical). */
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { HostedZone, ResourceRecordSet } from '@contract';
import Route53RecordGroups from '@/views/route53/Route53RecordGroups.vue';
import { groupRecords } from '@/views/route53/record-groups';
import { mountWithApp } from '../../support/mount';

beforeEach(() => setActivePinia(createPinia()));

const zones: HostedZone[] = [
  { id: 'ZPUBLIC', name: 'example.com', privateZone: false, nameServers: [] },
  { id: 'ZPRIVATE', name: 'example.com', privateZone: true, nameServers: [] },
];
const record = (zone: string, value: string): ResourceRecordSet => ({ hostedZoneId: zone, name: 'api.example.com', type: 'A', ttl: 60, resourceRecords: [value], routingPolicy: 'simple' }) as ResourceRecordSet;

describe('Route53RecordGroups', () => {
  it('tells split-horizon records apart by their zone, public or private', () => {
    const groups = groupRecords([record('ZPUBLIC', '203.0.113.10'), record('ZPRIVATE', '10.0.1.10')]);
    const wrapper = mountWithApp(Route53RecordGroups, { props: { groups, healthChecks: [], zones } });
    const cells = wrapper.findAll('[data-testid="record-zone"]');
    expect(cells.map((c) => [c.attributes('title'), c.attributes('data-private'), c.text()])).toEqual([
      ['ZPUBLIC', 'false', 'example.comPublic'],
      ['ZPRIVATE', 'true', 'example.comPrivate'],
    ]);
    expect(wrapper.get('thead').text()).toContain('Hosted zone');
  });

  it('reads 호스팅 영역 and 프라이빗 in Korean', () => {
    const groups = groupRecords([record('ZPRIVATE', '10.0.1.10')]);
    const wrapper = mountWithApp(Route53RecordGroups, { props: { groups, healthChecks: [], zones }, locale: 'ko' });
    expect(wrapper.get('thead').text()).toContain('호스팅 영역');
    expect(wrapper.get('[data-testid="record-zone"]').text()).toContain('프라이빗');
  });
});
