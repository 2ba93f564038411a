/**
 * AWS enum values reach the screen through one helper (utils/aws-value-text.ts): every value the
 * contract allows (and every DB status the simulator or AWS mode's follow-up reports) has a message
 * in en and ko, the English one in the console's wording, and a value without one falls back to the
 * API's spelling.
 */
import { describe, expect, it } from 'vitest';
import { AsgInstance, LifecycleState, TargetGroup } from '@contract';
import { messages } from '@/i18n';
import { awsValueKey, awsValueText, type AwsValueKind } from '@/utils/aws-value-text';

function lookup(tree: unknown) {
  const get = (key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
  return { t: (key: string) => String(get(key)), te: (key: string) => typeof get(key) === 'string' };
}

/** Statuses the simulator sets (sim/rds/rds-instance.ts) and the ones AWS mode's follow-up names. */
const DB_STATUSES = ['creating', 'available', 'backing-up', 'modifying', 'rebooting', 'failed', 'incompatible-parameters', 'storage-full'];
const VALUES: [AwsValueKind, string[]][] = [
  ['lifecycleState', LifecycleState.options],
  ['instanceHealth', AsgInstance.shape.healthStatus.options],
  ['targetType', TargetGroup.shape.targetType.options],
  ['dbInstanceStatus', DB_STATUSES],
  ['dbSnapshotStatus', ['creating', 'available', 'copying', 'deleting', 'failed']],
  ['dbEngine', ['mysql', 'postgres', 'mariadb', 'aurora-mysql', 'aurora-postgresql']],
  ['availabilityZone', ['all']],
];

describe('AWS values in the console’s words', () => {
  for (const [locale, tree] of Object.entries(messages)) {
    it(`${locale}: every value the contract allows has a message`, () => {
      const { te } = lookup(tree);
      const missing = VALUES.flatMap(([kind, values]) => values.map((value) => awsValueKey(kind, value))).filter((key) => !te(key));
      expect(missing).toEqual([]);
    });
  }

  it('English follows the console, Korean the Korean console; lifecycle states stay as AWS spells them', () => {
    const en = lookup(messages.en);
    const ko = lookup(messages.ko);
    expect(awsValueText(en.t, en.te, 'dbInstanceStatus', 'available')).toBe('Available');
    expect(awsValueText(ko.t, ko.te, 'dbInstanceStatus', 'available')).toBe('사용 가능');
    expect(awsValueText(en.t, en.te, 'dbEngine', 'mysql')).toBe('MySQL Community');
    expect(awsValueText(ko.t, ko.te, 'targetType', 'instance')).toBe('인스턴스');
    expect(awsValueText(ko.t, ko.te, 'lifecycleState', 'Pending:Wait')).toBe('Pending:Wait');
    expect(awsValueText(ko.t, ko.te, 'lifecycleState', 'InService')).toBe('InService');
  });

  it('a value AWS added later is shown as the API spells it, and zone names stay names', () => {
    const en = lookup(messages.en);
    expect(awsValueText(en.t, en.te, 'dbInstanceStatus', 'some-new-status')).toBe('some-new-status');
    expect(awsValueText(en.t, en.te, 'availabilityZone', 'us-east-1a')).toBe('us-east-1a');
  });
});
