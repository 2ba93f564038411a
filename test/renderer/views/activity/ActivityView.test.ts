// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as CsvModule from '@/utils/csv';
import ActivityView from '@/views/activity/ActivityView.vue';
import { routes } from '@/router';
import { auditRecord } from '../../support/audit-records';
import { installFakeCore, type FakeCore } from '../../support/fake-api';
import { mountWithApp } from '../../support/mount';

const downloads: { name: string; content: string; type?: string }[] = [];
vi.mock('@/utils/csv', async (original) => ({
  ...(await original<typeof CsvModule>()),
  downloadFile: (name: string, content: string, type?: string) => downloads.push({ name, content, type }),
}));

let core: FakeCore;

beforeEach(() => {
  setActivePinia(createPinia());
  downloads.length = 0;
  core = installFakeCore();
  core.answer('audit.list', {
    records: [
      auditRecord('s1', 6, 'applied', { kind: 'session', mode: 'simulation', profile: 'simulation', scenario: 'shop', accountId: undefined, region: 'us-east-1', action: 'LoadScenario', target: 'serverless', parameters: {} }),
      auditRecord('a1', 5, 'settled'),
      auditRecord('a1', 4, 'accepted'),
      auditRecord('a1', 3, 'intent'),
      auditRecord('p1', 1, 'refused', { kind: 'settings', action: 'UpdateProfileSettings', target: 'prod', message: 'loosens its protection' }),
    ],
    truncated: false,
    skippedLines: 0,
  });
});

const rows = (wrapper: ReturnType<typeof mountWithApp>) => wrapper.findAll('[data-testid="activity-row"]');

describe('ActivityView', () => {
  it('is a routed view with a navigation entry', () => {
    expect(routes.find((r) => r.name === 'activity')).toMatchObject({ path: '/activity', meta: { titleKey: 'nav.activity' } });
  });

  it('lists one row per change: time, mode/profile, account, region, action, target, outcome', async () => {
    const wrapper = mountWithApp(ActivityView);
    await flushPromises();
    expect(rows(wrapper).map((r) => [r.attributes('data-audit-id'), r.attributes('data-outcome')])).toEqual([
      ['s1', 'applied'],
      ['a1', 'settled'],
      ['p1', 'refused'],
    ]);
    const action = rows(wrapper)[1]!.text();
    for (const text of ['2026-11-20 18:03', 'AWS: prod', '111122223333', 'eu-west-1', 'Set desired capacity', 'web-asg', 'Completed']) expect(action).toContain(text);
    expect(rows(wrapper)[0]!.text()).toContain('Simulation: shop');
    expect(wrapper.get('[data-testid="activity-count"]').text()).toBe('3 of 3 changes');
  });

  it('words actions and messages from codes in the operator’s language; the English message only for records without a code', async () => {
    core.answer('audit.list', {
      records: [
        auditRecord('f1', 9, 'applied', {
          kind: 'fault',
          mode: 'simulation',
          action: 'InjectFault:FailTargets',
          target: 'shop-web',
          message: 'shop-web: FailTargets: 1 target of shop-web fail their health checks',
          text: { code: 'faultInjected', params: { resource: 'shop-web' }, timeline: { code: 'fault.injected', params: { kind: 'FailTargets', resource: 'shop-web' } } },
        }),
        auditRecord('s1', 10, 'applied', {
          kind: 'fault',
          mode: 'simulation',
          action: 'StopFault:FailTargets',
          target: 'shop-web',
          message: 'shop-web: shop-web targets pass their health checks again (stopped by an operator)',
          text: { code: 'faultStopped', params: { resource: 'shop-web' }, timeline: { code: 'fault.stopped', params: { kind: 'FailTargets', resource: 'shop-web' } } },
        }),
        auditRecord('r1', 8, 'settled', { action: 'RebootDBInstance', target: 'orders', message: 'orders is available again.', text: { code: 'settled', params: { status: 'available' } } }),
        auditRecord('x1', 7, 'refused', {
          action: 'SetDesiredCapacity',
          message: 'The profile prod is read-only.',
          text: { code: 'refused', params: {}, refusal: { code: 'read-only', params: { profile: 'prod' } } },
        }),
        auditRecord('old', 6, 'failed', { message: 'ValidationError: written before codes' }),
      ],
      truncated: false,
      skippedLines: 0,
    });
    const ko = mountWithApp(ActivityView, { locale: 'ko' });
    await flushPromises();
    const [stopped, fault, reboot, refused, old] = rows(ko).map((r) => r.text());
    expect(stopped).toContain('장애 중지: 대상 장애');
    expect(fault).toContain('장애 주입: 대상 장애');
    expect(reboot).toContain('DB 인스턴스 재부팅');
    expect(reboot).toContain('완료됨: 사용 가능');
    expect(refused).toContain('원하는 용량 설정');
    expect(refused).toContain('프로필 prod은(는) 읽기 전용입니다');
    expect(old).toContain('ValidationError: written before codes');
    ko.unmount();
    const en = mountWithApp(ActivityView);
    await flushPromises();
    expect(rows(en)[0]!.text()).toContain('Stop fault: Fail targets');
    expect(rows(en)[1]!.text()).toContain('Inject fault: Fail targets');
    expect(rows(en)[2]!.text()).toContain('Completed: Available');
    en.unmount();
  });

  it('updates live as records are appended', async () => {
    const wrapper = mountWithApp(ActivityView);
    await flushPromises();
    core.emit('audit.appended', auditRecord('a2', 8, 'intent', { action: 'PromoteReadReplica', target: 'orders-r1' }));
    await flushPromises();
    expect(rows(wrapper)[0]!.attributes()).toMatchObject({ 'data-audit-id': 'a2', 'data-outcome': 'intent' });
    core.emit('audit.appended', auditRecord('a2', 9, 'failed', { action: 'PromoteReadReplica', target: 'orders-r1' }));
    await flushPromises();
    expect(rows(wrapper)[0]!.attributes()).toMatchObject({ 'data-audit-id': 'a2', 'data-outcome': 'failed' });
    expect(rows(wrapper)).toHaveLength(4);
    wrapper.unmount();
  });

  it('filters by text, kind and outcome, and exports what is listed as CSV and JSON', async () => {
    const wrapper = mountWithApp(ActivityView);
    await flushPromises();
    await wrapper.get('[data-testid="activity-filter"]').setValue('web-asg');
    expect(rows(wrapper).map((r) => r.attributes('data-audit-id'))).toEqual(['a1']);
    await wrapper.get('[data-testid="activity-filter"]').setValue('');
    await wrapper.get('[data-testid="activity-kind"]').setValue('settings');
    expect(rows(wrapper).map((r) => r.attributes('data-audit-id'))).toEqual(['p1']);
    await wrapper.get('[data-testid="activity-kind"]').setValue('');
    await wrapper.get('[data-testid="activity-outcome"]').setValue('settled');
    expect(rows(wrapper).map((r) => r.attributes('data-audit-id'))).toEqual(['a1']);

    await wrapper.get('[data-testid="activity-export-csv"]').trigger('click');
    await wrapper.get('[data-testid="activity-export-json"]').trigger('click');
    expect(downloads.map((d) => d.name)).toEqual([expect.stringMatching(/^flightdeck-activity-.*\.csv$/), expect.stringMatching(/^flightdeck-activity-.*\.json$/)]);
    expect(downloads[0]!.content.trim().split('\r\n')).toHaveLength(2);
    expect(JSON.parse(downloads[1]!.content).map((r: { result: string }) => r.result)).toEqual(['intent', 'accepted', 'settled']);
    expect(downloads[1]!.type).toBe('application/json');
  });

  it('speaks Korean', async () => {
    const wrapper = mountWithApp(ActivityView, { locale: 'ko' });
    await flushPromises();
    expect(wrapper.get('h1').text()).toBe('활동');
    expect(rows(wrapper)[1]!.text()).toContain('완료됨');
    expect(wrapper.get('[data-testid="activity-export-csv"]').text()).toBe('CSV 내보내기');
  });
});
