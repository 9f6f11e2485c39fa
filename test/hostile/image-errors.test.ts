/**
 * An image that cannot be read is a result, not only a line on stderr: every format carries it (exit 2), and
 * a report file a pipeline waits for is still written. A local file named without its transport is not sent
 * to a registry as a name.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { FORMATS, runCli, tempTree } from './support/cli.ts';

const errors = suite('an image that could not be read');

errors('is in every format, exit 2, and --output still writes the report', () => {
  const dir = tempTree({ 'broken.tar': 'this is not a tar archive\n' });
  for (const format of FORMATS) {
    const r = runCli(['image', 'docker-archive:broken.tar', '--format', format], { cwd: dir, timeoutMs: 30_000 });
    assert.is(r.code, 2, `${format}: ${r.stderr}`);
    assert.match(r.stdout, 'broken.tar', `${format} names the image on stdout`);
    assert.match(r.stdout, 'cannot read the image', `${format} says it was not read`);
  }
  const out = join(dir, 'report.sarif');
  const r = runCli(['image', 'docker-archive:broken.tar', '--format', 'sarif', '--output', out], { cwd: dir, timeoutMs: 30_000 });
  assert.is(r.code, 2);
  assert.ok(existsSync(out), 'the SARIF file was written');
  assert.match(readFileSync(out, 'utf8'), 'cannot read the image');
});

errors('a local file named without its transport is read as a local image, never asked of a registry (issue 18: sniffed)', () => {
  const dir = tempTree();
  writeFileSync(join(dir, 'img1.tar'), 'x');
  const r = runCli(['image', 'img1.tar', '--format', 'json'], { cwd: dir, timeoutMs: 30_000 });
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stdout, 'img1.tar is not an image: a file, and not a tar archive');
  assert.not.match(r.stderr + r.stdout, 'registry-1.docker.io');
  assert.ok(r.stdout.includes('"errors": 1'), r.stdout);
});

errors.run();
