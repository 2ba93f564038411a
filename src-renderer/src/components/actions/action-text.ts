/**
 * Words for the action confirmation: the core sends codes with parameters (contract
 * model-action-codes.ts) and these put them in the operator's language through i18n `actionRules`.
 * A check code is `<check>.<outcome>`: the check's label is `actionRules.check.<check>.label`.
 */
import type { ActionSummary, Consequence, MessageParams, PreflightCheck, Refusal } from '@contract';
import en from '@/i18n/en';
import { awsValueKey, type AwsValueKind } from '@/utils/aws-value-text';
import { formatUtc } from '@/utils/time';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** An instant as the contract carries it (ISO 8601, UTC): shown the way the window shows every time. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/**
 * Parameters that carry an AWS enum value, worded as the rest of the window words it (utils/aws-value-text):
 * "Status: available" read as raw API text in the Korean window, where every status is "사용 가능".
 */
const PARAM_VALUE_KINDS: Readonly<Record<string, AwsValueKind>> = { status: 'dbInstanceStatus' };

/** The AWS value in the window's language; a value with no translation (a status AWS added later) as the API spells it. */
function awsValueParam(t: Translate, kind: AwsValueKind, value: string): string {
  const known = (en.awsValues[kind] as Record<string, string>)[awsValueKey(kind, value).split('.').pop()!] !== undefined;
  return known ? t(awsValueKey(kind, value)) : value;
}

/** Lists (replica identifiers) read as one comma-separated value; instants (restore times) as UTC times; AWS values translated. */
function named(t: Translate, params: MessageParams): Record<string, string | number | boolean> {
  return Object.fromEntries(
    Object.entries(params).map(([key, value]) => {
      if (Array.isArray(value)) return [key, value.join(', ')];
      if (typeof value !== 'string') return [key, value];
      if (ISO_INSTANT.test(value)) return [key, `${formatUtc(value)} UTC`];
      const kind = PARAM_VALUE_KINDS[key];
      return [key, kind ? awsValueParam(t, kind, value) : value];
    }),
  );
}

export const checkLabel = (t: Translate, check: PreflightCheck): string => t(`actionRules.check.${check.code.split('.')[0]}.label`);
export const checkDetail = (t: Translate, check: PreflightCheck): string => t(`actionRules.check.${check.code}`, named(t, check.params));
export const consequenceText = (t: Translate, consequence: Consequence): string => t(`actionRules.consequence.${consequence.code}`, named(t, consequence.params));
export const summaryText = (t: Translate, summary: ActionSummary): string => t(`actionRules.summary.${summary.code}`, named(t, summary.params));
export const refusalText = (t: Translate, refusal: Refusal): string => t(`actionRules.refusal.${refusal.code}`, named(t, refusal.params));
