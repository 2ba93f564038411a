/** An error that crosses the contract as a typed value ({ code, message }) instead of `Internal`. */
import type { ContractError } from './contract';

export class CoreError extends Error {
  constructor(
    readonly code: ContractError['code'],
    message: string,
  ) {
    super(message);
  }
}
