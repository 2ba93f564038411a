/**
 * CloudWatch metric math: an evaluator for the expressions of MetricDataQueries, as the CloudWatch
 * User Guide describes them ("Using metric math",
 * docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html, "Metric math syntax and
 * functions"). The expressions are parsed by metric-math-syntax.ts; this module is the one callers
 * import, so the parser's API is exported from here too.
 *
 * Values are, as on that page, a scalar, a single time series or an array of time series. Time series
 * here are aligned on a fixed list of periods (the caller's), a missing datapoint being `undefined`.
 *
 * Pure: no I/O, no clock; the caller supplies each metric's datapoints.
 */
import { MetricMathError, parseExpression, type BinaryOp, type MathNode } from './metric-math-syntax';

export { functionsUsed, idsUsed, MAX_EXPRESSION_LENGTH, MetricMathError, parseExpression, type BinaryOp, type MathNode } from './metric-math-syntax';

/** The functions this evaluator implements (the common ones of the page's function table). */
export const SUPPORTED_FUNCTIONS: ReadonlySet<string> = new Set(['SUM', 'AVG', 'MIN', 'MAX', 'METRICS', 'IF', 'FILL', 'ABS', 'CEIL', 'FLOOR', 'PERIOD']);

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