import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ImageTree, type NodeAttrs } from './image-tree.ts';

const file = (layer = 0): NodeAttrs => ({ kind: 'file', mode: 0o644, uid: 0, gid: 0, size: 1, layer });
const link = (target: string): NodeAttrs => ({ kind: 'symlink', mode: 0o777, uid: 0, gid: 0, size: 0, layer: 0, target });

const lookup = suite('ImageTree.lookup');

lookup('follows absolute, relative and chained links; ".." stops at the image root', () => {
  const t = new ImageTree();
  t.put('srv/real.cfg', file());
  t.put('opt/cfg/a', link('../../../../../srv/real.cfg'));
  t.put('etc/rsync', link('/opt/cfg'));
  t.put('etc/rsyncd.conf', link('rsync/a'));
  assert.is(t.pathOf(t.lookup('etc/rsyncd.conf') ?? t.root), 'srv/real.cfg');
  assert.is(t.lookup('etc/rsyncd.conf', false)?.kind, 'symlink');
});

lookup('a loop or a dangling link resolves to nothing', () => {
  const t = new ImageTree();
  t.put('a', link('b'));
  t.put('b', link('a'));
  t.put('c', link('/nowhere'));
  assert.is(t.lookup('a'), undefined);
  assert.is(t.lookup('c'), undefined);
});

const merge = suite('ImageTree whiteouts');

merge('a whiteout removes a subtree; an opaque directory hides only what was there', () => {
  const t = new ImageTree();
  t.put('usr/share/a/x', file());
  t.put('usr/share/b', file());
  t.remove('usr/share/a');
  assert.is(t.lookup('usr/share/a/x'), undefined);
  t.clear('usr');
  t.put('usr/new', file(1));
  assert.is(t.lookup('usr/share/b'), undefined);
  assert.is(t.lookup('usr/new')?.layer, 1);
});

lookup.run();
merge.run();
