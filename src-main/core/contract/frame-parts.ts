/**
 * No WebSocket frame over 256 kB (issue 15 item 5): a server frame whose JSON is longer is sent as
 * consecutive parts, each a text frame `P<seq> <index> <count>\n<slice of the JSON>`, and the
 * client's transport joins them before it parses. A JSON frame always starts with `{`, so parts
 * are told apart by their first character. At scale-1000 the first snapshot (the whole inventory,
 * ~400 kB) and the rare merged frame of a slow client are the messages this splits; updates of a
 * subscribed view stay far below the bound.
 *
 * Pure, shared with the renderer (contract folder).
 */

/** The goal's bound on one frame, in bytes. */
export const MAX_FRAME_BYTES = 256_000;
/** Characters of JSON per part, leaving room for the header and for multi-byte characters (checked). */
const PART_CHARS = 240_000;
/** A message of more parts than this (60 MB) is refused by the receiver. */
export const MAX_PARTS = 250;

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

/** The frames to send for `json`: itself when it fits, else its parts. */
export function splitFrame(json: string, seq: number): string[] {
  if (json.length <= PART_CHARS && (json.length * 3 <= MAX_FRAME_BYTES - 64 || utf8Length(json) <= MAX_FRAME_BYTES)) return [json];
  const slices: string[] = [];
  for (let start = 0; start < json.length; ) {
    let end = Math.min(json.length, start + PART_CHARS);
    // Text beyond ASCII takes up to 3 bytes a character (4 per surrogate pair): shrink until it fits.
    while (utf8Length(json.slice(start, end)) > MAX_FRAME_BYTES - 64) end = start + Math.floor((end - start) * 0.75);
    // Never cut a surrogate pair in two (each half alone would not encode).
    const last = json.charCodeAt(end - 1);
    if (end < json.length && last >= 0xd800 && last <= 0xdbff) end--;
    slices.push(json.slice(start, end));
    start = end;
  }
  return slices.map((slice, index) => `P${seq} ${index} ${slices.length}\n${slice}`);
}

/** Joins parts as they arrive; whole frames pass through. */
export class FrameJoiner {
  private seq = -1;
  private parts: string[] = [];

  /**
   * A whole frame's JSON text when `data` completes one, undefined while parts are missing; throws
   * (with what was wrong) on a part that does not follow the one before, which drops what was held.
   */
  accept(data: string): string | undefined {
    if (!data.startsWith('P')) return data;
    const newline = data.indexOf('\n');
    const header = /^P(\d+) (\d+) (\d+)$/.exec(data.slice(0, newline === -1 ? 0 : newline));
    if (!header) throw new Error('a frame part without a valid header');
    const [seq, index, count] = [Number(header[1]), Number(header[2]), Number(header[3])];
    if (count > MAX_PARTS || index >= count) throw new Error(`a frame of ${count} parts (at most ${MAX_PARTS})`);
    if (index === 0) {
      this.seq = seq;
      this.parts = [];
    } else if (seq !== this.seq || index !== this.parts.length) {
      this.parts = [];
      this.seq = -1;
      throw new Error(`frame part ${index} of message ${seq} arrived out of order`);
    }
    this.parts.push(data.slice(newline + 1));
    if (this.parts.length < count) return undefined;
    const whole = this.parts.join('');
    this.parts = [];
    this.seq = -1;
    return whole;
  }
}
