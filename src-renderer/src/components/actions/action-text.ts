/**
 * Words for the action confirmation: the core sends codes with parameters (contract
 * model-action-codes.ts) and these put them in the operator's language through i18n `actionRules`.
 * A check code is `<check>.<outcome>`: the check's label is `actionRules.check.<check>.label`.
 */
import type { ActionSummary, Consequence, MessageParams, PreflightCheck, Refusal } from '@contract';
import { formatUtc } from '@/utils/time';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** An instant as the contract carries it (ISO 8601, UTC): shown the way the window shows every time. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Lists (replica identifiers) read as one comma-separated value; instants (restore times) as UTC times. */
function named(params: MessageParams): Record<string, string | number | boolean> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value.join(', ') : typeof value === 'string' && ISO_INSTANT.test(value) ? `${formatUtc(value)} UTC` : value]));
}

export const checkLabel = (t: Translate, check: PreflightCheck): string => t(`actionRules.check.${check.code.split('.')[0]}.label`);
export const checkDetail = (t: Translate, check: PreflightCheck): string => t(`actionRules.check.${check.code}`, named(check.params));
export const consequenceText = (t: Translate, consequence: Consequence): string => t(`actionRules.consequence.${consequence.code}`, named(consequence.params));
export const summaryText = (t: Translate, summary: ActionSummary): string => t(`actionRules.summary.${summary.code}`, named(summary.params));
export const refusalText = (t: Translate, refusal: Refusal): string => t(`actionRules.refusal.${refusal.code}`, named(refusal.params));
