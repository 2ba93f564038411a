/**
 * How deep a request may nest, checked before validation. zod (and the error description after it)
 * recurse into a value, so a payload nested ~8000 levels (`[[[…]]]`, 16 KB — well inside a frame's
 * size bound) exhausted the stack: "RangeError: Maximum call stack size exceeded", answered Internal
 * (review-attack t3). The walk here is iterative and stops at the first node past the limit, so it
 * costs at most the size of the value, and no request of the contract comes near the limit.
 */

/** Levels of arrays and objects (the payload itself is level 1); the contract's deepest requests use fewer than 10. */
export const MAX_REQUEST_DEPTH = 64;

export interface DepthProblem {
  /** The depth reached when the walk stopped (MAX_REQUEST_DEPTH + 1). */
  depth: number;
  /** Where: the keys and indexes down to the first too-deep node, dotted (`action.0.0`), cut to 200 characters. */
  path: string;
}

/** The first place `value` nests deeper than `limit`, or undefined. */
export function requestDepthProblem(value: unknown, limit = MAX_REQUEST_DEPTH): DepthProblem | undefined {
  const stack: { value: unknown; depth: number; path: readonly (string | number)[] }[] = [{ value, depth: 1, path: [] }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.value === null || typeof node.value !== 'object') continue;
    if (node.depth > limit) return { depth: node.depth, path: node.path.join('.').slice(0, 200) };
    // Only the first few path segments are kept: the path of a node 8000 levels down is not worth 8000 entries.
    const childPath = (key: string | number) => (node.path.length < 20 ? [...node.path, key] : node.path);
    if (Array.isArray(node.value)) node.value.forEach((item: unknown, index) => stack.push({ value: item, depth: node.depth + 1, path: childPath(index) }));
    else for (const [key, item] of Object.entries(node.value)) stack.push({ value: item, depth: node.depth + 1, path: childPath(key) });
  }
  return undefined;
}
