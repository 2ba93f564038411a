/**
 * Simulator timeline entries (fault injected, ended, stopped, failed; scenario actions) in the
 * operator's language: core sends a code + parameters (`TimelineEvent.text`), the kind is a fault or
 * action code named through `faultNames` / `simActions`. Entries without a code (target health,
 * health-check transitions) still show core's message.
 */
import type { TimelineEvent, TimelineText } from '@contract';

type Translate = (key: string, params?: Record<string, unknown>) => string;
type Exists = (key: string) => boolean;

function kindName(t: Translate, te: Exists, kind: string): string {
  if (te(`faultNames.${kind}`)) return t(`faultNames.${kind}`);
  if (te(`simActions.${kind}`)) return t(`simActions.${kind}`);
  return kind;
}

export function timelineText(t: Translate, te: Exists, text: TimelineText): string {
  const kind = kindName(t, te, String(text.params.kind ?? ''));
  // MultiplyTraffic without a Name applies to every population; core names that resource "traffic".
  const resource = text.params.kind === 'MultiplyTraffic' && text.params.resource === 'traffic' ? t('timelineText.everyPopulation') : text.params.resource;
  return t(`timelineText.${text.code}`, { ...text.params, kind, resource });
}

/** What a timeline entry says: translated when core sent a code, core's message otherwise. */
export function timelineMessage(t: Translate, te: Exists, event: Pick<TimelineEvent, 'message' | 'text'>): string {
  return event.text ? timelineText(t, te, event.text) : event.message;
}
