import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { inlineWaivers } from './inline-waivers.ts';

const scan = (text: string) => inlineWaivers(Buffer.from(text), 'rsyncd.conf');

const inline = suite('inlineWaivers');

inline('applies a waiver comment to the next line, stacking consecutive waivers', () => {
  const r = scan('[pub]\n# rsyncguard: ignore RSYNC-001 public mirror by design\n; rsyncguard: ignore RSYNC-003 served to the world\npath = /srv\n');
  assert.equal(
    r.waivers.map((w) => [w.rule, w.line, w.target_line]),
    [
      ['RSYNC-001', 2, 4],
      ['RSYNC-003', 3, 4],
    ],
  );
  assert.is(r.waivers[0]?.reason, 'public mirror by design');
});

inline('ignores a waiver without a reason or rule id, and says so', () => {
  const r = scan('# rsyncguard: ignore RSYNC-001\n# rsyncguard: ignore everything\npath = /srv\n');
  assert.is(r.waivers.length, 0);
  assert.equal(
    r.diagnostics.map((d) => d.code),
    ['inline-waiver-without-reason', 'inline-waiver-malformed'],
  );
});

inline('does not treat a trailing comment as a waiver (rsync keeps it in the value)', () => {
  assert.is(scan('path = /srv # rsyncguard: ignore RSYNC-001 no\n').waivers.length, 0);
});

inline.run();
