/** Audit records as the core writes them: an intent, then its outcome under the same auditId. */
import type { AuditRecord } from '@contract';

export function auditRecord(auditId: string, minute: number, result: AuditRecord['result'], overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    time: new Date(Date.UTC(2026, 10, 20, 18, minute)).toISOString(),
    auditId,
    kind: 'action',
    actor: 'web',
    mode: 'aws',
    profile: 'prod',
    accountId: '111122223333',
    region: 'eu-west-1',
    action: 'SetDesiredCapacity',
    target: 'web-asg',
    parameters: { autoScalingGroupName: 'web-asg', desiredCapacity: 4 },
    result,
    message: result === 'intent' ? 'SetDesiredCapacity web-asg' : `${result} by AWS`,
    ...overrides,
  };
}
