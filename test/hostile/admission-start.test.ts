/**
 * The webhook refuses to start on a setting it could not honour, with a one-line reason: an image limit that
 * is not a number would fail every image (and, under --fail-open, admit every one), and a missing TLS file
 * used to end as an internal error with a stack.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, tempTree } from './support/cli.ts';

const start = suite('admission serve at start');

start('an image limit that is not a whole number stops the webhook before it listens', () => {
  const dir = tempTree({ 'tls.crt': 'x', 'tls.key': 'x' });
  const r = runCli(['admission', 'serve', '--tls-cert', 'tls.crt', '--tls-key', 'tls.key', '--listen', '127.0.0.1:0', '--fail-open'], { cwd: dir, env: { RSYNCGUARD_MAX_LAYER_BYTES: '12MB' }, timeoutMs: 20_000 });
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stderr, 'RSYNCGUARD_MAX_LAYER_BYTES="12MB" is not a positive whole number');
});

start('a missing certificate is a named error, not a stack trace', () => {
  const dir = tempTree();
  const r = runCli(['admission', 'serve', '--tls-cert', 'missing.crt', '--tls-key', 'missing.key', '--listen', '127.0.0.1:0'], { cwd: dir, timeoutMs: 20_000 });
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stderr, 'cannot read the TLS certificate missing.crt: no such file');
  assert.not.match(r.stderr, /internal error|\n\s+at /);
});

start.run();
