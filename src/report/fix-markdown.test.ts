/**
 * A suggestion block quotes config lines exactly, so a config line must never close its fence: a continued
 * parameter's next line may be nothing but backticks (rsync reads it as part of the value), and a value may
 * hold a longer run. The block is read back as CommonMark reads a backtick fence.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { applyEdits, type LineEdit, type TargetFixes } from '../fix/index.ts';
import { fence, fixesMarkdownLines } from './fix-markdown.ts';

/** The bodies of the fenced blocks, as CommonMark delimits them (opening 3+ backticks; closing as many or more, alone). */
function fencedBodies(md: string[]): string[][] {
  const bodies: string[][] = [];
  let open: { len: number; body: string[] } | null = null;
  for (const line of md) {
    const m = /^ {0,3}(`{3,})(.*)$/.exec(line);
    if (open === null) {
      if (m?.[1] !== undefined && !(m[2] ?? '').includes('`')) open = { len: m[1].length, body: [] };
    } else if (m?.[1] !== undefined && m[1].length >= open.len && (m[2] ?? '').trim() === '') {
      bodies.push(open.body);
      open = null;
    } else open.body.push(line);
  }
  assert.is(open, null, 'every fence is closed');
  return bodies;
}

function target(before: string, edits: LineEdit[]): TargetFixes {
  const file = 'rsyncd.conf';
  return {
    target: file,
    verified: [
      {
        fixes: [{ rule_id: 'RSYNC-004', target: file, module: 'm', path: 'config.modules[0].params.hosts deny' }],
        rule_ids: ['RSYNC-004'],
        parameter: 'hosts deny',
        summary: '[m] hosts deny = *',
        notes: [],
        edits,
        access: { modules: ['m'], fields: [] },
      },
    ],
    rejected: [],
    unfixed: [],
    commands: [],
    files: [{ file, before, after: applyEdits(before, edits) }],
  };
}

test('a fence is longer than any backtick run in its lines, wherever the run is', () => {
  assert.is(fence(['a', 'b']), '```');
  assert.is(fence(['```']), '````');
  assert.is(fence(['comment = x ````` y']), '``````');
});

test('a config line of backticks (a continued value) stays inside its suggestion block', () => {
  const before = ['[m]', 'path = /srv/m', 'hosts allow = 10.0.0.0/8 \\', '```', 'comment = a ```` b', '[n]', ''].join('\n');
  const t = target(before, [
    { file: 'rsyncd.conf', start: 5, end: 4, lines: ['hosts deny = *'] },
    { file: 'rsyncd.conf', start: 5, end: 5, lines: ['comment = a ```` b c'] },
  ]);
  const md = fixesMarkdownLines([{ target: 'rsyncd.conf', fixes: t }]);
  const bodies = fencedBodies(md);
  // One block or two (touching edits may be merged): the config lines, all inside, nothing else.
  assert.equal(bodies.flat(), ['```', 'hosts deny = *', 'comment = a ```` b c'], md.join('\n'));
});

test.run();
