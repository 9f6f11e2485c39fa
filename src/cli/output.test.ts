import { spawn } from 'node:child_process';
import { linkSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { writeOutput, writeOutputChunks } from './output.ts';

const output = suite('--output');
let dir = '';
output.before.each(() => {
  dir = mkdtempSync(join(tmpdir(), 'rg-output-'));
});
output.after.each(() => rmSync(dir, { recursive: true, force: true }));

output('a report that fails half-way leaves the previous report whole, and no temporary file behind', () => {
  const file = join(dir, 'report.json');
  writeFileSync(file, 'the previous report\n');
  assert.throws(() =>
    writeOutputChunks((write) => {
      write('x'.repeat(3 << 20));
      throw new Error('the report failed');
    }, file),
  );
  assert.is(readFileSync(file, 'utf8'), 'the previous report\n');
  assert.equal(readdirSync(dir), ['report.json']);
});

output('a complete report replaces the previous one, keeping its mode', () => {
  const file = join(dir, 'report.sarif');
  writeFileSync(file, 'old', { mode: 0o640 });
  assert.is(
    writeOutputChunks((write) => ['a', 'b'.repeat(2 << 20), 'c'].forEach(write), file),
    undefined,
  );
  assert.is(readFileSync(file, 'utf8'), `a${'b'.repeat(2 << 20)}c`);
  assert.is(statSync(file).mode & 0o777, 0o640);
  assert.equal(readdirSync(dir), ['report.sarif']);
});

output('a new file is created; a link stays a link and its target gets the report', () => {
  assert.is(writeOutput('new\n', join(dir, 'new.txt')), undefined);
  assert.is(readFileSync(join(dir, 'new.txt'), 'utf8'), 'new\n');
  writeFileSync(join(dir, 'target.txt'), 'old');
  symlinkSync('target.txt', join(dir, 'link.txt'));
  assert.is(writeOutput('through the link\n', join(dir, 'link.txt')), undefined);
  assert.ok(lstatSync(join(dir, 'link.txt')).isSymbolicLink());
  assert.is(readlinkSync(join(dir, 'link.txt')), 'target.txt');
  assert.is(readFileSync(join(dir, 'target.txt'), 'utf8'), 'through the link\n');
});

output('a file with other hard links and a device are written in place', () => {
  writeFileSync(join(dir, 'a.txt'), 'old');
  linkSync(join(dir, 'a.txt'), join(dir, 'b.txt'));
  assert.is(writeOutput('both names\n', join(dir, 'a.txt')), undefined);
  assert.is(readFileSync(join(dir, 'b.txt'), 'utf8'), 'both names\n');
  assert.is(writeOutput('nothing\n', '/dev/null'), undefined);
  assert.ok(statSync('/dev/null').isCharacterDevice());
});

output('an unwritable place is an error naming it, not a throw', () => {
  const err = writeOutput('x', join(dir, 'missing', 'report.json'));
  assert.ok(err);
  assert.match(String(err?.message), /cannot write the output/);
});

/** A process that writes a report of 40 MiB to OUT, slowly (a slow disk), as the CLI writes one. */
const SLOW_WRITER = `
import { writeOutputChunks } from ${JSON.stringify(fileURLToPath(new URL('./output.ts', import.meta.url)))};
const busy = (ms) => { const end = Date.now() + ms; while (Date.now() < end); };
// As in the CLI, the report is written after the run's awaits, not while the main module is evaluated.
await new Promise((resolve) => setTimeout(resolve, 1));
writeOutputChunks((write) => {
  write('{"report": "');
  for (let i = 0; i < 40; i++) { write('x'.repeat(1 << 20)); busy(25); }
  write('"}\\n');
}, process.env.OUT);
`;

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  output(`${signal} while the report is written leaves no temporary file, a whole report, and ends the process as the signal does`, async () => {
    const file = join(dir, 'report.json');
    writeFileSync(file, 'the previous report\n');
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', SLOW_WRITER], { env: { ...process.env, OUT: file }, stdio: 'ignore' });
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
    // Sent once the temporary is there: the write has begun and takes a few seconds more.
    let sent = false;
    for (let i = 0; i < 3000 && !sent && child.exitCode === null; i++) {
      if (readdirSync(dir).some((n) => n.endsWith('.tmp'))) {
        child.kill(signal);
        sent = true;
      } else await new Promise((r) => setTimeout(r, 5));
    }
    const end = await ended;
    assert.ok(sent, 'the write was seen under way');
    assert.equal(end, { code: null, signal });
    assert.equal(readdirSync(dir), ['report.json']);
    const text = readFileSync(file, 'utf8');
    assert.ok(text === 'the previous report\n' || (text.startsWith('{"report": "x') && text.endsWith('"}\n') && text.length === (40 << 20) + 15), `a whole report, not ${text.length} bytes`);
  });
}

output.run();
