/**
 * issue 20: a root of many configs holds none of their bytes between reads. Each later read goes through the
 * same scan root and must find the bytes read first; a file edited in between is said, never reported from
 * other bytes than the ones the rest of its report came from.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ScanRoot } from '../sources/index.ts';
import { parseRepoConfigs, type RepoConfig } from './repo-configs.ts';

// Secrets file lines as real configs have them: a global one, repeated in modules, one module's own, and a
// file two configs share; the choice keeps only what namedSecrets reads of them.
const config = (i: number) =>
  `secrets file = own.secrets\n[mod${i}]\n    path = /srv/m${i}\n    read only = no\n    auth users = u\n    secrets file = own.secrets\n` +
  `[other${i}]\n    path = /srv/o${i}\n    auth users = u\n    secrets file = ${i < 2 ? '../shared.secrets' : 'other.secrets'}\n[plain${i}]\n    path = /srv/p${i}\n`;

/** A root of `n` configs, one folder each; beside them an include and a stunnel front end, to be read again too. */
function manyConfigs(n: number): { root: string; files: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'rg-many-'));
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const dir = join(root, `svc${String(i).padStart(5, '0')}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'rsyncd.conf'), i === 0 ? `&include extra.inc\n${config(i)}` : config(i));
    writeFileSync(join(dir, 'own.secrets'), `u:pw-${i}-Correct-Horse\n`);
    files.push(join(dir, 'rsyncd.conf'));
  }
  writeFileSync(join(root, 'svc00000', 'extra.inc'), 'max connections = 4\n');
  writeFileSync(join(root, 'shared.secrets'), 'u:secret\n');
  return { root, files };
}

/** Configs in the root, and the lean threshold below them (the default, 1000, behaves the same: it is only a count). */
const N = 12;
const LEAN = { heldConfigs: 4 };

const shown = (r: RepoConfig) => (r.kind === 'config' ? `config ${r.file}` : r.kind === 'error' ? `error ${r.target}: ${r.message}` : r.kind);

const lean = suite('parseRepoConfigs: a root of many configs, read again when reported');

lean('every config and its texts are what a root that holds the bytes gives', () => {
  const { root, files } = manyConfigs(N);
  try {
    const out = [...parseRepoConfigs(root, files, LEAN)];
    const few = [...parseRepoConfigs(root, files.slice(0, 3), { heldConfigs: 3 })];
    assert.is(out.length, N);
    assert.ok(out.every((r) => r.kind === 'config'));
    const first = out[0];
    const held = few[0];
    assert.ok(first?.kind === 'config' && held?.kind === 'config');
    assert.equal(first.texts, held.texts);
    assert.equal(first.config, held.config);
    const second = out[1];
    assert.ok(second?.kind === 'config' && few[1]?.kind === 'config');
    assert.equal(second.secrets, few[1].secrets);
    assert.equal(first.secrets, held.secrets);
    assert.is(first.secrets.length, 2);
    assert.is(first.texts.length, 2, 'the include is quoted from as well');
    assert.match(first.texts[1]?.[1] ?? '', /max connections = 4/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

lean('a config edited between the choice and its report is an error for it alone, even at the same size', () => {
  const { root, files } = manyConfigs(N);
  try {
    const out: RepoConfig[] = [];
    let edited = false;
    for (const r of parseRepoConfigs(root, files, LEAN)) {
      out.push(r);
      if (!edited) {
        // Same length, other bytes: only the digest tells.
        writeFileSync(files[5] as string, config(5).replace('read only = no', 'read only = 0'));
        writeFileSync(join(root, 'svc00000', 'extra.inc'), 'max connections = 9\n');
        edited = true;
      }
    }
    const errors = out.filter((r) => r.kind === 'error').map(shown);
    assert.is(out.length, N);
    assert.is(errors.length, 1, errors.join('\n'));
    assert.match(errors[0] ?? '', /svc00005\/rsyncd\.conf: not scanned: .*changed while it was being scanned/);
    // The first config was reported before its include changed: from the bytes read first.
    const first = out[0];
    assert.ok(first?.kind === 'config');
    assert.match(first.texts[1]?.[1] ?? '', /max connections = 4/);
    assert.ok(out[6]?.kind === 'config', 'the others go on');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

lean('an include edited before its config is reported: the config is not reported from the new bytes', () => {
  const { root, files } = manyConfigs(N);
  writeFileSync(join(root, 'aaa.conf'), '&include svc00000/extra.inc\n[top]\n    path = /srv/top\n');
  try {
    const out: RepoConfig[] = [];
    let edited = false;
    for (const r of parseRepoConfigs(root, [join(root, 'aaa.conf'), ...files], LEAN)) {
      if (!edited) {
        writeFileSync(join(root, 'svc00000', 'extra.inc'), 'max connections = 9\n');
        edited = true;
      }
      out.push(r);
    }
    // svc00000/rsyncd.conf is reported after the edit: its include reads as changed, which the parse notes
    // on the include line, and its texts cannot be quoted from the file as parsed first.
    const svc0 = out.find((r) => (r.kind === 'config' && r.file === files[0]) || (r.kind === 'error' && r.target.endsWith('svc00000/rsyncd.conf')));
    assert.ok(svc0 !== undefined);
    if (svc0.kind === 'config') {
      assert.not.ok(svc0.texts.some(([, t]) => t.includes('max connections = 9')));
      assert.ok(svc0.config.diagnostics.some((d) => /changed while it was being scanned/.test(d.message)));
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

const root = suite('ScanRoot without held bytes');

root('reads a file again only while it is the same bytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rg-root-'));
  try {
    writeFileSync(join(dir, 'a.conf'), 'one\n');
    const scan = new ScanRoot(dir, undefined, false, { holdBytes: false });
    const first = scan.open(join(dir, 'a.conf'));
    assert.ok(first.kind === 'file');
    const again = scan.open(join(dir, 'a.conf'));
    assert.ok(again.kind === 'file' && Buffer.from(again.bytes).toString() === 'one\n');
    writeFileSync(join(dir, 'a.conf'), 'two\n');
    const changed = scan.open(join(dir, 'a.conf'));
    assert.is(changed.kind, 'unreadable');
    assert.match('reason' in changed ? changed.reason : '', /a\.conf changed while it was being scanned/);
    const held = new ScanRoot(dir);
    assert.ok(held.open(join(dir, 'a.conf')).kind === 'file');
    writeFileSync(join(dir, 'a.conf'), 'three\n');
    const kept = held.open(join(dir, 'a.conf'));
    assert.ok(kept.kind === 'file' && Buffer.from(kept.bytes).toString() === 'two\n', 'a root that holds bytes keeps the first ones');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

lean.run();
root.run();
