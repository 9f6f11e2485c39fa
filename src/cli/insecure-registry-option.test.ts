import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { UserError } from '../common/index.ts';
import type { ParsedArgs } from './command.ts';
import { insecureRegistries, takeBareInsecureRegistry } from './insecure-registry-option.ts';

const take = suite('takeBareInsecureRegistry');

take('keeps a flag followed by a registry, as the parser will read its value', () => {
  assert.equal(takeBareInsecureRegistry(['img', '--insecure-registry', '127.0.0.1:5000']), { argv: ['img', '--insecure-registry', '127.0.0.1:5000'], bare: false });
  assert.equal(takeBareInsecureRegistry(['--insecure-registry', 'localhost', 'x']), { argv: ['--insecure-registry', 'localhost', 'x'], bare: false });
  assert.equal(takeBareInsecureRegistry(['--insecure-registry=127.0.0.1:1']), { argv: ['--insecure-registry=127.0.0.1:1'], bare: false });
});

take('takes a bare flag: at the end, before an option, before an image reference or a word that is no registry', () => {
  assert.equal(takeBareInsecureRegistry(['127.0.0.1:5000/a:1', '--insecure-registry']), { argv: ['127.0.0.1:5000/a:1'], bare: true });
  assert.equal(takeBareInsecureRegistry(['--insecure-registry', '--format', 'json']), { argv: ['--format', 'json'], bare: true });
  assert.equal(takeBareInsecureRegistry(['--insecure-registry', '127.0.0.1:5000/a:1']), { argv: ['127.0.0.1:5000/a:1'], bare: true });
  assert.equal(takeBareInsecureRegistry(['--insecure-registry', 'serve']), { argv: ['serve'], bare: true });
});

take('leaves everything after -- alone', () => {
  assert.equal(takeBareInsecureRegistry(['--', '--insecure-registry']), { argv: ['--', '--insecure-registry'], bare: false });
});

const registries = suite('insecureRegistries');
const args = (v: string[] | undefined): ParsedArgs => ({ values: v === undefined ? {} : { 'insecure-registry': v }, positionals: [], given: new Set() });

registries('is every named registry, checked; none named is none', () => {
  assert.equal(insecureRegistries(args(['127.0.0.1:5000', 'localhost:5001']), false), ['127.0.0.1:5000', 'localhost:5001']);
  assert.is(insecureRegistries(args(undefined), false), false);
  assert.is(insecureRegistries(args(undefined), true), true, 'the bare flag: every registry on loopback');
});

registries('a registry off loopback is the command’s error, naming it', () => {
  const r = insecureRegistries(args(['127.0.0.1:5000', 'ghcr.io']), false);
  assert.ok(r instanceof UserError && r.message.startsWith('--insecure-registry ghcr.io: plain HTTP is allowed only to a registry on loopback'));
});

take.run();
registries.run();
