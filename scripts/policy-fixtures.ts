// Writes the rule fixtures' facts documents as OPA data (.cache/policy-fixtures/data.json), so `opa test`
// runs every rule on the same inputs as the Node tests, and its coverage counts them. `at` carries the
// places each fires.conf states (`# expect`), so the Go evaluator checks locations as the Node suite does.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRuleFixtures } from '../test/support/rule-fixtures.ts';

const out = join(import.meta.dirname, '..', '.cache', 'policy-fixtures');
mkdirSync(out, { recursive: true });
const fixtures: Record<string, { input: unknown; fires: string[]; quiet: string[]; at: { rule: string; file: string; line: number }[] }> = {};
for (const fx of loadRuleFixtures()) {
  fixtures[`${fx.rule}/${fx.kind}`] = {
    input: fx.facts,
    fires: fx.kind === 'fires' ? [fx.rule] : [],
    quiet: fx.kind === 'quiet' ? [fx.rule] : [],
    at: fx.expect,
  };
}
writeFileSync(join(out, 'data.json'), `${JSON.stringify({ fixtures })}\n`);
console.log(`${Object.keys(fixtures).length} fixtures → ${join(out, 'data.json')}`);
