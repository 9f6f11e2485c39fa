/**
 * A small reader of the Prometheus text exposition format (version 0.0.4), written for the tests so that
 * what /metrics serves is checked by a parser that is not prom-client's own: `# TYPE` lines, then samples
 * `name{label="value",…} number`, label values with \\ \" and \n escapes. Anything else is an error.
 */
export interface Exposition {
  types: Map<string, string>;
  samples: { name: string; labels: Record<string, string>; value: number }[];
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: -?\d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/y;

function labelsOf(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const m = LABEL.exec(text);
    if (!m?.[1]) throw new Error(`bad labels in: ${line}`);
    labels[m[1]] = (m[2] ?? '').replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
  }
  return labels;
}

export function parseExposition(text: string): Exposition {
  const out: Exposition = { types: new Map(), samples: [] };
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const type = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type?.[1] && type[2]) out.types.set(type[1], type[2]);
    if (line.startsWith('#')) continue;
    const m = SAMPLE.exec(line);
    if (!m?.[1] || m[3] === undefined) throw new Error(`not a sample line: ${line}`);
    // Prometheus reads values with Go's ParseFloat, which takes NaN and Inf in any case (prom-client writes "Nan").
    const word = m[3].toLowerCase();
    const value = /^\+?inf$/.test(word) ? Number.POSITIVE_INFINITY : word === '-inf' ? Number.NEGATIVE_INFINITY : Number(m[3]);
    if (Number.isNaN(value) && word !== 'nan') throw new Error(`not a number in: ${line}`);
    out.samples.push({ name: m[1], labels: labelsOf(m[2] ?? '', line), value });
  }
  return out;
}

/** The value of the one sample with this name and exactly these labels; an error when there is none or several. */
export function sample(e: Exposition, name: string, labels: Record<string, string>): number {
  const want = JSON.stringify(Object.entries(labels).sort());
  const found = e.samples.filter((s) => s.name === name && JSON.stringify(Object.entries(s.labels).sort()) === want);
  if (found.length !== 1) throw new Error(`${found.length} samples ${name}${want}`);
  return found[0]?.value ?? Number.NaN;
}
