/**
 * The rule fixtures in test/fixtures/rules/<ID>/: `fires.conf` must raise the rule, `quiet.conf` must not.
 * fires.conf states where every finding of its rule is, one comment line each:
 *   `# expect RSYNC-###`                 the finding is on the next line of fires.conf;
 *   `# expect RSYNC-### at FILE:LINE`    it is at FILE (as the finding names it: `other.secrets`, the
 *                                        config itself for a daemon-wide finding, a unit file) line LINE.
 * The rule's findings must be exactly the stated places, and every `# expect` must name the fixture's own
 * rule: a comment that cannot be read or names another rule is an error, so a typo cannot pass unchecked.
 * `fires.json`/`quiet.json` overlay facts a config cannot express (version, host, image); `setup.json` sets
 * file modes and owners on a temporary copy, since git keeps neither.
 */
import { chmodSync, chownSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { today } from '../../src/common/index.ts';
import { loadConfigTarget } from '../../src/runner/index.ts';
import { type FactsDocument, modelledVersion } from '../../src/facts/index.ts';

export const RULE_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'rules');

export interface RuleFixture {
  rule: string;
  kind: 'fires' | 'quiet';
  facts: FactsDocument;
  /** For `fires`: every place the rule's findings must be, and no other. */
  expect: Expectation[];
}

export interface Expectation {
  rule: string;
  file: string;
  line: number;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObject(v: Json | undefined): v is { [k: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Objects merge key by key; anything else replaces. */
function merge(base: Json, over: Json): Json {
  if (!isObject(base) || !isObject(over)) return over;
  const out: { [k: string]: Json } = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = k in base ? merge(base[k] ?? null, v) : v;
  return out;
}

/** The `# expect` lines of a fires.conf; throws on one it cannot read or that names another rule. */
export function expectations(rule: string, conf: string): Expectation[] {
  return conf.split('\n').flatMap((text, i) => {
    if (!text.startsWith('# expect')) return [];
    const where = `test/fixtures/rules/${rule}/fires.conf:${i + 1}`;
    const m = /^# expect (RSYNC-\d{3})(?: at (\S+):([1-9]\d*))?$/.exec(text);
    if (!m?.[1]) throw new Error(`${where}: cannot read "${text}"; write "# expect ${rule}" (the next line) or "# expect ${rule} at FILE:LINE"`);
    if (m[1] !== rule) throw new Error(`${where}: expects ${m[1]}, but the fixture is for ${rule}`);
    return [{ rule: m[1], file: m[2] ?? 'fires.conf', line: m[3] ? Number(m[3]) : i + 2 }];
  });
}

function prepare(rule: string): string {
  const dir = mkdtempSync(join(tmpdir(), `rg-${rule}-`));
  cpSync(join(RULE_FIXTURES, rule), dir, { recursive: true });
  const setupPath = join(dir, 'setup.json');
  if (existsSync(setupPath)) {
    const setup = JSON.parse(readFileSync(setupPath, 'utf8')) as { chmod?: Record<string, string>; chown?: Record<string, number> };
    for (const [file, mode] of Object.entries(setup.chmod ?? {})) chmodSync(join(dir, file), parseInt(mode, 8));
    for (const [file, uid] of Object.entries(setup.chown ?? {})) chownSync(join(dir, file), uid, uid);
  }
  return dir;
}

function factsFor(dir: string, kind: 'fires' | 'quiet'): FactsDocument {
  const loaded = loadConfigTarget(join(dir, `${kind}.conf`), { root: dir, daemonUser: 'root', rsyncVersion: modelledVersion(null), today: today() });
  if (!loaded.ok) throw loaded.error;
  const { facts } = loaded.value;
  // A stable target and date: fixtures must give the same facts wherever they run.
  const base = { ...facts, target: { ...facts.target, id: `${kind}.conf`, display: `${kind}.conf` }, context: { ...facts.context, today: '2026-11-25' } };
  const relabelled = JSON.parse(JSON.stringify(base).replaceAll(`${dir}/`, '')) as Json;
  const overlayPath = join(dir, `${kind}.json`);
  if (!existsSync(overlayPath)) return relabelled as unknown as FactsDocument;
  const { config_file_stat: stat, ...overlay } = JSON.parse(readFileSync(overlayPath, 'utf8')) as { [k: string]: Json };
  const merged = merge(relabelled, overlay) as unknown as FactsDocument;
  if (isObject(stat)) {
    const first = merged.config.files[0];
    if (first) Object.assign(first, { mode: stat['mode'], uid: stat['uid'] });
  }
  return merged;
}

export function loadRuleFixtures(): RuleFixture[] {
  const out: RuleFixture[] = [];
  for (const rule of readdirSync(RULE_FIXTURES).sort()) {
    const dir = prepare(rule);
    for (const kind of ['fires', 'quiet'] as const) {
      if (!existsSync(join(dir, `${kind}.conf`))) continue;
      const expect = kind === 'fires' ? expectations(rule, readFileSync(join(dir, 'fires.conf'), 'utf8')) : [];
      out.push({ rule, kind, facts: factsFor(dir, kind), expect });
    }
  }
  return out;
}
