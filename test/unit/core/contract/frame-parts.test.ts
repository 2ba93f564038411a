/**
 * No frame over 256 kB (issue 15 item 5): a long message is sent in parts that each fit, joined
 * back exactly (multi-byte text and surrogate pairs included); short ones pass untouched; a part
 * out of order or a header that lies is refused, not joined into something else.
 */
import { describe, expect, it } from 'vitest';
import { FrameJoiner, MAX_FRAME_BYTES, MAX_PARTS, splitFrame } from '@main/core/contract';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('frame parts', () => {
  it('sends a short frame as it is', () => {
    const json = JSON.stringify({ type: 'event', channel: 'update', payload: { a: 1 } });
    expect(splitFrame(json, 1)).toEqual([json]);
    expect(new FrameJoiner().accept(json)).toBe(json);
  });

  it('splits a long one into parts of at most 256 kB each and joins them back exactly', () => {
    for (const unit of ['{"k":"ascii"},', '{"k":"대상 그룹"},', '{"k":"😀x"},']) {
      const json = `[${unit.repeat(Math.ceil(900_000 / unit.length))}{}]`;
      const parts = splitFrame(json, 7);
      expect(parts.length).toBeGreaterThan(1);
      for (const part of parts) expect(bytes(part)).toBeLessThanOrEqual(MAX_FRAME_BYTES);
      const joiner = new FrameJoiner();
      const results = parts.map((part) => joiner.accept(part));
      expect(results.slice(0, -1).every((r) => r === undefined)).toBe(true);
      expect(results.at(-1)).toBe(json);
      expect(JSON.parse(results.at(-1)!)).toHaveLength(Math.ceil(900_000 / unit.length) + 1);
    }
  });

  it('refuses a part out of order, a lying header, too many parts, and recovers on the next message', () => {
    const json = JSON.stringify({ big: 'x'.repeat(600_000) });
    const parts = splitFrame(json, 3);
    const joiner = new FrameJoiner();
    joiner.accept(parts[0]!);
    expect(() => joiner.accept(parts[2]!)).toThrow(/out of order/);
    expect(() => joiner.accept(`P1 0 ${MAX_PARTS + 1}\nx`)).toThrow(/at most/);
    expect(() => joiner.accept('Pnonsense')).toThrow(/header/);
    expect(parts.map((part) => joiner.accept(part)).at(-1)).toBe(json);
  });
});
