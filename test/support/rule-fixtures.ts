/**
 * The rule fixtures in test/fixtures/rules/<ID>/: `fires.conf` must raise the rule, `quiet.conf` must not.
 * A line `# expect RSYNC-### [anywhere]` in fires.conf says the finding is located on the next line (or
 * anywhere). `fires.json`/`quiet.json` overlay facts a config cannot express (version, host, image);
 * `setup.json` sets file modes and owners on a temporary copy, since git keeps neither.
 */
import { chmodSync, chownSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { today } from '../../src/common/index.ts';
import { loadConfigTarget } from '../../src/runner/index.ts';
import type { FactsDocument } from '../../src/facts/index.ts';

export const RULE_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'rules');

export interface RuleFixture {
  rule: string;
  kind: 'fires' | 'quiet';
  facts: FactsDocument;
  /** For `fires`: where findings must be (line null: anywhere). */
  expect: { rule: string; line: number | null }[];
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

function expectations(conf: string): { rule: string; line: number | null }[] {
  return conf.split('\n').flatMap((text, i) => {
    const m = /^# expect (RSYNC-\d{3})( anywhere)?$/.exec(text);
    return m?.[1] ? [{ rule: m[1], line: m[2] ? null : i + 2 }] : [];
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
  const loaded = loadConfigTarget(join(dir, `${kind}.conf`), { root: dir, daemonUser: 'root', rsyncVersion: [3, 5, 0], today: today() });
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
      const expect = kind === 'fires' ? expectations(readFileSync(join(dir, 'fires.conf'), 'utf8')) : [];
      out.push({ rule, kind, facts: factsFor(dir, kind), expect });
    }
  }
  return out;
}
