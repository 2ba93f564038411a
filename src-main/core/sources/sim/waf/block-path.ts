/**
 * The rule the WafBlockPath fault adds: Block when the URI path matches a pattern, as an operator would
 * add one in the console to shut a path now (a ByteMatchStatement on UriPath). `/admin*` is STARTS_WITH
 * `/admin`, `*.php` ENDS_WITH `.php`, `*wp-*` CONTAINS `wp-`, anything else EXACTLY.
 */
import { compileStatement, summarizeStatement } from './statements';
import type { SimWafRule } from './web-acl';

export function pathStatement(pattern: string): Record<string, unknown> {
  const starts = pattern.startsWith('*');
  const ends = pattern.endsWith('*') && pattern.length > 1;
  const search = pattern.slice(starts ? 1 : 0, ends ? -1 : undefined);
  const position = starts && ends ? 'CONTAINS' : ends ? 'STARTS_WITH' : starts ? 'ENDS_WITH' : 'EXACTLY';
  return { ByteMatchStatement: { FieldToMatch: { UriPath: {} }, PositionalConstraint: position, SearchString: search, TextTransformations: [{ Priority: 0, Type: 'NONE' }] } };
}

export function blockPathRule(pattern: string, priority: number, ordinal: number): SimWafRule {
  const statement = pathStatement(pattern);
  return {
    name: `flightdeck-block-path-${ordinal}`,
    priority,
    action: 'BLOCK',
    metricName: `FlightdeckBlockPath${ordinal}`,
    compiled: compileStatement(statement, new Map()),
    summary: summarizeStatement(statement),
    addedByFault: true,
  };
}
