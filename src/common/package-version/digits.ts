/** Shared by the three orderings: a run of digits compared as a number of any size. */

export type Order = -1 | 0 | 1;

export function sign(n: number): Order {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

/**
 * Compares two digit strings by value. Version parts can be longer than a double holds exactly (dates,
 * commit counters), so the comparison is on the text: leading zeros dropped, then the longer is larger,
 * then character by character.
 */
export function compareDigits(a: string, b: string): Order {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}
