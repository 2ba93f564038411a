/**
 * CloudWatch metric math: a parser and an evaluator for the expressions of MetricDataQueries, as the
 * CloudWatch User Guide describes them ("Using metric math",
 * docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html, "Metric math syntax and
 * functions"). A small hand-written recursive-descent parser: no maintained npm package parses this
 * language (the AWS CDK only scans identifiers), and the grammar is a handful of rules.
 *
 * Values are, as on that page, a scalar, a single time series or an array of time series. Time series
 * here are aligned on a fixed list of periods (the caller's), a missing datapoint being `undefined`.
 *
 * Pure: no I/O, no clock; the caller supplies each metric's datapoints.
 */

export class MetricMathError extends Error {}

// ---------------------------------------------------------------------------------------------------
// Syntax

export type MathNode =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'id'; name: string }
  | { kind: 'keyword'; name: 'REPEAT' | 'LINEAR' }
  | { kind: 'unary'; op: '-' | 'NOT'; operand: MathNode }
  | { kind: 'binary'; op: BinaryOp; left: MathNode; right: MathNode }
  | { kind: 'call'; name: string; args: MathNode[] }
  /** `[m1, m2]`: an array of time series (the page: "SUM([m1,m2])"). */
  | { kind: 'list'; items: MathNode[] };

export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'AND' | 'OR';

/** Expressions are at most 1024 characters in a MetricDataQuery (API_MetricDataQuery, Expression). */
export const MAX_EXPRESSION_LENGTH = 1024;
const MAX_DEPTH = 100;

type Token = { type: 'number'; value: number } | { type: 'string'; value: string } | { type: 'name'; value: string } | { type: 'op'; value: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const number = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i));
    if (number) {
      tokens.push({ type: 'number', value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (name) {
      tokens.push({ type: 'name', value: name[0] });
      i += name[0].length;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const end = text.indexOf(ch, i + 1);
      if (end < 0) throw new MetricMathError(`unterminated string starting at character ${i + 1}`);
      tokens.push({ type: 'string', value: text.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    const op = ['<=', '>=', '==', '!=', '&&', '||'].find((o) => text.startsWith(o, i)) ?? ('+-*/^()[]<>,!'.includes(ch) ? ch : undefined);
    if (!op) throw new MetricMathError(`unexpected character "${ch}" at character ${i + 1}`);
    tokens.push({ type: 'op', value: op });
    i += op.length;
  }
  return tokens;
}

/** Parses one expression; throws MetricMathError saying what and where. */
export function parseExpression(text: string): MathNode {
  if (text.length > MAX_EXPRESSION_LENGTH) throw new MetricMathError(`the expression is ${text.length} characters; at most ${MAX_EXPRESSION_LENGTH} are allowed`);
  const tokens = tokenize(text);
  let pos = 0;
  let depth = 0;
  const peek = () => tokens[pos];
  const isOp = (value: string) => tokens[pos]?.type === 'op' && tokens[pos]!.value === value;
  const isWord = (value: string) => tokens[pos]?.type === 'name' && tokens[pos]!.value === value;
  const expect = (value: string) => {
    if (!isOp(value)) throw new MetricMathError(`expected "${value}" ${describeAt()}`);
    pos++;
  };
  const describeAt = () => {
    const token = peek();
    return token ? `before "${String(token.value)}"` : 'at the end of the expression';
  };
  const nested = <T>(parse: () => T): T => {
    if (++depth > MAX_DEPTH) throw new MetricMathError(`the expression nests deeper than ${MAX_DEPTH} levels`);
    try {
      return parse();
    } finally {
      depth--;
    }
  };

  /**
   * One left-associative precedence level: operands from `next`, joined by the operators `opAt`
   * recognises at the current token (undefined: the level ends).
   */
  const leftAssociative = (next: () => MathNode, opAt: () => BinaryOp | undefined) => (): MathNode => {
    let left = next();
    for (let op = opAt(); op !== undefined; op = opAt()) {
      pos++;
      left = { kind: 'binary', op, left, right: next() };
    }
    return left;
  };
  const operatorIn = (ops: readonly BinaryOp[]) => (): BinaryOp | undefined => {
    const token = peek();
    return token?.type === 'op' && (ops as readonly string[]).includes(token.value) ? (token.value as BinaryOp) : undefined;
  };
  // Precedence, loosest first: OR, AND, comparison, + -, * /, unary - and NOT, ^ (right-associative).
  // Declared tightest first: each level is built from the next tighter one.
  const multiplicative = leftAssociative(() => unary(), operatorIn(['*', '/']));
  const additive = leftAssociative(multiplicative, operatorIn(['+', '-']));
  const comparison = leftAssociative(additive, operatorIn(['<', '<=', '>', '>=', '==', '!=']));
  const andExpr = leftAssociative(comparison, () => (isOp('&&') || isWord('AND') ? 'AND' : undefined));
  const orExpr = leftAssociative(andExpr, () => (isOp('||') || isWord('OR') ? 'OR' : undefined));
  const unary = (): MathNode =>
    nested(() => {
      if (isOp('-')) {
        pos++;
        return { kind: 'unary', op: '-', operand: unary() };
      }
      if (isOp('+')) {
        pos++;
        return unary();
      }
      if (isOp('!') || isWord('NOT')) {
        pos++;
        return { kind: 'unary', op: 'NOT', operand: unary() };
      }
      return power();
    });
  const power = (): MathNode => {
    const base = primary();
    if (!isOp('^')) return base;
    pos++;
    return { kind: 'binary', op: '^', left: base, right: unary() };
  };
  const primary = (): MathNode =>
    nested(() => {
      const token = peek();
      if (!token) throw new MetricMathError('the expression ends where a value was expected');
      if (token.type === 'number') {
        pos++;
        return { kind: 'number', value: token.value };
      }
      if (token.type === 'string') {
        pos++;
        return { kind: 'string', value: token.value };
      }
      if (token.type === 'op' && token.value === '(') {
        pos++;
        const inner = orExpr();
        expect(')');
        return inner;
      }
      if (token.type === 'op' && token.value === '[') {
        pos++;
        const items = [orExpr()];
        while (isOp(',')) {
          pos++;
          items.push(orExpr());
        }
        expect(']');
        return { kind: 'list', items };
      }
      if (token.type === 'name') {
        pos++;
        if (isOp('(')) {
          pos++;
          const args: MathNode[] = [];
          if (!isOp(')')) {
            args.push(orExpr());
            while (isOp(',')) {
              pos++;
              args.push(orExpr());
            }
          }
          expect(')');
          return { kind: 'call', name: token.value.toUpperCase(), args };
        }
        const upper = token.value.toUpperCase();
        if (upper === 'REPEAT' || upper === 'LINEAR') return { kind: 'keyword', name: upper };
        return { kind: 'id', name: token.value };
      }
      throw new MetricMathError(`unexpected "${token.value}" where a value was expected`);
    });

  const node = orExpr();
  if (pos < tokens.length) throw new MetricMathError(`unexpected "${String(tokens[pos]!.value)}" after a complete expression`);
  return node;
}

/** The functions this evaluator implements (the common ones of the page's function table). */
export const SUPPORTED_FUNCTIONS: ReadonlySet<string> = new Set(['SUM', 'AVG', 'MIN', 'MAX', 'METRICS', 'IF', 'FILL', 'ABS', 'CEIL', 'FLOOR', 'PERIOD']);

/** Every node of an expression, depth first, parents before their operands. */
function* nodesOf(node: MathNode): Generator<MathNode> {
  yield node;
  if (node.kind === 'call') for (const arg of node.args) yield* nodesOf(arg);
  else if (node.kind === 'list') for (const item of node.items) yield* nodesOf(item);
  else if (node.kind === 'unary') yield* nodesOf(node.operand);
  else if (node.kind === 'binary') {
    yield* nodesOf(node.left);
    yield* nodesOf(node.right);
  }
}

/** The distinct names of the nodes of one kind, in order of first use. */
function namesOf(node: MathNode, kind: 'call' | 'id'): string[] {
  const out: string[] = [];
  for (const n of nodesOf(node)) if (n.kind === kind && !out.includes(n.name)) out.push(n.name);
  return out;
}

/** Function names an expression calls, in order of first use. */
export function functionsUsed(node: MathNode): string[] {
  return namesOf(node, 'call');
}

/** Ids of other queries an expression refers to (METRICS() is reported separately: it takes all metrics). */
export function idsUsed(node: MathNode): string[] {
  return namesOf(node, 'id');
}

// ---------------------------------------------------------------------------------------------------
// Evaluation

export type Datapoints = (number | undefined)[];
export interface TimeSeries {
  /** The query id it came from (METRICS() filters by it). */
  id: string;
  values: Datapoints;
}
export type MathValue = { kind: 'scalar'; value: number } | { kind: 'series'; series: TimeSeries } | { kind: 'array'; series: TimeSeries[] };

export interface MathQuery {
  id: string;
  /** Either an expression … */
  expression?: string;
  /** … or a metric: `fetch` gives its datapoints. */
  metric?: true;
}

export interface EvaluateOptions {
  /** How many aligned periods, oldest first. */
  length: number;
  /** Datapoints of a metric query, by id. */
  fetch(id: string): Datapoints;
  /** The period of every series in seconds, for PERIOD(m) (60 when not given). */
  periodSeconds?: number;
}

const clean = (value: number): number | undefined => (Number.isFinite(value) ? value : undefined);

/**
 * Evaluates query `id` of `queries`. Expressions may use other queries' ids (metrics or expressions);
 * a cycle or an unknown id is an error. Non-finite results (a division by zero) are missing datapoints
 * — our choice, so that they neither breach nor hide a threshold.
 */
export function evaluateQuery(queries: readonly MathQuery[], id: string, options: EvaluateOptions): MathValue {
  const byId = new Map(queries.map((q) => [q.id, q]));
  const cache = new Map<string, MathValue>();
  const active = new Set<string>();
  const n = options.length;

  const resolve = (queryId: string): MathValue => {
    const cached = cache.get(queryId);
    if (cached) return cached;
    const query = byId.get(queryId);
    if (!query) throw new MetricMathError(`"${queryId}" is not the Id of a query in Metrics`);
    if (active.has(queryId)) throw new MetricMathError(`the expression of "${queryId}" refers to itself`);
    active.add(queryId);
    const value: MathValue =
      query.expression !== undefined ? evaluateNode(parseExpression(query.expression)) : { kind: 'series', series: { id: queryId, values: options.fetch(queryId) } };
    active.delete(queryId);
    cache.set(queryId, value);
    return value;
  };

  const metricsArray = (filter?: string): MathValue => ({
    kind: 'array',
    // METRICS("x") keeps the metrics whose Id contains "x" (the page's METRICS() row).
    series: queries.filter((q) => q.metric && (filter === undefined || q.id.includes(filter))).map((q) => (resolve(q.id) as { series: TimeSeries }).series),
  });

  const map = (value: MathValue, f: (x: number) => number | undefined): MathValue => {
    if (value.kind === 'scalar') return { kind: 'scalar', value: f(value.value) ?? NaN };
    const one = (s: TimeSeries): TimeSeries => ({ id: s.id, values: s.values.map((x) => (x === undefined ? undefined : f(x))) });
    return value.kind === 'series' ? { kind: 'series', series: one(value.series) } : { kind: 'array', series: value.series.map(one) };
  };

  /** Element-wise on series (a datapoint missing on either side is missing), broadcast over arrays and scalars. */
  const combine = (a: MathValue, b: MathValue, f: (x: number, y: number) => number | undefined, what: string): MathValue => {
    if (a.kind === 'scalar' && b.kind === 'scalar') return { kind: 'scalar', value: f(a.value, b.value) ?? NaN };
    if (a.kind === 'array' && b.kind === 'array') throw new MetricMathError(`${what} of two arrays of time series is not supported`);
    const pick = (v: MathValue, s: TimeSeries | undefined, i: number) => (v.kind === 'scalar' ? v.value : (s ?? (v as { series: TimeSeries }).series).values[i]);
    const pair = (sa: TimeSeries | undefined, sb: TimeSeries | undefined, id: string): TimeSeries => ({
      id,
      values: Array.from({ length: n }, (_, i) => {
        const x = pick(a, sa, i);
        const y = pick(b, sb, i);
        return x === undefined || y === undefined ? undefined : f(x, y);
      }),
    });
    if (a.kind === 'array') return { kind: 'array', series: a.series.map((s) => pair(s, undefined, s.id)) };
    if (b.kind === 'array') return { kind: 'array', series: b.series.map((s) => pair(undefined, s, s.id)) };
    const id = a.kind === 'series' ? a.series.id : (b as { series: TimeSeries }).series.id;
    return { kind: 'series', series: pair(undefined, undefined, id) };
  };

  const truth = (x: number) => x !== 0;
  const BINARY: Record<BinaryOp, (x: number, y: number) => number | undefined> = {
    '+': (x, y) => clean(x + y),
    '-': (x, y) => clean(x - y),
    '*': (x, y) => clean(x * y),
    '/': (x, y) => clean(x / y),
    '^': (x, y) => clean(x ** y),
    '<': (x, y) => Number(x < y),
    '<=': (x, y) => Number(x <= y),
    '>': (x, y) => Number(x > y),
    '>=': (x, y) => Number(x >= y),
    '==': (x, y) => Number(x === y),
    '!=': (x, y) => Number(x !== y),
    AND: (x, y) => Number(truth(x) && truth(y)),
    OR: (x, y) => Number(truth(x) || truth(y)),
  };

  /**
   * SUM/AVG/MIN/MAX: over an array, a time series of the per-period results across its series; over one
   * time series, a single value over all its datapoints (the page's function table).
   */
  const reduce = (name: string, value: MathValue): MathValue => {
    const op = (xs: number[]): number | undefined => {
      if (xs.length === 0) return undefined;
      if (name === 'SUM') return xs.reduce((s, x) => s + x, 0);
      if (name === 'AVG') return xs.reduce((s, x) => s + x, 0) / xs.length;
      return name === 'MIN' ? Math.min(...xs) : Math.max(...xs);
    };
    const present = (values: Datapoints) => values.filter((x): x is number => x !== undefined);
    if (value.kind === 'scalar') return value;
    if (value.kind === 'series') return { kind: 'scalar', value: op(present(value.series.values)) ?? NaN };
    return {
      kind: 'series',
      series: { id: name, values: Array.from({ length: n }, (_, i) => op(present(value.series.map((s) => s.values[i])))) },
    };
  };

  /** FILL(m, value | REPEAT | LINEAR): missing datapoints replaced (the page's FILL row). */
  const fill = (value: MathValue, how: MathNode): MathValue => {
    const one = (s: TimeSeries): TimeSeries => {
      const values = [...s.values];
      if (how.kind === 'keyword' && how.name === 'REPEAT') {
        // The last real value carries forward; leading gaps take the first real one.
        let last = values.find((x) => x !== undefined);
        for (let i = 0; i < n; i++) {
          if (values[i] === undefined) values[i] = last;
          else last = values[i];
        }
        return { id: s.id, values };
      }
      if (how.kind === 'keyword' && how.name === 'LINEAR') {
        // Straight lines between the real values around a gap; no line past the first or last one.
        let previous = -1;
        for (let i = 0; i < n; i++) {
          if (values[i] === undefined) continue;
          if (previous >= 0 && i - previous > 1) {
            const from = values[previous]!;
            const to = values[i]!;
            for (let k = previous + 1; k < i; k++) values[k] = from + ((to - from) * (k - previous)) / (i - previous);
          }
          previous = i;
        }
        return { id: s.id, values };
      }
      const by = evaluateNode(how);
      if (by.kind === 'array') throw new MetricMathError('FILL takes a number, a time series, REPEAT or LINEAR as its second argument');
      return { id: s.id, values: values.map((x, i) => x ?? (by.kind === 'scalar' ? by.value : by.series.values[i])) };
    };
    if (value.kind === 'scalar') return value;
    return value.kind === 'series' ? { kind: 'series', series: one(value.series) } : { kind: 'array', series: value.series.map(one) };
  };

  /** IF(condition, trueValue[, falseValue]): without falseValue, periods where the condition is false have no datapoint. */
  const ifThen = (args: MathNode[]): MathValue => {
    if (args.length < 2 || args.length > 3) throw new MetricMathError('IF takes a condition, a value if true and optionally a value if false');
    const condition = evaluateNode(args[0]!);
    const whenTrue = evaluateNode(args[1]!);
    const whenFalse = args[2] ? evaluateNode(args[2]) : undefined;
    if (condition.kind === 'array' || whenTrue.kind === 'array' || whenFalse?.kind === 'array') throw new MetricMathError('IF on arrays of time series is not supported');
    const at = (v: MathValue | undefined, i: number) => (v === undefined ? undefined : v.kind === 'scalar' ? v.value : (v as { series: TimeSeries }).series.values[i]);
    if (condition.kind === 'scalar' && whenTrue.kind === 'scalar' && (whenFalse === undefined || whenFalse.kind === 'scalar')) {
      return truth(condition.value) ? whenTrue : (whenFalse ?? { kind: 'scalar', value: NaN });
    }
    const id = [condition, whenTrue, whenFalse].find((v) => v?.kind === 'series') as { series: TimeSeries };
    return {
      kind: 'series',
      series: {
        id: id.series.id,
        values: Array.from({ length: n }, (_, i) => {
          const c = at(condition, i);
          if (c === undefined) return undefined;
          return truth(c) ? at(whenTrue, i) : at(whenFalse, i);
        }),
      },
    };
  };

  function evaluateNode(node: MathNode): MathValue {
    switch (node.kind) {
      case 'number':
        return { kind: 'scalar', value: node.value };
      case 'string':
        throw new MetricMathError(`a string ("${node.value}") is only allowed as the argument of METRICS()`);
      case 'keyword':
        throw new MetricMathError(`${node.name} is only allowed as the second argument of FILL`);
      case 'id':
        return resolve(node.name);
      case 'unary': {
        const operand = evaluateNode(node.operand);
        return node.op === '-' ? map(operand, (x) => -x) : map(operand, (x) => Number(!truth(x)));
      }
      case 'binary':
        return combine(evaluateNode(node.left), evaluateNode(node.right), BINARY[node.op], node.op);
      case 'call':
        return call(node);
      case 'list': {
        const parts = node.items.map(evaluateNode);
        const out: TimeSeries[] = [];
        for (const part of parts) {
          if (part.kind === 'scalar') throw new MetricMathError('an array [ … ] holds time series, not numbers');
          if (part.kind === 'series') out.push(part.series);
          else out.push(...part.series);
        }
        return { kind: 'array', series: out };
      }
    }
  }

  function call(node: Extract<MathNode, { kind: 'call' }>): MathValue {
    const { name, args } = node;
    const arity = (count: number) => {
      if (args.length !== count) throw new MetricMathError(`${name} takes ${count} argument${count === 1 ? '' : 's'}, got ${args.length}`);
    };
    switch (name) {
      case 'METRICS': {
        if (args.length > 1) throw new MetricMathError('METRICS takes at most one argument, a string');
        const filter = args[0];
        if (filter && filter.kind !== 'string') throw new MetricMathError('the argument of METRICS is a string such as "errors"');
        return metricsArray(filter?.value);
      }
      case 'SUM':
      case 'AVG':
      case 'MIN':
      case 'MAX': {
        // SUM(m1, m2) is SUM([m1, m2]) (the page: "SUM([m1, m2])"); we accept both spellings.
        if (args.length === 0) throw new MetricMathError(`${name} needs an argument`);
        if (args.length === 1) return reduce(name, evaluateNode(args[0]!));
        const parts = args.map(evaluateNode);
        if (parts.some((p) => p.kind !== 'series')) throw new MetricMathError(`${name} of several arguments takes time series`);
        return reduce(name, { kind: 'array', series: parts.map((p) => (p as { series: TimeSeries }).series) });
      }
      case 'IF':
        return ifThen(args);
      case 'FILL':
        arity(2);
        return fill(evaluateNode(args[0]!), args[1]!);
      case 'ABS':
        arity(1);
        return map(evaluateNode(args[0]!), Math.abs);
      case 'CEIL':
        arity(1);
        return map(evaluateNode(args[0]!), Math.ceil);
      case 'FLOOR':
        arity(1);
        return map(evaluateNode(args[0]!), Math.floor);
      case 'PERIOD': {
        // PERIOD(m): the period of the metric in seconds, as a scalar (all series here share one period).
        arity(1);
        if (evaluateNode(args[0]!).kind === 'scalar') throw new MetricMathError('PERIOD takes a metric or an expression');
        return { kind: 'scalar', value: options.periodSeconds ?? 60 };
      }
      default:
        throw new MetricMathError(`function ${name} is not supported by the simulator`);
    }
  }

  return resolve(id);
}

/** The single time series an alarm evaluates: a scalar becomes a flat line; an array is an error (an alarm needs one series). */
export function asSingleSeries(value: MathValue, length: number): Datapoints {
  if (value.kind === 'series') return value.series.values;
  if (value.kind === 'scalar') return Array.from({ length }, () => clean(value.value));
  throw new MetricMathError('the expression returns several time series; an alarm needs exactly one (wrap it in SUM, AVG, MIN or MAX)');
}
