/**
 * How a command reads its command line: node:util parseArgs with the command's options, and its
 * operands checked the same way in every command — a missing operand is a usage error saying what
 * the command needs, one too many is `unexpected argument "…"`.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './output';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true }>>['values'];

function refuseExtra(extra: string[]): void {
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
}

/** The options of a command that takes no operand. */
export function parseOptions<const O extends Options>(args: string[], options: O): Values<O> {
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true });
  refuseExtra(positionals);
  return values;
}

/** The operand (a scenario, a DNS name) and the options of a command that takes exactly one; `missing`: the usage error without it. */
export function parseOperand<const O extends Options>(args: string[], options: O, missing: string): { operand: string; values: Values<O> } {
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true });
  const [operand, ...extra] = positionals;
  if (!operand) throw new UsageError(missing);
  refuseExtra(extra);
  return { operand, values };
}
