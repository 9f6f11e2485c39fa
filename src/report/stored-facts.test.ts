import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding, RuleInfo } from '../engine/index.ts';
import { toJson, writeJson } from './json.ts';
import type { Report, TargetReport } from './model.ts';
import { storedFacts } from './stored-facts.ts';

const rule: RuleInfo = { id: 'RSYNC-001', title: 'Module without authentication', description: 'd', severity: 'medium', security_severity: '5.3', cwe: 'CWE-306', tags: ['access'], help: 'h', help_uri: null, package: 'p' };

/** Facts as the engine sees them, with text a hostile host could send (quotes, newlines, U+2028, controls). */
function facts(i: number): Record<string, unknown> {
  return {
    schema: 'rsyncguard/facts@1',
    target: { id: `web${i}:/etc/rsyncd.conf`, kind: 'host' },
    config: { modules: [{ name: `m"${i}\n\u2028\u0007`, params: { path: { value: '/srv', line: 3 } } }], globals: {} },
    list: [1, null, true, 'é'],
  };
}

function target(i: number, f: object): TargetReport {
  const finding: Finding = {
    rule_id: 'RSYNC-001',
    title: 't',
    severity: 'high',
    context: null,
    message: `host ${i}: "quoted"\nnext`,
    target: `web${i}:/etc/rsyncd.conf`,
    module: 'm',
    path: 'config.modules[0]',
    location: { file: 'etc/rsyncd.conf', line: 1, column: 1 },
  };
  return { target: `web${i}:/etc/rsyncd.conf`, kind: 'host', findings: [finding], waived: [], notes: [], facts: f };
}

function report(n: number, store: boolean): Report {
  return {
    tool: { name: 'rsyncguard', version: '0.1.0' },
    rules: [rule],
    targets: Array.from({ length: n }, (_, i) => target(i, store ? storedFacts(facts(i)) : facts(i))),
    errors: [{ target: 'db1', message: 'unreachable: "no route"' }],
    expired_waivers: [],
  };
}

const stored = suite('stored facts');

stored('read back as the same document: properties, `in`, keys, JSON', () => {
  const f = storedFacts(facts(7)) as Record<string, unknown>;
  assert.equal(JSON.parse(JSON.stringify(f)), facts(7));
  assert.ok('config' in f);
  assert.not.ok('nothing' in f);
  assert.equal(Object.keys(f), Object.keys(facts(7)));
  assert.equal(f['target'], { id: 'web7:/etc/rsyncd.conf', kind: 'host' });
});

stored('a spread of the target copies the stored document, not its contents', () => {
  const t = target(1, storedFacts(facts(1)));
  const copy = { ...t, notes: [] };
  assert.is(copy.facts, t.facts);
});

stored('cannot be changed: a report says what was evaluated', () => {
  const f = storedFacts(facts(2)) as Record<string, unknown>;
  assert.throws(() => {
    f['schema'] = 'other';
  });
  assert.throws(() => delete f['schema']);
  assert.is(f['schema'], 'rsyncguard/facts@1');
});

stored('many documents read in turn each come back whole (the cache of recent ones never mixes them up)', () => {
  const docs = Array.from({ length: 20 }, (_, i) => storedFacts(facts(i)) as { target: { id: string } });
  for (let round = 0; round < 2; round++) for (const [i, d] of docs.entries()) assert.is(d.target.id, `web${i}:/etc/rsyncd.conf`);
});

const json = suite('JSON written in pieces');

json('the pieces make the same document as one JSON.stringify of it, stored facts or not', () => {
  for (const n of [0, 1, 3]) {
    const plain = toJson(report(n, false));
    assert.is(toJson(report(n, true)), plain, `${n} targets`);
    // The layout is JSON.stringify's own: parse and print again, byte for byte.
    assert.is(`${JSON.stringify(JSON.parse(plain), null, 2)}\n`, plain, `${n} targets`);
    assert.is((JSON.parse(plain) as { targets: unknown[] }).targets.length, n);
  }
});

json('one piece per target: no piece holds two targets', () => {
  const pieces: string[] = [];
  writeJson(report(50, true), (p) => pieces.push(p));
  assert.is(pieces.join(''), toJson(report(50, true)));
  // A target's own `kind` is the only line at this depth with that text (its facts' kind is deeper).
  const perPiece = pieces.map((p) => (p.match(/\n {6}"kind": "host"/g) ?? []).length);
  assert.ok(Math.max(...perPiece) <= 1, `pieces with targets: ${perPiece.join(',')}`);
  assert.is(
    perPiece.reduce((a, b) => a + b, 0),
    50,
  );
});

json('a target whose text looks like the placeholder does not move the targets', () => {
  const r = report(1, false);
  r.errors.push({ target: '"targets": "\\u0000targets"', message: '\u0000targets' });
  const doc = JSON.parse(toJson(r)) as { targets: unknown[]; errors: { target: string }[] };
  assert.is(doc.targets.length, 1);
  assert.is(doc.errors[1]?.target, '"targets": "\\u0000targets"');
});

stored.run();
json.run();
