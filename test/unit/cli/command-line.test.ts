/** Every command reads its operands alike: a missing one says what the command needs, an extra one is named. */
import { describe, expect, it } from 'vitest';
import { parseOperand, parseOptions } from '@main/cli/command-line';
import { UsageError } from '@main/cli/output';

const OPTIONS = { seed: { type: 'string' }, json: { type: 'boolean' } } as const;

describe('command line', () => {
  it('parseOptions: the typed options; any operand is a usage error naming it', () => {
    expect(parseOptions(['--seed', '7', '--json'], OPTIONS)).toEqual({ seed: '7', json: true });
    expect(() => parseOptions(['shop'], OPTIONS)).toThrow(new UsageError('unexpected argument "shop"'));
  });

  it('parseOperand: exactly one operand; without it the given usage message, a second one named', () => {
    expect(parseOperand(['shop', '--seed', '7'], OPTIONS, 'needs a scenario')).toEqual({ operand: 'shop', values: { seed: '7' } });
    expect(() => parseOperand(['--json'], OPTIONS, 'needs a scenario')).toThrow(new UsageError('needs a scenario'));
    expect(() => parseOperand(['shop', 'photos'], OPTIONS, 'needs a scenario')).toThrow(new UsageError('unexpected argument "photos"'));
  });

  it('unknown options are refused by parseArgs as before', () => {
    expect(() => parseOptions(['--bogus'], OPTIONS)).toThrow(/Unknown option '--bogus'/);
  });
});
