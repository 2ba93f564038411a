/**
 * DNS explanations (codes + parameters from core/route53) into the operator's language. A parameter
 * is a value (names, addresses, counts — shown as they are, numbers formatted for the locale), a
 * nested phrase (translated the same way) or a list of either. A `policy` parameter is a routing
 * policy and reads as the console names it.
 */
import type { DnsParam, DnsText } from '@contract';

type Translate = (key: string, params?: Record<string, unknown>) => string;

function param(t: Translate, value: DnsParam, name: string, format: Intl.NumberFormat): string {
  if (typeof value === 'number') return format.format(value);
  if (typeof value === 'string') return name === 'policy' && value ? t(`route53.policies.${value}`) : value;
  if ('code' in value) return translate(t, value, format);
  return value.items.map((item) => param(t, item, '', format)).join(value.join);
}

function translate(t: Translate, text: DnsText, format: Intl.NumberFormat): string {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(text.params)) params[name] = param(t, value, name, format);
  return t(`dnsText.${text.code}`, params);
}

export function dnsText(t: Translate, text: DnsText, locale = 'en'): string {
  return translate(t, text, new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false }));
}
