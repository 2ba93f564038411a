/**
 * AWS enum values (an instance's lifecycle state and health, a DB instance's status and engine, a
 * target group's target type, the Availability Zone `all`) in the words the AWS console uses for
 * them, in the operator's language: English as the AWS console writes them (`available` →
 * "Available", `mysql` → "MySQL Community"), Korean as the AWS Korean console does (`available` →
 * "사용 가능"); where the Korean console keeps the API's word (lifecycle states such as InService),
 * so does ko.ts — still through i18n, so every visible word has one source. The raw API value goes
 * in a tooltip (`title`) where the translated word is shown. A value with no translation (a status
 * AWS added later) is shown as the API spells it.
 */
import { useI18n } from 'vue-i18n';

export const AWS_VALUE_KINDS = ['lifecycleState', 'instanceHealth', 'dbInstanceStatus', 'dbSnapshotStatus', 'dbEngine', 'targetType', 'availabilityZone'] as const;
export type AwsValueKind = (typeof AWS_VALUE_KINDS)[number];

type Translate = (key: string) => string;
type Exists = (key: string) => boolean;

/** The message key of a value: `Pending:Wait` → `awsValues.lifecycleState.Pending_Wait` (a `:` is not a key character). */
export function awsValueKey(kind: AwsValueKind, value: string): string {
  return `awsValues.${kind}.${value.replace(/[^A-Za-z0-9-]/g, '_')}`;
}

export function awsValueText(t: Translate, te: Exists, kind: AwsValueKind, value: string): string {
  const key = awsValueKey(kind, value);
  return te(key) ? t(key) : value;
}

/** In a component: `const awsValue = useAwsValueText(); awsValue('dbInstanceStatus', db.dbInstanceStatus)`. */
export function useAwsValueText(): (kind: AwsValueKind, value: string) => string {
  const { t, te } = useI18n();
  return (kind, value) => awsValueText(t, (key) => te(key), kind, value);
}
