/**
 * `npm run bench -- redaction`: how long redactText (core/redact.ts) takes on 100,000 characters of
 * hostile text. Every text for a window passes through it on the host's one thread (an AWS error
 * message, a refused request's text), so its cost must stay linear: unbounded patterns took 52 s for
 * 100,000 letters and 91 s for "a.a.a…" before their runs were bounded.
 */
import { redactText } from '../src-main/core/redact';
import type { BenchResult } from './run';

const LENGTH = 100_000;
const ROUNDS = 5;
const TEXTS: Record<string, string> = {
  'letters (aaaa…)': 'a'.repeat(LENGTH),
  'dotted letters (a.a.a…)': 'a.'.repeat(LENGTH / 2),
  'a secret word without a value (tokentoken…)': 'token'.repeat(LENGTH / 5),
  'scheme-like (http:http:…)': 'http:'.repeat(LENGTH / 5),
  'query separators (&&&…)': '&'.repeat(LENGTH),
};

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function redactionBench(): Promise<BenchResult> {
  const rows: { text: string; medianMs: number }[] = [];
  for (const [name, text] of Object.entries(TEXTS)) {
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      redactText(`${text} password=hunter22`);
      times.push(performance.now() - started);
    }
    rows.push({ text: name, medianMs: Math.round(median(times) * 10) / 10 });
  }
  const markdown = [
    `redactText (core/redact.ts) on ${LENGTH.toLocaleString('en')} characters of hostile text followed by a secret, median of ${ROUNDS} (bench/redaction.ts). Before the patterns' runs were bounded: 51,669 ms for letters and 91,304 ms for dotted letters (one run each, same machine).`,
    '',
    '| text | median (ms) |',
    '|---|---|',
    ...rows.map((row) => `| ${row.text} | ${row.medianMs} |`),
  ].join('\n');
  return { name: 'redaction', title: 'Redaction of hostile text', markdown, data: { length: LENGTH, rows } };
}
