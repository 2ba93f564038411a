/**
 * Rule statements compiled into request matchers (waf-rule-statements.html). Evaluated:
 * ByteMatchStatement on UriPath or one header (SingleHeader, `host` included) with EXACTLY, STARTS_WITH,
 * ENDS_WITH or CONTAINS and the NONE / LOWERCASE text transformations (waf-rule-statement-type-string-match.html);
 * IPSetReferenceStatement (waf-rule-statement-type-ipset-match.html); And / Or / Not
 * (waf-rule-statement-type-logical.html); RateBasedStatement at the top of a rule
 * (waf-rule-statement-type-rate-based.html). Anything else is `unsupported` with the reason: the rule
 * that holds it never matches and the scenario loads with one warning naming it (WAF-7).
 */
import type { WafStatementSummary } from '../../../contract/model';
import type { DiagnosticCode } from '../scenario/diagnostics';
import { cidrContains, type Cidr } from './cidr';

/** One request as a rule sees it. */
export interface WafRequest {
  /** URI path without the query string. */
  path: string;
  /** The Host header. */
  host: string;
  /** Other headers by lower-case name. */
  headers: Readonly<Record<string, string>>;
  client: { version: 4 | 6; value: bigint };
}

export type Matcher = (request: WafRequest) => boolean;

/** A rate-based statement: per client IP, more than `limit` requests in the last `windowSeconds` (WAF-5). */
export interface RateLimit {
  limit: number;
  windowSeconds: number;
  /** Only requests it matches are counted and limited (the scope-down statement). */
  scopeDown?: Matcher;
}

/**
 * `unsupported` with `invalid`: a value AWS WAF itself refuses (CreateWebACL answers WAFInvalidParameterException),
 * e.g. a rate Limit under 10; the scenario check reports it as an error, not as "not simulated".
 */
export type Compiled = { kind: 'match'; match: Matcher } | { kind: 'rate'; rate: RateLimit } | { kind: 'unsupported'; reason: string; reasonCode: DiagnosticCode; invalid?: boolean };

/** Valid EvaluationWindowSec values; 300 is the default (waf-rule-statement-type-rate-based-high-level-settings.html). */
export const EVALUATION_WINDOWS = [60, 120, 300, 600] as const;
export const DEFAULT_EVALUATION_WINDOW = 300;
/** The lowest rate limit AWS WAF accepts (same page). */
export const MIN_RATE_LIMIT = 10;
export const MAX_RATE_LIMIT = 2_000_000_000;
const MAX_NESTING = 20;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** IP set ARN → its blocks, as the resolved scenario has them. */
export type IpSets = ReadonlyMap<string, readonly Cidr[]>;

/** A statement the simulator does not model: the English for the CLI, a code for the window. */
/** A value as the file gives it, for a message parameter: a string as is, anything else as JSON (bounded). */
function shown(value: unknown): string {
  return (typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))).slice(0, 500);
}

class Unsupported extends Error {
  constructor(
    message: string,
    readonly detail: DiagnosticCode,
  ) {
    super(message);
  }
}
/** A value AWS WAF refuses (not merely one the simulator does not model). */
class Invalid extends Unsupported {}

export function compileStatement(statement: Json, ipSets: IpSets): Compiled {
  try {
    const keys = Object.keys(statement);
    if (keys.length === 1 && keys[0] === 'RateBasedStatement') return { kind: 'rate', rate: rateLimit(statement.RateBasedStatement) };
    return { kind: 'match', match: matcher(statement, ipSets, 0) };
  } catch (error) {
    if (error instanceof Invalid) return { kind: 'unsupported', reason: error.message, reasonCode: error.detail, invalid: true };
    if (error instanceof Unsupported) return { kind: 'unsupported', reason: error.message, reasonCode: error.detail };
    throw error;
  }

  function rateLimit(value: unknown): RateLimit {
    if (!isObject(value)) throw new Invalid('RateBasedStatement must be an object', { code: 'wafStatement.rateNotAMapping' });
    const limit = Number(value.Limit);
    if (!Number.isInteger(limit) || limit < MIN_RATE_LIMIT || limit > MAX_RATE_LIMIT) throw new Invalid(`RateBasedStatement Limit must be a whole number from ${MIN_RATE_LIMIT} to ${MAX_RATE_LIMIT}; got ${JSON.stringify(value.Limit)}`, { code: 'wafStatement.rateLimitOutOfRange', params: { min: MIN_RATE_LIMIT, max: MAX_RATE_LIMIT, value: shown(value.Limit) } });
    const window = value.EvaluationWindowSec === undefined ? DEFAULT_EVALUATION_WINDOW : Number(value.EvaluationWindowSec);
    if (!(EVALUATION_WINDOWS as readonly number[]).includes(window)) throw new Invalid(`RateBasedStatement EvaluationWindowSec must be one of ${EVALUATION_WINDOWS.join(', ')}; got ${JSON.stringify(value.EvaluationWindowSec)}`, { code: 'wafStatement.rateWindowInvalid', params: { values: EVALUATION_WINDOWS.join(', '), value: shown(value.EvaluationWindowSec) } });
    const key = value.AggregateKeyType ?? 'IP';
    if (key !== 'IP') throw new Unsupported(`RateBasedStatement AggregateKeyType ${String(key)} is not simulated (only IP is)`, { code: 'wafStatement.rateKeyNotSimulated', params: { key: shown(key) } });
    const scopeDown = value.ScopeDownStatement === undefined ? undefined : matcher(value.ScopeDownStatement, ipSets, 1);
    return { limit, windowSeconds: window, ...(scopeDown ? { scopeDown } : {}) };
  }
}

function matcher(statement: unknown, ipSets: IpSets, depth: number): Matcher {
  if (!isObject(statement)) throw new Invalid('a Statement must be an object with one statement type', { code: 'wafStatement.notAMapping' });
  if (depth > MAX_NESTING) throw new Unsupported(`statements nest deeper than ${MAX_NESTING} levels`, { code: 'wafStatement.tooDeep', params: { max: MAX_NESTING } });
  const keys = Object.keys(statement);
  if (keys.length !== 1) throw new Invalid(`a Statement holds exactly one statement type; got ${keys.join(', ') || 'none'}`, { code: 'wafStatement.notOneType', params: { types: keys.join(', ').slice(0, 500), count: keys.length } });
  const type = keys[0]!;
  const body = statement[type];
  switch (type) {
    case 'ByteMatchStatement':
      return byteMatch(body);
    case 'IPSetReferenceStatement': {
      const arn = isObject(body) ? body.Arn : undefined;
      const blocks = typeof arn === 'string' ? ipSets.get(arn) : undefined;
      if (!blocks) throw new Unsupported(`IPSetReferenceStatement Arn ${JSON.stringify(arn)} is not an IP set of this stack (use !GetAtt IpSet.Arn)`, { code: 'wafStatement.ipSetNotInStack', params: { arn: shown(arn) } });
      if (isObject(body) && body.IPSetForwardedIPConfig !== undefined) throw new Unsupported('IPSetForwardedIPConfig is not simulated (requests carry no forwarded-IP header)', { code: 'wafStatement.forwardedIpNotSimulated' });
      return (request) => blocks.some((block) => cidrContains(block, request.client));
    }
    case 'AndStatement':
    case 'OrStatement': {
      const list = isObject(body) ? body.Statements : undefined;
      if (!Array.isArray(list) || list.length < 2) throw new Unsupported(`${type} needs Statements with at least two statements`, { code: 'wafStatement.tooFewStatements', params: { type } });
      const parts = list.map((part) => matcher(part, ipSets, depth + 1));
      return type === 'AndStatement' ? (request) => parts.every((part) => part(request)) : (request) => parts.some((part) => part(request));
    }
    case 'NotStatement': {
      const inner = matcher(isObject(body) ? body.Statement : undefined, ipSets, depth + 1);
      return (request) => !inner(request);
    }
    case 'RateBasedStatement':
      throw new Unsupported('a RateBasedStatement can only be the top-level statement of a rule', { code: 'wafStatement.rateNotTopLevel' });
    default:
      throw new Unsupported(`${type} is not simulated (ByteMatchStatement, IPSetReferenceStatement, RateBasedStatement, And/Or/NotStatement are)`, { code: 'wafStatement.typeNotSimulated', params: { type: type.slice(0, 200) } });
  }
}

const POSITIONS: Record<string, (field: string, search: string) => boolean> = {
  EXACTLY: (field, search) => field === search,
  STARTS_WITH: (field, search) => field.startsWith(search),
  ENDS_WITH: (field, search) => field.endsWith(search),
  CONTAINS: (field, search) => field.includes(search),
};

const TRANSFORMS: Record<string, (text: string) => string> = {
  NONE: (text) => text,
  LOWERCASE: (text) => text.toLowerCase(),
};

function byteMatch(body: unknown): Matcher {
  if (!isObject(body)) throw new Invalid('ByteMatchStatement must be an object', { code: 'wafStatement.byteMatchNotAMapping' });
  const search = typeof body.SearchString === 'string' ? body.SearchString : typeof body.SearchStringBase64 === 'string' ? Buffer.from(body.SearchStringBase64, 'base64').toString('utf8') : undefined;
  if (search === undefined) throw new Invalid('ByteMatchStatement needs SearchString', { code: 'wafStatement.searchStringMissing' });
  const position = POSITIONS[String(body.PositionalConstraint)];
  if (!position) {
    // CONTAINS_WORD is AWS's fifth constraint (ByteMatchStatement API reference); anything else AWS refuses.
    if (body.PositionalConstraint === 'CONTAINS_WORD') throw new Unsupported('PositionalConstraint CONTAINS_WORD is not simulated (EXACTLY, STARTS_WITH, ENDS_WITH, CONTAINS are)', { code: 'wafStatement.containsWordNotSimulated' });
    throw new Invalid(`PositionalConstraint must be EXACTLY, STARTS_WITH, ENDS_WITH, CONTAINS or CONTAINS_WORD; got ${JSON.stringify(body.PositionalConstraint)}`, { code: 'wafStatement.positionalConstraintInvalid', params: { value: shown(body.PositionalConstraint) } });
  }
  const transforms = (Array.isArray(body.TextTransformations) ? body.TextTransformations : [])
    .filter(isObject)
    .sort((a, b) => Number(a.Priority) - Number(b.Priority))
    .map((t) => {
      const transform = TRANSFORMS[String(t.Type)];
      if (!transform) throw new Unsupported(`TextTransformation ${String(t.Type)} is not simulated (NONE and LOWERCASE are)`, { code: 'wafStatement.transformNotSimulated', params: { type: shown(t.Type) } });
      return transform;
    });
  const field = fieldReader(body.FieldToMatch);
  return (request) => {
    const value = field(request);
    if (value === undefined) return false;
    return position(transforms.reduce((text, transform) => transform(text), value), search);
  };
}

function fieldReader(fieldToMatch: unknown): (request: WafRequest) => string | undefined {
  if (!isObject(fieldToMatch)) throw new Invalid('ByteMatchStatement needs FieldToMatch', { code: 'wafStatement.fieldToMatchMissing' });
  if (fieldToMatch.UriPath !== undefined) return (request) => request.path;
  const header = isObject(fieldToMatch.SingleHeader) ? fieldToMatch.SingleHeader.Name : undefined;
  if (typeof header === 'string') {
    // Header names are matched case-insensitively (SingleHeader, waf-rule-statement-fields-list.html).
    const name = header.toLowerCase();
    return name === 'host' ? (request) => request.host : (request) => request.headers[name];
  }
  throw new Unsupported(`FieldToMatch ${Object.keys(fieldToMatch).join(', ') || '{}'} is not simulated (UriPath and SingleHeader are)`, { code: 'wafStatement.fieldToMatchNotSimulated', params: { fields: Object.keys(fieldToMatch).join(', ').slice(0, 500) || '{}' } });
}

/** What a statement inspects, as values for the load balancer view (contract WafStatementSummary). */
export function summarizeStatement(statement: Json, depth = 0): WafStatementSummary {
  const type = Object.keys(statement)[0] ?? 'Unknown';
  const body = isObject(statement[type]) ? (statement[type] as Json) : {};
  const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : undefined);
  switch (type) {
    case 'ByteMatchStatement': {
      const field = isObject(body.FieldToMatch) ? body.FieldToMatch : {};
      const header = isObject(field.SingleHeader) ? text(field.SingleHeader.Name, 200) : undefined;
      const name = field.UriPath !== undefined ? 'UriPath' : header !== undefined ? `header:${header.toLowerCase()}` : Object.keys(field)[0];
      const search = text(body.SearchString, 512);
      const position = text(body.PositionalConstraint, 32);
      return { type, ...(name ? { field: name.slice(0, 256) } : {}), ...(position ? { positionalConstraint: position } : {}), ...(search !== undefined ? { searchString: search } : {}) };
    }
    case 'IPSetReferenceStatement': {
      const arn = text(body.Arn, 2048);
      return { type, ...(arn ? { ipSetArn: arn } : {}) };
    }
    case 'RateBasedStatement': {
      const limit = Number(body.Limit);
      const window = body.EvaluationWindowSec === undefined ? DEFAULT_EVALUATION_WINDOW : Number(body.EvaluationWindowSec);
      return { type, ...(Number.isInteger(limit) && limit >= 0 ? { limit } : {}), ...(Number.isInteger(window) && window > 0 ? { evaluationWindowSec: window } : {}) };
    }
    case 'AndStatement':
    case 'OrStatement':
    case 'NotStatement': {
      if (depth > 0) return { type };
      const inner = type === 'NotStatement' ? [body.Statement] : Array.isArray(body.Statements) ? body.Statements : [];
      const statements = inner.filter(isObject).slice(0, 20).map((part) => {
        const { type: innerType, field, positionalConstraint, searchString } = summarizeStatement(part, depth + 1);
        return { type: innerType, ...(field ? { field } : {}), ...(positionalConstraint ? { positionalConstraint } : {}), ...(searchString !== undefined ? { searchString } : {}) };
      });
      return { type, statements };
    }
    default:
      return { type: type.slice(0, 64) };
  }
}
