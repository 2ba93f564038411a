/**
 * YAML with CloudFormation's short-form intrinsic tags (`!Ref`, `!GetAtt`, `!Sub`, …), turned into the
 * long form (`{ Ref: X }`, `{ 'Fn::GetAtt': [A, B] }`) so one evaluator handles both, while keeping a
 * map from YAML paths to lines for error messages.
 * Tags: docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
 */
import { LineCounter, parseDocument, isAlias, isMap, isNode, isSeq, isScalar, type Document, type Node, type Pair, type YAMLMap, type YAMLWarning } from 'yaml';
import type { Diagnostic, DiagnosticCode, PathSegment } from './diagnostics';
import { formatPath } from './diagnostics';

type CustomTag = NonNullable<Parameters<typeof parseDocument>[1]>['customTags'];

const FUNCTION_TAGS = ['Base64', 'Cidr', 'FindInMap', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform', 'And', 'Equals', 'If', 'Not', 'Or', 'Condition'];

function intrinsicTags(): CustomTag {
  const tags: { tag: string; collection?: 'map' | 'seq'; resolve: (value: unknown) => unknown }[] = [];
  const longName = (name: string) => (name === 'Condition' ? 'Condition' : `Fn::${name}`);
  // !Ref and !GetAtt take a scalar; !GetAtt A.B is short for ['A', 'B'].
  tags.push({ tag: '!Ref', resolve: (value) => ({ Ref: value }) });
  tags.push({
    tag: '!GetAtt',
    resolve: (value) => {
      const text = String(value);
      const dot = text.indexOf('.');
      return { 'Fn::GetAtt': dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)] };
    },
  });
  tags.push({ tag: '!GetAtt', collection: 'seq', resolve: (value) => ({ 'Fn::GetAtt': value }) });
  for (const name of FUNCTION_TAGS) {
    tags.push({ tag: `!${name}`, resolve: (value) => ({ [longName(name)]: value }) });
    tags.push({ tag: `!${name}`, collection: 'seq', resolve: (value) => ({ [longName(name)]: value }) });
    tags.push({ tag: `!${name}`, collection: 'map', resolve: (value) => ({ [longName(name)]: value }) });
  }
  return tags as unknown as CustomTag;
}

export interface YamlSource {
  value: unknown;
  /** Line and column of the node at `path`, or of its closest ancestor that has one. */
  locate(path: readonly PathSegment[]): { line: number; column: number };
  diagnostics: Diagnostic[];
}

/**
 * A file that is JSON (its first character is `{`, or its name ends in .json) is checked as JSON first:
 * a syntax error there is a JSON error at its line, not a YAML one.
 */
function jsonProblem(text: string, file: string | undefined): Diagnostic | undefined {
  if (!(/^\s*\{/.test(text) || /\.json$/i.test(file ?? ''))) return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const { reason, line, column } = jsonSyntaxError(text, error);
    // The parser's own words (not ours to translate) inside a translated sentence, with where.
    return { severity: 'error', message: `invalid JSON: ${reason}`, path: '', line, column, code: 'file.invalidJson', params: { reason, line, column } };
  }
}

/**
 * JSON.parse's complaint without its position, and that position as line and column (1-based; 0
 * when the parser gave none, as for "Unexpected end of JSON input").
 */
export function jsonSyntaxError(text: string, error: unknown): { reason: string; line: number; column: number } {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  let line = 0;
  let column = 0;
  if (position) {
    const before = text.slice(0, Number(position[1]));
    line = before.split('\n').length;
    column = Number(position[1]) - before.lastIndexOf('\n');
  }
  const reason = message.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  return { reason, line, column };
}

/** The most alias expansions in one file (the yaml library's guard against alias bombs). */
const MAX_ALIAS_COUNT = 100;

/**
 * The deepest nesting of lists and mappings a file may have. Turning a document into values recurses,
 * so 100,000 levels (200 KB of `[`) exhausted the stack (review-attack t3); real templates nest
 * fewer than 20 levels (intrinsic functions inside properties included).
 */
export const MAX_YAML_DEPTH = 100;

export function readYaml(text: string, file?: string): YamlSource {
  const json = jsonProblem(text, file);
  if (json) return { value: undefined, locate: () => ({ line: 0, column: 0 }), diagnostics: [json] };
  const lineCounter = new LineCounter();
  const document: Document = parseDocument(text, {
    customTags: intrinsicTags(),
    lineCounter,
    prettyErrors: false,
    // The library's own check compares every key with every other (n² for a Resources map of
    // thousands of entries: a 1 MiB file took 25 s); documentShape below does it with a Set.
    uniqueKeys: false,
  });
  const diagnostics: Diagnostic[] = [];
  // After a syntax error the parser's later complaints are mostly its consequences (an unclosed quote
  // makes every following line wrong): the first one is the one to fix.
  for (const error of document.errors.slice(0, 1)) {
    const pos = lineCounter.linePos(error.pos[0]);
    const reason = error.message.split('\n')[0] ?? '';
    // Nesting so deep the parser itself ran out of stack: the depth limit, where the parser stopped.
    if (error.code === 'RESOURCE_EXHAUSTION' || /call stack/i.test(reason)) {
      diagnostics.push(tooDeep(pos.line, pos.col));
      continue;
    }
    // The parser's code (BAD_INDENT, MISSING_CHAR …) is what the window translates; `reason` is its English.
    diagnostics.push({ severity: 'error', message: `invalid YAML: ${reason}`, path: '', line: pos.line, column: pos.col, code: 'file.invalidYaml', params: { reason, yamlCode: error.code } });
  }
  const shape = document.errors.length > 0 ? undefined : documentShape(document);
  if (shape?.tooDeepAt !== undefined) {
    const pos = lineCounter.linePos(shape.tooDeepAt);
    diagnostics.push(tooDeep(pos.line, pos.col));
  }
  if (shape?.selfAlias) {
    const pos = lineCounter.linePos(shape.selfAlias.offset);
    const alias = shape.selfAlias.name;
    diagnostics.push({ severity: 'error', message: `invalid YAML: the alias *${alias} refers to itself (it is inside the node &${alias} names)`, path: '', line: pos.line, column: pos.col, code: 'yaml.aliasSelfReference', params: { alias } });
  }
  // CloudFormation accepts a mapping that repeats a key, in YAML and JSON templates alike, and uses the
  // last value (github.com/aws-cloudformation/cfn-language-discussion/issues/96): so do we, and say so.
  for (const { key, offset } of shape?.duplicateKeys ?? []) {
    const pos = lineCounter.linePos(offset);
    diagnostics.push({ severity: 'warning', message: `the key "${key}" is repeated in one mapping; the last value is used, as CloudFormation does`, path: '', line: pos.line, column: pos.col, code: 'yaml.duplicateKey', params: { key } });
  }
  for (const warning of document.warnings) {
    const pos = lineCounter.linePos(warning.pos[0]);
    // An unknown tag is something we do not support; say which.
    diagnostics.push({ severity: 'warning', message: warning.message.split('\n')[0] ?? 'YAML warning', path: '', line: pos?.line ?? 0, column: pos?.col ?? 0, ...yamlWarningCode(warning) });
  }

  // Each map's keys indexed once, on first use: a scenario with thousands of warnings locates each in O(depth).
  const keyIndex = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairOf = (map: YAMLMap, key: string): Pair | undefined => {
    let index = keyIndex.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items) if (isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item);
      keyIndex.set(map, index);
    }
    return index.get(key);
  };

  const locate = (path: readonly PathSegment[]): { line: number; column: number } => {
    let node: unknown = document.contents;
    let best: Node | undefined = node as Node | undefined;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = pairOf(node, String(segment));
        if (!pair) break;
        best = (pair.key as Node | undefined) ?? best;
        node = pair.value;
        if (node && (node as Node).range) best = node as Node;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
        if (node && (node as Node).range) best = node as Node;
        else break;
      } else {
        break;
      }
    }
    const offset = best?.range?.[0];
    if (offset === undefined) return { line: 0, column: 0 };
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };

  let value: unknown;
  try {
    const refused = document.errors.length > 0 || shape?.tooDeepAt !== undefined || shape?.selfAlias !== undefined;
    value = refused ? undefined : toPlain(document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
  } catch (error) {
    const reason = (error as Error).message;
    diagnostics.push({ severity: 'error', message: `invalid YAML: ${reason}`, path: '', line: 0, column: 0, ...afterParseCode(error, reason) });
  }
  return { value, locate, diagnostics };
}

function tooDeep(line: number, column: number): Diagnostic {
  return { severity: 'error', message: `the document nests lists and mappings deeper than ${MAX_YAML_DEPTH} levels`, path: '', line, column, code: 'yaml.tooDeep', params: { limit: MAX_YAML_DEPTH } };
}

interface DocumentShape {
  /** Where nesting first goes past MAX_YAML_DEPTH. */
  tooDeepAt?: number;
  /** The first alias inside the node its anchor names (`a: &r { b: *r }`): expanding it never ends. */
  selfAlias?: { name: string; offset: number };
  /** Keys that appear twice in one mapping (scalar keys, compared as text), with the offset of the repeat. */
  duplicateKeys: { key: string; offset: number }[];
}

/**
 * One walk over the parsed document, iterative (no recursion, whatever the depth), in document order so
 * that an alias meets the anchor it names (the last one before it): how deep it nests, a self-referring
 * alias, repeated keys. It stops at the first node past the depth limit.
 */
function documentShape(document: Document): DocumentShape {
  const shape: DocumentShape = { duplicateKeys: [] };
  const anchors = new Map<string, Node>();
  const stack: { node: unknown; depth: number }[] = [{ node: document.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isNode(node)) continue;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      const at = node.range?.[0] ?? 0;
      if (!shape.selfAlias && target?.range && target.range[0] <= at && at < target.range[2]) shape.selfAlias = { name: node.source, offset: at };
      continue;
    }
    if (node.anchor) anchors.set(node.anchor, node);
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth > MAX_YAML_DEPTH) {
      shape.tooDeepAt = node.range?.[0] ?? 0;
      return shape;
    }
    const children: unknown[] = [];
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const item of node.items) {
        if (isScalar(item.key)) {
          const key = String(item.key.value);
          if (seen.has(key)) shape.duplicateKeys.push({ key, offset: item.key.range?.[0] ?? 0 });
          seen.add(key);
        }
        children.push(item.key, item.value);
      }
    } else {
      children.push(...node.items);
    }
    // Reversed onto the stack, so they come off in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], depth: depth + 1 });
  }
  return shape;
}

/**
 * Custom collection tags (`!Join [...]`) resolve to objects that still hold YAML nodes, and nested
 * tags nest them further; turn everything into plain JSON values.
 */
function toPlain(value: unknown): unknown {
  if (isNode(value)) return toPlain(value.toJSON());
  if (Array.isArray(value)) return value.map(toPlain);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlain(item)]));
  }
  return value;
}

/**
 * What went wrong turning a parsed document into values: more aliases than we expand (the library's
 * guard against "billion laughs"), or a structure too deep to walk (an alias inside itself); anything
 * else in the library's words.
 */
function afterParseCode(error: unknown, reason: string): DiagnosticCode {
  if (/alias count/i.test(reason)) return { code: 'yaml.tooManyAliases', params: { max: MAX_ALIAS_COUNT } };
  // Past the checks above, only aliases expanding into aliases can still nest this deep.
  if (error instanceof RangeError) return { code: 'yaml.tooDeep', params: { limit: MAX_YAML_DEPTH } };
  return { code: 'file.invalidYaml', params: { reason } };
}

/**
 * A YAML parser warning as a code: an unknown tag (`!Foo`) names the tag; any other warning keeps the
 * parser's own words and code (its messages are the library's, as an AWS error message is AWS's).
 */
function yamlWarningCode(warning: YAMLWarning): DiagnosticCode {
  const reason = warning.message.split('\n')[0] ?? '';
  const tag = /^Unresolved tag: (.+)$/.exec(reason)?.[1];
  if (warning.code === 'TAG_RESOLVE_FAILED' && tag !== undefined) return { code: 'yaml.unresolvedTag', params: { tag } };
  return { code: 'yaml.warning', params: { reason, yamlCode: warning.code } };
}

/** A diagnostic builder bound to one source. */
export function diagnose(source: YamlSource, sink: Diagnostic[], file?: string) {
  return (severity: Diagnostic['severity'], path: readonly PathSegment[], message: string, detail?: DiagnosticCode): void => {
    const { line, column } = source.locate(path);
    sink.push({ severity, message, path: formatPath(path), line, column, ...(file ? { file } : {}), ...(detail ?? {}) });
  };
}

export type { DiagnosticCode } from './diagnostics';
export type Diagnose = ReturnType<typeof diagnose>;
