/**
 * CW-5: CloudWatch counts (RequestCount, Invocations, HTTPCode_*) are whole numbers per period. The
 * models compute expected values (0.3 errors this tick); a carry per series turns them into whole
 * counts without losing small rates: the fraction is kept and added to the next value, so the sum over
 * any run differs from the expected sum by less than one.
 */
export class WholeCounts {
  private readonly carry = new Map<string, number>();

  /** The whole part of `value` plus what was carried for `key`; the fraction is kept for next time. */
  take(key: string, value: number): number {
    const total = (this.carry.get(key) ?? 0) + Math.max(0, value);
    const whole = Math.floor(total + 1e-9);
    this.carry.set(key, total - whole);
    return whole;
  }
}
