/**
 * Simulator timeline entries in the operator's language: core sends a code + parameters
 * (`TimelineEvent.text`) for faults (injected, ended, stopped, failed), scenario actions, target
 * health changes, Route 53 health-check changes and scheduled actions. A fault or action `kind` is named through
 * `faultNames` / `simActions`; a target's `state` through `targetGroups.states`, a health check's
 * `status` through `route53.checkStatus`; Lambda's counts are grouped as AWS's console groups them
 * (1,500). Entries without a code (records written before codes existed) still show core's message.
 */
import type { TimelineEvent, TimelineText } from '@contract';
import { requestProblemText } from './request-error';

type Translate = (key: string, params?: Record<string, unknown>) => string;
type Exists = (key: string) => boolean;

function kindName(t: Translate, te: Exists, kind: string): string {
  if (te(`faultNames.${kind}`)) return t(`faultNames.${kind}`);
  if (te(`simActions.${kind}`)) return t(`simActions.${kind}`);
  return kind;
}

/** A value named through a message when there is one (`healthy` → "Healthy"), as sent otherwise. */
function named(t: Translate, te: Exists, prefix: string, value: unknown): string {
  const key = `${prefix}.${String(value)}`;
  return te(key) ? t(key) : String(value ?? '');
}

export function timelineText(t: Translate, te: Exists, text: TimelineText): string {
  const { params } = text;
  if (text.code === 'target.state' || text.code === 'target.stateReason') {
    return t(`timelineText.${text.code}`, { ...params, state: named(t, te, 'targetGroups.states', params.state) });
  }
  if (text.code === 'healthCheck.checkers' || text.code === 'healthCheck.children') {
    const main = t(`timelineText.${text.code}`, { ...params, status: named(t, te, 'route53.checkStatus', params.status) });
    const failure = params.lastFailure !== undefined ? t('timelineText.healthCheck.lastFailure', { failure: params.lastFailure }) : '';
    return `${main}${failure}${params.inverted ? t('timelineText.healthCheck.inverted') : ''}`;
  }
  if (text.code.startsWith('lambda.')) return lambdaText(t, text);
  const kind = kindName(t, te, String(params.kind ?? ''));
  // MultiplyTraffic without a Name applies to every population; core names that resource "traffic".
  const resource = params.kind === 'MultiplyTraffic' && params.resource === 'traffic' ? t('timelineText.everyPopulation') : params.resource;
  return t(`timelineText.${text.code}`, { ...params, kind, resource, ...codedError(t, te, params) });
}

/**
 * A refusal that came with its problem code (`errorCode`, `error.<name>` parameters) worded as a
 * refused request is; otherwise `error` stays as sent (the simulated API's words).
 */
function codedError(t: Translate, te: Exists, params: TimelineText['params']): { error?: string } {
  const code = params.errorCode;
  if (typeof code !== 'string') return {};
  const problemParams = Object.fromEntries(Object.entries(params).flatMap(([name, value]) => (name.startsWith('error.') ? [[name.slice('error.'.length), value]] : [])));
  const text = requestProblemText({ code, params: problemParams }, t, te);
  return text === undefined ? {} : { error: text };
}

const COUNTS = new Set(['throttled', 'offered', 'concurrency', 'value', 'count']);

/** A Lambda entry: counts grouped (1,500), the concurrency limit worded by its kind. */
function lambdaText(t: Translate, text: TimelineText): string {
  // Counts are grouped as the CLI groups them (1,500); seconds and retries are not (21600 s).
  const grouped = Object.fromEntries(Object.entries(text.params).map(([key, value]) => [key, typeof value === 'number' && COUNTS.has(key) ? value.toLocaleString('en-US') : value]));
  const limit = { reserved: 'limitReserved', account: 'limitAccount', scaling: 'limitScaling' }[String(text.params.limit)];
  return t(`timelineText.${text.code}`, { ...grouped, ...(limit ? { limit: t(`timelineText.lambda.${limit}`, { value: grouped.value }) } : {}) });
}

/** What a timeline entry says: translated when core sent a code, core's message otherwise. */
export function timelineMessage(t: Translate, te: Exists, event: Pick<TimelineEvent, 'message' | 'text'>): string {
  return event.text ? timelineText(t, te, event.text) : event.message;
}
