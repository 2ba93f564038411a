// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DnsTrace } from '@contract';
import { useInventoryStore } from '@/stores/inventory';
import { useSessionStore } from '@/stores/session';
import Route53View from '@/views/route53/Route53View.vue';
import { fullInventory, simSession } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';
import apiTrace from '../../support/traces/api-failover.json';
import betaTrace from '../../support/traces/beta-weighted.json';
import { installFakeCore, type FakeCore } from '../../support/fake-api';

const weightedTrace: DnsTrace = {
  name: 'www.example.com.',
  type: 'A',
  from: { continentCode: 'EU', countryCode: 'DE', region: 'eu-central-1' },
  steps: [
    { kind: 'root', server: 'a.root-servers.net.', zone: '.', result: 'referral', records: ['com. NS a.gtld-servers.net.'] },
    { kind: 'tld', server: 'a.gtld-servers.net.', zone: 'com.', result: 'referral', records: ['example.com. NS ns-1.awsdns-01.com.'] },
    { kind: 'authoritative', server: 'ns-1.awsdns-01.com.', zone: 'example.com.', result: 'answer', records: ['www.example.com. 60 A 192.0.2.10'] },
  ],
  answer: {
    values: ['192.0.2.10'],
    type: 'A',
    ttl: 60,
    routingPolicy: 'weighted',
    responseCode: 'NOERROR',
    explanation: [{ code: 'draw.one', params: { set: 'green', percent: '10%' } }],
    candidates: [
      { setIdentifier: 'blue', values: ['198.51.100.1'], weight: 90, probability: 0.9, healthy: true, verdict: { code: 'draw.notDrawn', params: { verdict: { code: 'weighted.verdictShare', params: { percent: '90%' } } } }, chosen: false },
      { setIdentifier: 'green', values: ['192.0.2.10'], weight: 10, probability: 0.1, healthy: true, verdict: { code: 'weighted.verdictShare', params: { percent: '10%' } }, chosen: true },
    ],
  },
  distribution: { '198.51.100.1': 897, '192.0.2.10': 103 },
};

let core: FakeCore;

beforeEach(() => {
  setActivePinia(createPinia());
  core = installFakeCore();
  useSessionStore().setSession(simSession);
  useInventoryStore().replace(fullInventory());
});

describe('Route53View', () => {
  it('groups records by name with their routing policy and health check status', () => {
    const wrapper = mountWithApp(Route53View);
    const groups = wrapper.findAll('[data-testid="record-group"]');
    expect(groups.map((group) => group.attributes('data-name'))).toEqual(['api.example.com.', 'www.example.com.']);
    expect(groups[0]!.findAll('[data-testid="record-row"]').map((row) => row.attributes('data-policy'))).toEqual(['failover', 'failover']);
    expect(groups[0]!.text()).toContain('PRIMARY');
    expect(groups[0]!.text()).toContain('Unhealthy');
    expect(groups[1]!.text()).toContain('weight 90');
    expect(wrapper.get('[data-testid="health-check-row"]').attributes('data-status')).toBe('Unhealthy');
  });

  it('traces a name from a client location and explains the answer, with the distribution next to the weights', async () => {
    core.answer('dns.trace', () => weightedTrace);
    const wrapper = mountWithApp(Route53View);
    await wrapper.get('[data-testid="dns-name"]').setValue('www.example.com.');
    await wrapper.get('[data-testid="dns-repeat-toggle"]').setValue(true);
    await wrapper.get('[data-testid="dns-run"]').trigger('click');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(core.requests.at(-1)).toEqual({
      channel: 'dns.trace',
      payload: { name: 'www.example.com.', type: 'A', from: { continentCode: 'EU', countryCode: 'DE', region: 'eu-central-1' }, repeat: 1000 },
    });
    expect(wrapper.findAll('[data-testid="dns-step"]').map((step) => step.attributes('data-kind'))).toEqual(['root', 'tld', 'authoritative']);
    expect(wrapper.get('[data-testid="dns-answer-values"]').text()).toContain('192.0.2.10');
    expect(wrapper.get('[data-testid="dns-explanation"]').text()).toContain('Drew green (10% of answers).');
    expect(wrapper.get('[data-testid="dns-candidate"][data-chosen="false"]').text()).toContain('not drawn this time (90% of answers)');
    expect(wrapper.get('[data-testid="dns-candidate"][data-chosen="true"]').text()).toContain('green');
    const rows = wrapper.findAll('[data-testid="dns-distribution-row"]');
    expect(rows.map((row) => row.attributes('data-answer'))).toEqual(['198.51.100.1', '192.0.2.10']);
    expect(rows[0]!.text()).toContain('89.7 % observed · 90.0 % configured');
  });

  it('renders real resolver output: a weighted alias record resolved 1,000 times, and a failover record', async () => {
    // Both fixtures are `flightdeck dns trace … --scenario global-failover --from DE --json` output.
    core.answer('dns.trace', (payload: unknown) => ((payload as { name: string }).name.startsWith('beta') ? betaTrace : apiTrace));
    const wrapper = mountWithApp(Route53View);
    await wrapper.get('[data-testid="dns-name"]').setValue('beta.example.com');
    await wrapper.get('[data-testid="dns-repeat-toggle"]').setValue(true);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.findAll('[data-testid="dns-step"]').map((step) => step.attributes('data-kind'))).toEqual(betaTrace.steps.map((step) => step.kind));
    const rows = wrapper.findAll('[data-testid="dns-distribution-row"]');
    expect(rows[0]!.text()).toContain('stable');
    expect(rows[0]!.text()).toContain('90.2 % observed · 90.0 % configured');
    expect(rows[1]!.text()).toContain('canary');

    await wrapper.get('[data-testid="dns-name"]').setValue('api.example.com');
    await wrapper.get('[data-testid="dns-repeat-toggle"]').setValue(false);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(core.requests.at(-1)?.payload).not.toHaveProperty('repeat');
    expect(wrapper.get('[data-testid="dns-candidate"][data-chosen="true"]').text()).toContain('primary-eu');
    expect(wrapper.get('[data-testid="dns-explanation"]').text()).toContain('The primary is healthy');
    expect(wrapper.find('[data-testid="dns-distribution"]').exists()).toBe(false);
  });

  it('explains a real trace in Korean: every step, reason and verdict comes from ko.ts, names and values as they are', async () => {
    core.answer('dns.trace', () => apiTrace);
    const wrapper = mountWithApp(Route53View, { locale: 'ko' });
    await wrapper.get('[data-testid="dns-name"]').setValue('api.example.com');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const explanation = wrapper.get('[data-testid="dns-explanation"]').text();
    expect(explanation).toContain('기본 레코드가 정상이므로 보조 레코드와 관계없이 기본 레코드가 응답합니다.');
    expect(explanation).toContain('장애 조치 라우팅을 사용합니다');
    expect(wrapper.get('[data-testid="dns-candidate"][data-chosen="true"]').text()).toContain('정상 기본 레코드');
    expect(wrapper.findAll('[data-testid="dns-step"]')[0]!.text()).toContain('루트 서버가 리졸버를 com. 서버로 안내합니다.');
    expect(wrapper.text()).not.toMatch(/routing|healthy|refers the resolver/);
  });

});
