/**
 * One copy of values that repeat across a fleet's targets (issue 21: 10,000 hosts' findings and CVE notes
 * held the same messages, paths and sentences thousands of times over). Bounded: past `limit` distinct
 * values a new one is returned as it is, so a run with few repeats pays only for the table.
 */
export function interner<T>(limit = 100_000): (key: string, value: T) => T {
  const seen = new Map<string, T>();
  return (key, value) => {
    const known = seen.get(key);
    if (known !== undefined) return known;
    if (seen.size < limit) seen.set(key, value);
    return value;
  };
}
