/**
 * "All UI text through i18n", checked: every SFC template is parsed and any static text or
 * user-visible static attribute (title, placeholder, aria-label, alt, label) that contains letters
 * fails the test. Symbols (×, →, ▶, ·) and numbers are fine; words must come from en.ts/ko.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from '@vue/compiler-sfc';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../../src-renderer/src');
const VISIBLE_ATTRIBUTES = new Set(['title', 'placeholder', 'aria-label', 'alt', 'label', 'aria-description']);
const LETTERS = /[A-Za-z\u3131-\uD79D]/;

function vueFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return vueFiles(path);
    return entry.name.endsWith('.vue') ? [path] : [];
  });
}

interface Node {
  type: number;
  content?: string | Node;
  children?: Node[];
  props?: { type: number; name: string; value?: { content: string } }[];
  loc: { start: { line: number } };
}

// compiler-core NodeTypes: ELEMENT 1, TEXT 2, ATTRIBUTE 6.
function findHardCoded(node: Node, out: string[]): void {
  if (node.type === 2 && typeof node.content === 'string' && LETTERS.test(node.content)) out.push(`line ${node.loc.start.line}: text "${node.content.trim()}"`);
  if (node.type === 1) {
    for (const prop of node.props ?? []) {
      if (prop.type === 6 && VISIBLE_ATTRIBUTES.has(prop.name) && prop.value && LETTERS.test(prop.value.content)) {
        out.push(`line ${node.loc.start.line}: ${prop.name}="${prop.value.content}"`);
      }
    }
  }
  for (const child of node.children ?? []) findHardCoded(child, out);
}

describe('templates', () => {
  const files = vueFiles(ROOT);

  it('are all found', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it('contain no hard-coded words: all UI text goes through i18n', () => {
    const problems: string[] = [];
    for (const file of files) {
      const { descriptor } = parse(readFileSync(file, 'utf8'), { filename: file });
      if (!descriptor.template?.ast) continue;
      const found: string[] = [];
      findHardCoded(descriptor.template.ast as unknown as Node, found);
      for (const problem of found) problems.push(`${relative(ROOT, file)} ${problem}`);
    }
    expect(problems).toEqual([]);
  });
});
