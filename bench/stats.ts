/** Repeated measurements: the median and the spread (min–max), so one noisy run on a shared machine shows. */
export interface Measured {
  median: number;
  min: number;
  max: number;
}

export async function repeat(times: number, measure: () => number | Promise<number>): Promise<Measured> {
  const values: number[] = [];
  for (let i = 0; i < times; i++) values.push(await measure());
  values.sort((a, b) => a - b);
  return { median: values[Math.floor(values.length / 2)] ?? 0, min: values[0] ?? 0, max: values[values.length - 1] ?? 0 };
}

/** Items per second while `work` runs for about `seconds` (after one warm-up pass). */
export function rate<T>(inputs: T[], work: (input: T) => void, seconds = 1): number {
  for (const i of inputs) work(i);
  let n = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    for (const i of inputs) work(i);
    n += inputs.length;
  }
  return n / ((performance.now() - started) / 1000);
}

export function fmt(m: Measured, digits = 0, unit = ''): string {
  const f = (x: number) => x.toFixed(digits);
  return `${f(m.median)}${unit} (${f(m.min)}–${f(m.max)})`;
}

export interface Row {
  benchmark: string;
  figure: string;
  goal: string;
  met: boolean | null;
  note: string;
}
