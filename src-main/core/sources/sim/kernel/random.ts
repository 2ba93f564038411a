/**
 * Seeded randomness for the simulator. The global random generator is forbidden in the engine (ESLint enforces it):
 * every subsystem draws from its own named stream derived from the scenario seed, so adding draws in
 * one subsystem never shifts the numbers another one sees, and the same seed gives the same bytes.
 *
 * Generator: sfc32 seeded through splitmix32 — small, fast, good statistical quality, and identical
 * on every JavaScript engine because it uses only 32-bit integer arithmetic.
 */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, bound). */
  int(bound: number): number;
  /** Standard normal (mean 0, sd 1), Box–Muller. */
  normal(): number;
  /** Lowercase hex string of `length` characters. */
  hex(length: number): string;
}

/** '00' … 'ff'. */
const HEX_BYTES: readonly string[] = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a over the stream name, so streams are named, not numbered. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function createRandom(seed: number, stream: string): Random {
  const mix = splitmix32((seed >>> 0) ^ hashString(stream));
  // The generator's four words live in a typed array, not in closure variables: a uint32 above 2^30 is
  // not a small integer to V8, so each assignment to a variable boxed a number — four allocations per
  // draw, the simulator's largest source of garbage at 10,000 instances (issue 15). Same arithmetic.
  const state = new Uint32Array(4);
  state[0] = mix();
  state[1] = mix();
  state[2] = mix();
  state[3] = mix();
  const nextUint32 = (): number => {
    const a = state[0]!;
    const b = state[1]!;
    const c = state[2]!;
    const d = state[3]!;
    const t = (((a + b) >>> 0) + d) >>> 0;
    state[3] = (d + 1) >>> 0;
    state[0] = b ^ (b >>> 9);
    state[1] = (c + (c << 3)) >>> 0;
    const rotated = ((c << 21) | (c >>> 11)) >>> 0;
    state[2] = (rotated + t) >>> 0;
    return t;
  };
  // Discard the first outputs: sfc32 needs a few rounds to mix a weak seed.
  for (let i = 0; i < 12; i++) nextUint32();

  // The second value of each Box–Muller pair, kept unboxed too.
  const spare = new Float64Array(1);
  let hasSpare = false;
  const next = (): number => nextUint32() / 4294967296;
  return {
    next,
    int: (bound) => Math.floor(next() * bound),
    normal() {
      if (hasSpare) {
        hasSpare = false;
        return spare[0]!;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const radius = Math.sqrt(-2 * Math.log(u));
      spare[0] = radius * Math.sin(2 * Math.PI * v);
      hasSpare = true;
      return radius * Math.cos(2 * Math.PI * v);
    },
    hex(length) {
      let out = '';
      // Eight hex digits per draw, as toString(16).padStart(8, '0') wrote them, from a table of the 256 bytes.
      while (out.length < length) {
        const t = nextUint32();
        out += HEX_BYTES[t >>> 24]! + HEX_BYTES[(t >>> 16) & 255]! + HEX_BYTES[(t >>> 8) & 255]! + HEX_BYTES[t & 255]!;
      }
      return out.slice(0, length);
    },
  };
}
