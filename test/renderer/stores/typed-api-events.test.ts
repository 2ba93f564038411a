// @vitest-environment happy-dom
/**
 * Issue 9 item 7: `api-pending.ts` is gone. The action protocol, audit log, profiles and DNS stores
 * go through the one typed api, so an invalid `action.progress` or `audit.appended` event is not
 * dropped silently any more (api-pending's `onDeclared` did): it is reported on the window's
 * problem list like every other invalid event, and the store keeps its state.
 */
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setApi } from '@/api';
import { useActionsStore } from '@/stores/actions';
import { useAuditLogStore } from '@/stores/audit-log';
import { useLiveStore } from '@/stores/live';
import { useSessionStore } from '@/stores/session';
import { installFakeCore, type FakeCore } from '../support/fake-api';
import { snapshot } from '../support/fixtures';

let core: FakeCore;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(async () => {
  setActivePinia(createPinia());
  core = installFakeCore();
  core.answer('snapshot.get', snapshot());
  useLiveStore().start();
  await flush();
});
afterEach(() => {
  useLiveStore().stop();
  setApi(undefined);
});

describe('stores on the typed api report invalid events', () => {
  it('an invalid action.progress is reported as InvalidEvent, naming the channel, and not added', async () => {
    core.refuse('action.prepare', 'NotSupported', 'control actions need an audit log, which this host does not have');
    const actions = useActionsStore();
    await actions.prepare({ type: 'PromoteReadReplica', dbInstanceIdentifier: 'shop-db-replica-1' });
    // The core's refusal comes through with its code and message.
    expect(actions.error?.message).toContain('need an audit log');
    core.emit('action.progress', { auditId: 'a-1', phase: 'sideways' });
    expect(actions.progress).toEqual([]);
    const problems = useSessionStore().problems;
    expect(problems.map((p) => p.code)).toEqual(['InvalidEvent']);
    expect(problems[0]!.message).toContain('action.progress');
  });

  it('an invalid audit.appended is reported, and the log keeps what it had', async () => {
    core.answer('audit.list', { records: [], truncated: false, skippedLines: 0 });
    const audit = useAuditLogStore();
    await audit.start();
    core.emit('audit.appended', { auditId: 'broken' });
    expect(audit.records).toEqual([]);
    expect(useSessionStore().problems.map((p) => [p.code, p.message.includes('audit.appended')])).toEqual([['InvalidEvent', true]]);
    audit.stop();
  });
});
