/**
 * Issue 15: `flightdeck sim run` must not load the AWS SDK (it cost 1.1 s CPU and 105 MiB for a one-minute
 * run). Walks the static import graph from the CLI entry the way the bundle loads it: static `import` and
 * `export … from` are followed, `await import()` is not (the AWS commands load their modules that way, only
 * when asked for). Fails if any path from the entry reaches an `@aws-sdk/*` package.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const ALIASES: Record<string, string> = { '@contract': join(ROOT, 'src-main/core/contract') };

function resolveFile(from: string, specifier: string): string | undefined {
  const alias = Object.keys(ALIASES).find((name) => specifier === name || specifier.startsWith(`${name}/`));
  const base = alias ? join(ALIASES[alias]!, specifier.slice(alias.length)) : specifier.startsWith('.') ? resolve(dirname(from), specifier) : undefined;
  if (!base) return undefined; // a package: not followed further
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate) && candidate.endsWith('.ts')) return candidate;
  throw new Error(`${from}: cannot resolve ${specifier}`);
}

/** Static imports of a file: `import … from 'x'`, `import 'x'`, `export … from 'x'` (not `import type`, not `import()`). */
function staticImports(source: string): string[] {
  const out: string[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?([^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const match of source.matchAll(pattern)) if (!match[2]) out.push(match[4]!);
  return out;
}

/** The first chain of static imports from `entry` to a package matching `forbidden`, or undefined. */
function pathTo(entry: string, forbidden: RegExp): string[] | undefined {
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]): string[] | undefined => {
    if (seen.has(file)) return undefined;
    seen.add(file);
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
      if (forbidden.test(specifier)) return [...chain, file, specifier];
      const next = resolveFile(file, specifier);
      const found = next && walk(next, [...chain, file]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(entry, []);
}

describe('the sim run path loads no AWS SDK', () => {
  it('finds the SDK when it is there (the walker works)', () => {
    expect(pathTo(join(ROOT, 'src-main/cli/aws-snapshot.ts'), /^@aws-sdk\//)).toBeDefined();
  });

  it.each(['src-main/cli/index.ts', 'src-main/cli/sim-run.ts'])('%s reaches no @aws-sdk package through static imports', (entry) => {
    const chain = pathTo(join(ROOT, entry), /^@aws-sdk\//);
    expect(chain?.map((file) => file.replace(`${ROOT}/`, '')).join(' → ')).toBeUndefined();
  });
});
