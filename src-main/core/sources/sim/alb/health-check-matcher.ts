/**
 * A target group's health-check Matcher (AWS::ElasticLoadBalancingV2::TargetGroup Matcher HttpCode):
 * single codes, comma-separated codes ("200,202") or a range ("200-299"); for an Application Load
 * Balancer (and a Lambda target) every code is between 200 and 499, the default is 200
 * (API_Matcher / ModifyTargetGroup Matcher, Elastic Load Balancing API reference).
 */
import type { DiagnosticCode } from '../scenario/diagnostics';

export const DEFAULT_MATCHER = '200';

/** The simulated applications answer their health checks with this code. */
export const HEALTH_CHECK_RESPONSE_CODE = 200;

/** [from, to] ranges, inclusive; an error message when the text is not a matcher an ALB accepts. */
export function parseMatcher(text: string): { ranges: [number, number][] } | { error: string; detail: DiagnosticCode } {
  const ranges: [number, number][] = [];
  for (const part of text.split(',')) {
    const match = /^\s*(\d{3})\s*(?:-\s*(\d{3})\s*)?$/.exec(part);
    if (!match) return { error: `Matcher HttpCode "${text}" must be codes such as 200, 200,202 or a range such as 200-299`, detail: { code: 'targetGroup.matcherInvalid', params: { matcher: text } } };
    const from = Number(match[1]);
    const to = Number(match[2] ?? match[1]);
    if (from < 200 || to > 499) return { error: `Matcher HttpCode "${text}": an Application Load Balancer accepts codes from 200 to 499`, detail: { code: 'targetGroup.matcherOutOfRange', params: { matcher: text } } };
    if (from > to) return { error: `Matcher HttpCode "${text}": the range ${from}-${to} is empty`, detail: { code: 'targetGroup.matcherRangeEmpty', params: { matcher: text, from, to } } };
    ranges.push([from, to]);
  }
  return { ranges };
}

const parsedMatchers = new Map<string, ReturnType<typeof parseMatcher>>();

/** Whether a response code passes the matcher (an unparsable matcher, refused at load, passes nothing). */
export function matcherAccepts(text: string, code: number): boolean {
  // Asked for every target at every health check: a matcher is parsed once (a handful per scenario).
  let parsed = parsedMatchers.get(text);
  if (!parsed) {
    if (parsedMatchers.size > 1000) parsedMatchers.clear();
    parsedMatchers.set(text, (parsed = parseMatcher(text)));
  }
  return 'ranges' in parsed && parsed.ranges.some(([from, to]) => code >= from && code <= to);
}
