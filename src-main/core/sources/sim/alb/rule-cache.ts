/**
 * Listener rule matching (matchRule, ALB-1) remembered per request shape: every request class is
 * matched against its listener's rules on every tick, the same path against the same wildcards each
 * time (issue 15 item 6: ~4 % of the simulator's CPU at 10,000 instances). When a listener's rules test
 * only the path and the host (path-pattern and host-header conditions, the usual ones), the rule a
 * (path, host) pair matches never changes, so it is worked out once and looked up after that.
 * Rules testing the method or a header are matched as before, every time.
 *
 * Listener rules are fixed once the scenario is built (build-alb.ts sorts them into a new array): the
 * cache is kept per rules array, and dropped if the array's length ever differs from when it was made.
 */
import { matchRule, type RequestShape, type SimListenerRule } from './listener-rules';

/** Request shapes remembered per listener: a scenario's request classes are few; beyond this, match without keeping. */
export const MAX_CACHED_SHAPES = 4096;

interface RuleCache {
  /** The rules array's length when the cache was made. */
  length: number;
  /** Every condition is a path-pattern or host-header one: the path and the host decide the match. */
  byPathAndHost: boolean;
  /** Path → host → the rule matched (null: none). */
  matched: Map<string, Map<string | undefined, SimListenerRule | null>>;
  size: number;
}

const caches = new WeakMap<readonly SimListenerRule[], RuleCache>();

function cacheFor(rules: readonly SimListenerRule[]): RuleCache {
  let cache = caches.get(rules);
  if (!cache || cache.length !== rules.length) {
    const byPathAndHost = rules.every((rule) => rule.conditions.every((c) => c.field === 'path-pattern' || c.field === 'host-header'));
    caches.set(rules, (cache = { length: rules.length, byPathAndHost, matched: new Map(), size: 0 }));
  }
  return cache;
}

/** matchRule's answer for `request`, from the cache when the rules depend on the path and host only. */
export function matchRuleCached(rules: readonly SimListenerRule[], request: RequestShape): SimListenerRule | undefined {
  const cache = cacheFor(rules);
  if (!cache.byPathAndHost) return matchRule(rules, request);
  let byHost = cache.matched.get(request.path);
  const known = byHost?.get(request.host);
  if (known !== undefined) return known ?? undefined;
  const rule = matchRule(rules, request);
  if (cache.size < MAX_CACHED_SHAPES) {
    if (!byHost) cache.matched.set(request.path, (byHost = new Map()));
    byHost.set(request.host, rule ?? null);
    cache.size++;
  }
  return rule;
}
