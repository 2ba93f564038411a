/**
 * Malformed, oversized and wrong-typed messages for every contract channel: the fuzz corpus the IPC
 * and WebSocket fuzz tests send. Every generated (channel, payload) is guaranteed invalid — an
 * unknown channel, or a payload the channel's schema rejects — so a correct core answers each with a
 * typed error and changes nothing.
 */
import fc from 'fast-check';
import { requests, type RequestChannel } from '../../../src-main/core/contract';

const channels = Object.keys(requests) as RequestChannel[];

/** Values that break naive code: prototype keys, huge strings, deep nesting, odd numbers. */
const nasty = fc.oneof(
  fc.constantFrom(null, undefined, NaN, Infinity, -Infinity, -0, 2 ** 53 + 1, '', '\u0000', '__proto__', 'constructor', [], {}, true),
  fc.string({ maxLength: 200 }),
  fc.integer(),
  fc.double(),
  fc.constant('x'.repeat(100_000)),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
  fc.constant({ constructor: { prototype: { polluted: true } } } as unknown),
  fc.constant(Array.from({ length: 2_000 }, (_, i) => i)),
  fc.constant(((): unknown => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 500; i++) deep = { nested: deep };
    return deep;
  })()),
);

const payload = fc.oneof(
  fc.anything({ maxDepth: 4 }),
  nasty,
  fc.dictionary(fc.string({ maxLength: 20 }), nasty, { maxKeys: 6 }),
  // Valid-looking shapes with one field wrong.
  fc.record({ command: fc.oneof(fc.constantFrom('pause', 'resume', 'step', 'setSpeed', 'reset', 'explode'), nasty), seconds: nasty, speed: nasty }),
  fc.record({ type: nasty, parameters: nasty, durationSeconds: nasty }),
  fc.record({ name: nasty, fileName: nasty, yaml: nasty }),
);

const channel = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...channels) }, { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 40 }), nasty) });

/** [channel, payload] pairs that the contract rejects. */
export const invalidRequest = fc.tuple(channel, payload).filter(([c, p]) => {
  if (typeof c !== 'string' || !Object.hasOwn(requests, c)) return true;
  return !requests[c as RequestChannel].request.safeParse(p ?? {}).success;
});

export const ERROR_CODES = new Set(['UnknownChannel', 'InvalidRequest', 'NotSupported', 'Unauthorized', 'Internal']);
