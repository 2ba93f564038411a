/**
 * Simulator timeline entries in the operator's language: core sends a code + parameters
 * (`TimelineEvent.text`) for faults (injected, ended, stopped, failed), scenario actions, target
 * health changes, Route 53 health-check changes and scheduled actions. A fault or action `kind` is named through
 * `faultNames` / `simActions`; a target's `state` through `targetGroups.states`, a health check's
 * `status` through `route53.checkStatus`. Entries without a code (Lambda throttles and errors, and
 * records written before codes existed) still show core's message.
 */
import type { TimelineEvent, TimelineText } from '@contract';

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
  const kind = kindName(t, te, String(params.kind ?? ''));
  // MultiplyTraffic without a Name applies to every population; core names that resource "traffic".
  const resource = params.kind === 'MultiplyTraffic' && params.resource === 'traffic' ? t('timelineText.everyPopulation') : params.resource;
  return t(`timelineText.${text.code}`, { ...params, kind, resource });
}

/** What a timeline entry says: translated when core sent a code, core's message otherwise. */
export function timelineMessage(t: Translate, te: Exists, event: Pick<TimelineEvent, 'message' | 'text'>): string {
  return event.text ? timelineText(t, te, event.text) : event.message;
}
