import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { discoverConfigs } from './discover.ts';
import { excludeGlob, matchExcludes, unmatchedExcludes } from './exclude.ts';

const exclude = suite('--exclude: a directory leaves out its subtree (adv2 #11)');

const CONF = '[m]\npath = /srv\nread only = no\n';

/** a/rsyncd.conf, a/deep/rsyncd.d/x.conf, b/rsyncd.conf, ab/rsyncd.conf (a sibling whose name starts like a). */
function tree(): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'rsyncguard-exclude-')));
  for (const d of ['a/deep/rsyncd.d', 'b', 'ab']) mkdirSync(join(root, d), { recursive: true });
  for (const f of ['a/rsyncd.conf', 'a/deep/rsyncd.d/x.conf', 'b/rsyncd.conf', 'ab/rsyncd.conf']) writeFileSync(join(root, f), CONF);
  return root;
}

const found = (root: string, patterns: string[]) => discoverConfigs(root, { exclude: patterns }).map((d) => d.path);

exclude('a, a/, ./a, .//a/ and the absolute path of a leave out everything under a, and nothing else', () => {
  const root = tree();
  try {
    for (const p of ['a', 'a/', './a', './/a/', join(root, 'a'), `${join(root, 'a')}/`, 'a/**', 'a/*']) {
      assert.equal(found(root, [p]), ['ab/rsyncd.conf', 'b/rsyncd.conf'], p);
    }
    assert.equal(found(root, ['a/deep']), ['a/rsyncd.conf', 'ab/rsyncd.conf', 'b/rsyncd.conf']);
    assert.equal(found(root, ['?']), ['ab/rsyncd.conf'], 'a glob matching directories takes their subtrees too');
    assert.equal(found(root, ['b/rsyncd.conf']), ['a/deep/rsyncd.d/x.conf', 'a/rsyncd.conf', 'ab/rsyncd.conf'], 'a file pattern still leaves out the file');
    assert.equal(found(root, [join(root, '*')]), [], 'an absolute glob inside the root');
    assert.equal(found(root, ['.']), [], 'the root itself is everything');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

exclude('an absolute path through a link to the root means the same directory', () => {
  const root = tree();
  const link = `${root}-link`;
  try {
    symlinkSync(root, link);
    assert.is(excludeGlob(root, join(link, 'a')), 'a');
    assert.is(excludeGlob(root, `${join(link, 'a')}/**/*.conf`), 'a/**/*.conf');
    assert.equal(found(root, [join(link, 'a')]), ['ab/rsyncd.conf', 'b/rsyncd.conf']);
  } finally {
    rmSync(link, { force: true, recursive: true });
    rmSync(root, { recursive: true, force: true });
  }
});

exclude('the patterns that matched nothing are named, as given; across roots, only those matching in none', () => {
  const root = tree();
  try {
    const m = matchExcludes(root, ['a/', 'vendor', '/elsewhere/a', 'b/*.conf', 'zz*']);
    assert.equal(m.unmatched, ['vendor', '/elsewhere/a', 'zz*']);
    assert.ok(m.excludes('a/deep/rsyncd.d/x.conf'));
    assert.not.ok(m.excludes('ab/rsyncd.conf'));
    assert.equal(unmatchedExcludes([join(root, 'a'), join(root, 'b')], ['deep', 'rsyncd.conf', 'nothing']), ['nothing']);
    assert.equal(unmatchedExcludes([], ['a']), ['a'], 'no directory scanned: nothing was matched');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

exclude('a link inside the root is matched as an entry and never followed', () => {
  const root = tree();
  try {
    symlinkSync('/', join(root, 'up'));
    const m = matchExcludes(root, ['up/**', 'up']);
    assert.equal(m.unmatched, ['up/**'], 'up/** would need the link followed');
    assert.ok(m.excludes('up'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

exclude.run();
