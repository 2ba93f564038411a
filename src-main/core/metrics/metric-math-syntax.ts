/**
 * CloudWatch metric math, its syntax: the tokenizer, a recursive-descent parser for the expressions
 * of MetricDataQueries ("Metric math syntax and functions",
 * docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html) and the walks over
 * the tree that tell which functions and query ids an expression uses. No maintained npm package
 * parses this language (the AWS CDK only scans identifiers), and the grammar is a handful of rules.
 *
 * Evaluation is metric-math.ts; pure: no I/O, no clock.
 */

export class MetricMathError extends Error {}

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
