/**
 * Health verdicts (codes + parameters from core/health) into the operator's language, and into the
 * app's tone vocabulary. Numbers are formatted for the locale; resource names stay as AWS has them.
 */
import type { HealthReason, HealthStatus } from '@contract';
import type { Tone } from './tone';

export function healthTone(status: HealthStatus | undefined): Tone {
  switch (status) {
    case 'ok':
      return 'ok';
    case 'degraded':
      return 'warn';
    case 'failing':
      return 'bad';
    default:
      return 'neutral';
  }
}

/** Routing policies with their own "every record unhealthy" message. */
const ROUTING_POLICIES = new Set(['failover', 'weighted', 'latency', 'geolocation', 'multivalue', 'simple']);

/** The message key of a reason: a few codes have variants by parameter. */
export function reasonKey(reason: HealthReason): string {
  switch (reason.code) {
    case 'record.outOfAnswers':
    case 'record.allUnhealthy':
      return `health.reason.${reason.code}.${reason.params.cause === 'aliasTarget' || reason.params.cause === 'aliasRecord' ? reason.params.cause : 'healthCheck'}`;
    case 'record.nameAllUnhealthy':
      return `health.reason.record.nameAllUnhealthy.${ROUTING_POLICIES.has(String(reason.params.policy)) ? String(reason.params.policy) : 'simple'}`;
    case 'fn.concurrencyLimit':
      return `health.reason.fn.concurrencyLimit.${reason.params.scope === 'account' ? 'account' : 'reserved'}`;
    case 'alarm.scaling':
      return `health.reason.alarm.scaling.${reason.params.direction === 'low' ? 'low' : reason.params.direction === 'high' ? 'high' : 'step'}`;
    // Old or unread data (core/health/index.ts dataReason): whether the refresh failed or the data is
    // only old, and whether it is the resource's own data or the CloudWatch metrics it is judged on.
    case 'data.stale':
      // The window's own: the connection to the core is lost (stores/health.ts).
      if (reason.params.cause === 'connection') return 'connectionLost.reason';
      if (reason.params.since === undefined) return 'health.reason.data.stale';
      return `dataRead.${reason.params.scope === 'metrics' ? 'metricsStale' : 'stale'}.${reason.params.cause === 'refreshFailed' ? 'refreshFailed' : 'tooOld'}`;
    case 'data.missing':
      return reason.params.state === 'error' ? 'dataRead.missing.error' : 'dataRead.missing.loading';
    case 'hc.unhealthy':
      return `health.reason.hc.unhealthy.${Number(reason.params.records) > 0 ? 'records' : Number(reason.params.answered) > 0 ? 'answered' : 'none'}`;
    default:
      return `health.reason.${reason.code}`;
  }
}

type Translate = (key: string, params: Record<string, unknown>) => string;

/**
 * One line: "shop-eu-web (eu-west-1): 4 of 4 targets unhealthy, none healthy". With `bare`, the
 * subject is left out where the message starts with it (a node or row that already names it).
 */
export function reasonText(t: Translate, reason: HealthReason, locale = 'en', bare = false): string {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(reason.params)) params[name] = typeof value === 'number' ? format.format(value) : value;
  // The last good read (data.stale / data.missing `since`), as the time of day the tables use (UTC).
  if (typeof reason.params.since === 'string' && !Number.isNaN(Date.parse(reason.params.since))) params.time = new Date(reason.params.since).toISOString().slice(11, 16);
  const who = reason.params.region ? `${reason.subject} (${reason.params.region})` : reason.subject;
  const said = t(reasonKey(reason), { ...params, who });
  // What a resource or service last showed, when its data is old: context, not its verdict now.
  const last = reason.params.last;
  const text = (reason.code === 'data.stale' || reason.code === 'data.missing') && typeof last === 'string' ? t('dataRead.lastSeen', { reason: said, status: t(`health.status.${last}`, {}) }) : said;
  return bare && who && text.startsWith(`${who}: `) ? text.slice(who.length + 2) : text;
}
