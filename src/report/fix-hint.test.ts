import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fixHint, fixHints, MAX_HINT_CHARS } from './fix-hint.ts';

const hint = suite('fixHint');

hint('takes the first sentence of the help and leaves the Avoid/Prefer snippets out', () => {
  const help = 'Require a login for every module that is not a deliberate public mirror.\n\nAvoid:\n```ini\n[backups]\n    path = /srv/backups\n```\nPrefer:\n```ini\n[backups]\n    auth users = backup\n```';
  assert.is(fixHint({ help }), 'Require a login for every module that is not a deliberate public mirror.');
});

hint('joins a sentence wrapped over several lines and stops at its full stop', () => {
  const help = 'Give a module with its own limit its own lock file (or give modules that share one the same\nlimit). Then restart.\n';
  assert.is(fixHint({ help }), 'Give a module with its own limit its own lock file (or give modules that share one the same limit).');
});

hint('does not end a sentence at "e.g.", at a version number or at a full stop inside code or brackets', () => {
  assert.is(fixHint({ help: 'Keep the secrets file outside every module path, e.g. `/etc/rsyncd.secrets`. More.' }), 'Keep the secrets file outside every module path, e.g. `/etc/rsyncd.secrets`.');
  assert.is(fixHint({ help: 'Upgrade to 3.5.0 now. Later.' }), 'Upgrade to 3.5.0 now.');
  assert.is(fixHint({ help: 'Run `rsync --server --daemon .` under stunnel. Later.' }), 'Run `rsync --server --daemon .` under stunnel.');
  assert.is(fixHint({ help: 'Upgrade rsync (3.5.0 fixes it. Really.) or patch. Later.' }), 'Upgrade rsync (3.5.0 fixes it. Really.) or patch.');
});

hint('skips a leading heading, a code block and a bare "Avoid:" label to find the instruction', () => {
  const help = '# Fix\n\n```ini\nuse chroot = no\n```\n\nAvoid:\n```ini\nuse chroot = no\n```\n\nLet a root daemon chroot into each module.';
  assert.is(fixHint({ help }), 'Let a root daemon chroot into each module.');
});

hint('a lead-in ending in a colon keeps a one- or two-line snippet inline, and drops a longer one', () => {
  assert.is(fixHint({ help: 'Bind rsync to loopback:\n```ini\naddress = 127.0.0.1\n```' }), 'Bind rsync to loopback: `address = 127.0.0.1`.');
  assert.is(fixHint({ help: 'Run it unprivileged:\n```ini\ndaemon uid = rsync\ndaemon gid = rsync\n```' }), 'Run it unprivileged: `daemon uid = rsync`, `daemon gid = rsync`.');
  assert.is(fixHint({ help: 'Add a drop-in:\n```ini\n[Service]\nNoNewPrivileges=yes\nProtectSystem=full\n```' }), 'Add a drop-in.');
});

hint('strips list markers and bold, and is null for a help without prose', () => {
  assert.is(fixHint({ help: '- **Remove** the module.' }), 'Remove the module.');
  assert.is(fixHint({ help: '' }), null);
  assert.is(fixHint({ help: '```ini\nlist = no\n```' }), null);
});

hint('escapes control characters in the help of a custom rule', () => {
  assert.is(fixHint({ help: 'Run \u001b[2Jthis.' }), 'Run \\x1b[2Jthis.');
});

hint('caps a help that never ends a sentence', () => {
  const h = fixHint({ help: 'word '.repeat(200) });
  assert.ok(h !== null && h.length === MAX_HINT_CHARS && h.endsWith('…'));
});

hint('gives every built-in rule a one-line hint that ends a sentence and quotes no fence', () => {
  // The rule catalog the build writes (tests run from the repository root).
  const doc: unknown = JSON.parse(readFileSync(resolve('dist/rules.json'), 'utf8'));
  const rules = (Array.isArray(doc) ? doc : (doc as { rules: unknown[] }).rules) as { id: string; help: string }[];
  assert.ok(rules.length > 50);
  for (const [id, h] of fixHints(rules)) {
    assert.ok(h !== null, `${id} has a hint`);
    assert.not.match(h, /\n|```/, id);
    assert.match(h, /[.!?]$/, id);
    assert.not.match(h, /^(Avoid|Prefer)\b/, id);
  }
});

hint.run();
