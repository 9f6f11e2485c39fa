/** Rewrites examples/kubernetes/ from the chart (scripts/check-chart.sh --update-examples). */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support/chart.ts';
import { EXAMPLES_DIR, renderExamples } from './support/examples.ts';

const dir = join(ROOT, EXAMPLES_DIR);
const files = renderExamples();
// A template the chart no longer has leaves no file behind.
for (const name of readdirSync(dir)) if (name.endsWith('.yaml') && !files.has(name)) rmSync(join(dir, name));
for (const [name, text] of files) writeFileSync(join(dir, name), text);
console.log(`${EXAMPLES_DIR}: ${[...files.keys()].sort().join(', ')}`);
