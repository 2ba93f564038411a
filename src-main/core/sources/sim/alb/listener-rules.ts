/**
 * Listener rule evaluation (ALB-1, ALB-2, ALB-3).
 * docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-rules.html
 * docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-condition-types.html
 *
 * Rules are evaluated in priority order, lowest number first, and the default rule last. Within a rule
 * every condition must match; within a condition any of its values may match.
 */

export interface RequestShape {
  /** Path without the query string, e.g. `/orders/42`. */
  path: string;
  host?: string;
  method?: string;
  /** Request headers by name (any case); `http-header` conditions read them. */
  headers?: Readonly<Record<string, string>>;
}

export interface SimRuleCondition {
  field: 'path-pattern' | 'host-header' | 'http-request-method' | 'http-header';
  values: string[];
  /** For http-header: the header's name (compared case-insensitively). */
  headerName?: string;
}

export interface SimForwardTarget {
  targetGroupArn: string;
  weight: number;
}

export type SimRuleAction =
  | { type: 'forward'; targetGroups: SimForwardTarget[] }
  | { type: 'fixed-response'; statusCode: number }
  | { type: 'redirect'; statusCode: number; url: string };

export interface SimListenerRule {
  arn: string;
  /** Infinity for the default rule. */
  priority: number;
  conditions: SimRuleCondition[];
  action: SimRuleAction;
}

/** `*` matches zero or more characters, `?` exactly one; everything else literally. */
function wildcardToRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, caseInsensitive ? 'i' : '');
}

// Compiled once per pattern, case-sensitive and -insensitive apart (no key string built per request).
const compiledSensitive = new Map<string, RegExp>();
const compiledInsensitive = new Map<string, RegExp>();
function matcher(pattern: string, caseInsensitive: boolean): RegExp {
  const compiled = caseInsensitive ? compiledInsensitive : compiledSensitive;
  let regex = compiled.get(pattern);
  if (!regex) {
    regex = wildcardToRegExp(pattern, caseInsensitive);
    compiled.set(pattern, regex);
  }
  return regex;
}

/** ALB-2: case-sensitive, against the path only — a query string is not part of it. */
export function pathMatches(pattern: string, path: string): boolean {
  const query = path.indexOf('?');
  return matcher(pattern, false).test(query < 0 ? path : path.slice(0, query));
}

/** ALB-3: case-insensitive; `*.example.com` matches `a.example.com` but not `example.com`. A port in Host is ignored. */
export function hostMatches(pattern: string, host: string | undefined): boolean {
  if (host === undefined) return false;
  return matcher(pattern, true).test(host.replace(/:\d+$/, ''));
}

export function conditionMatches(condition: SimRuleCondition, request: RequestShape): boolean {
  switch (condition.field) {
    case 'path-pattern':
      // A loop, not .some(): every request class is matched against every rule each tick.
      for (const pattern of condition.values) if (pathMatches(pattern, request.path)) return true;
      return false;
    case 'host-header':
      return condition.values.some((pattern) => hostMatches(pattern, request.host));
    case 'http-request-method':
      return condition.values.includes((request.method ?? 'GET').toUpperCase());
    case 'http-header': {
      // rule-condition-types.html, HTTP header conditions: the name is not case-sensitive, values are
      // compared case-insensitively and may hold * and ? wildcards.
      const name = condition.headerName?.toLowerCase();
      const entry = Object.entries(request.headers ?? {}).find(([key]) => key.toLowerCase() === name);
      return entry !== undefined && condition.values.some((pattern) => matcher(pattern, true).test(entry[1]));
    }
  }
}

/** ALB-1: the first rule (by ascending priority, default last) whose conditions all match. */
export function matchRule(rules: readonly SimListenerRule[], request: RequestShape): SimListenerRule | undefined {
  next: for (const rule of rules) {
    for (const condition of rule.conditions) if (!conditionMatches(condition, request)) continue next;
    return rule;
  }
  return undefined;
}

export function sortRules(rules: SimListenerRule[]): SimListenerRule[] {
  return [...rules].sort((a, b) => a.priority - b.priority);
}
