// @vitest-environment happy-dom
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { changesFromRecords, changesToCsv, changesToJson, useAuditLogStore } from '@/stores/audit-log';
import { auditRecord } from '../support/audit-records';
import { installFakeCore } from '../support/fake-api';

beforeEach(() => setActivePinia(createPinia()));

describe('audit log store (Activity view)', () => {
  it('collapses records into one change per auditId: first time, latest outcome, every record kept', () => {
    const records = [auditRecord('b', 5, 'refused', { kind: 'settings', action: 'UpdateProfileSettings', target: 'prod' }), auditRecord('a', 2, 'settled'), auditRecord('a', 1, 'accepted'), auditRecord('a', 0, 'intent'), auditRecord('c', 0, 'intent')];
    const changes = changesFromRecords(records);
    expect(changes.map((c) => [c.auditId, c.outcome, c.time.slice(11, 16)])).toEqual([
      ['b', 'refused', '18:05'],
      ['a', 'settled', '18:00'],
      // An intent without an outcome stays visible as such (a crash mid-action).
      ['c', 'intent', '18:00'],
    ]);
    expect(changes[1]!.records.map((r) => r.result)).toEqual(['intent', 'accepted', 'settled']);
  });

  it('loads newest first, follows audit.appended live, and filters by text, kind and outcome', async () => {
    const core = installFakeCore();
    core.answer('audit.list', (payload: unknown) => {
      expect(payload).toEqual({ limit: 1000 });
      return { records: [auditRecord('a', 1, 'accepted'), auditRecord('a', 0, 'intent')], truncated: false, skippedLines: 0 };
    });
    const store = useAuditLogStore();
    await store.start();
    expect(store.changes.map((c) => [c.auditId, c.outcome])).toEqual([['a', 'accepted']]);

    core.emit('audit.appended', auditRecord('f', 3, 'intent', { kind: 'fault', mode: 'simulation', profile: 'simulation', scenario: 'serverless', action: 'InjectFault:RaiseFunctionErrorRate', target: 'orders-api' }));
    core.emit('audit.appended', auditRecord('a', 4, 'settled'));
    // An invalid event is ignored, not listed.
    core.emit('audit.appended', { auditId: 'broken' });
    // Rows are ordered by the start time they show: `a` (18:00) settled after `f` began (18:03), and stays below it.
    expect(store.changes.map((c) => [c.auditId, c.outcome, c.time.slice(11, 16)])).toEqual([
      ['f', 'intent', '18:03'],
      ['a', 'settled', '18:00'],
    ]);

    store.filter.text = 'ORDERS';
    expect(store.visible.map((c) => c.auditId)).toEqual(['f']);
    store.filter.text = '';
    store.filter.kind = 'action';
    expect(store.visible.map((c) => c.auditId)).toEqual(['a']);
    store.filter.kind = '';
    store.filter.outcome = 'intent';
    expect(store.visible.map((c) => c.auditId)).toEqual(['f']);

    store.stop();
    core.emit('audit.appended', auditRecord('z', 9, 'intent'));
    expect(store.changes.map((c) => c.auditId)).not.toContain('z');
  });

  it('keeps a record pushed while the first page is in flight (neither lost nor doubled)', async () => {
    const core = installFakeCore();
    let answer!: (value: unknown) => void;
    core.answer('audit.list', () => new Promise((resolve) => (answer = resolve)));
    const store = useAuditLogStore();
    const started = store.start();
    await flushPromises();
    core.emit('audit.appended', auditRecord('late', 5, 'intent'));
    core.emit('audit.appended', auditRecord('both', 4, 'intent'));
    answer({ records: [auditRecord('both', 4, 'intent'), auditRecord('old', 1, 'applied')], truncated: true, skippedLines: 2 });
    await started;
    expect(store.records.map((r) => r.auditId)).toEqual(['late', 'both', 'old']);
    expect(store).toMatchObject({ truncated: true, skippedLines: 2, error: null });
  });

  it('shows a refused read as an error instead of failing', async () => {
    const core = installFakeCore();
    core.refuse('audit.list', 'NotSupported', 'this host keeps no audit log');
    const store = useAuditLogStore();
    await store.start();
    expect(store.error).toMatchObject({ code: 'NotSupported', message: 'this host keeps no audit log' });
  });

  it('exports CSV (RFC 4180 quoting) and JSON (every record, oldest first)', () => {
    const changes = changesFromRecords([auditRecord('a', 1, 'failed', { message: 'InvalidDBInstanceState: "backing-up", retry later' }), auditRecord('a', 0, 'intent')]);
    const csv = changesToCsv(changes).split('\r\n');
    expect(csv[0]).toBe('time_utc,audit_id,kind,actor,mode,profile,scenario,account,region,action,target,outcome,parameters,message');
    expect(csv[1]).toBe(
      '2026-11-20T18:00:00.000Z,a,action,web,aws,prod,,111122223333,eu-west-1,SetDesiredCapacity,web-asg,failed,"{""autoScalingGroupName"":""web-asg"",""desiredCapacity"":4}","InvalidDBInstanceState: ""backing-up"", retry later"',
    );
    expect(JSON.parse(changesToJson(changes)).map((r: { result: string }) => r.result)).toEqual(['intent', 'failed']);
  });
});
