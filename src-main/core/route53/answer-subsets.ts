/**
 * Multivalue answers (R53-5) are subsets: every k-subset for the distribution, one uniform draw for
 * a single resolution. Kept apart from the resolver: pure combinatorics, no DNS.
 */
import { MAX_ENUMERATED_SUBSETS, type RandomSource } from './resolver-model';

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return Math.round(result);
}

/** Every k-subset of `pool` in lexicographic order, or n rotating windows when there are too many. */
export function enumerateSubsets(pool: readonly number[], k: number): { subsets: number[][]; exact: boolean } {
  const n = pool.length;
  if (k >= n) return { subsets: [[...pool]], exact: true };
  if (binomial(n, k) > MAX_ENUMERATED_SUBSETS) {
    const subsets = pool.map((_, start) => Array.from({ length: k }, (_, offset) => pool[(start + offset) % n]!).sort((a, b) => pool.indexOf(a) - pool.indexOf(b)));
    return { subsets, exact: false };
  }
  const subsets: number[][] = [];
  const pick: number[] = [];
  const visit = (from: number) => {
    if (pick.length === k) {
      subsets.push(pick.map((i) => pool[i]!));
      return;
    }
    for (let i = from; i <= n - (k - pick.length); i++) {
      pick.push(i);
      visit(i + 1);
      pick.pop();
    }
  };
  visit(0);
  return { subsets, exact: true };
}

/** A uniform random k-subset (partial Fisher–Yates), listed in pool order. */
export function drawSubset(pool: readonly number[], k: number, random: RandomSource): number[] {
  if (k >= pool.length) return [...pool];
  const items = [...pool];
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random.next() * (items.length - i));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  const picked = new Set(items.slice(0, k));
  return pool.filter((index) => picked.has(index));
}
