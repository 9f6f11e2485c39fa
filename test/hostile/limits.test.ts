/**
 * Issue 12, item 10: bounded resources for what the user hands the tool itself. A huge waiver file, a
 * custom policy that never returns or that keeps growing its memory, and a policy bundle that unpacks to
 * far more than it weighs: each ends with a named error and exit 2, quickly, within a memory bound, and
 * the built-in rules' results are still reported.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { assertNoCanary, runCli, tempTree } from './support/cli.ts';

/** A config with a known built-in finding (anonymous writable module), turned into a facts file. */
function factsFile(): { dir: string; facts: string } {
  const dir = tempTree({ 'rsyncd.conf': '[up]\n    path = /srv/up\n    read only = no\n' });
  const r = runCli(['facts', join(dir, 'rsyncd.conf')]);
  assert.is(r.code, 0, r.stderr);
  const facts = join(dir, 'facts.json');
  writeFileSync(facts, r.stdout);
  return { dir, facts };
}

// --- WebAssembly modules written byte by byte (binary format, WebAssembly core spec §5) ---

const leb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
};
const vec = (bytes: number[]): number[] => [...leb(bytes.length), ...bytes];
const section = (id: number, body: number[]): number[] => [id, ...vec(body)];
const name = (s: string): number[] => vec([...Buffer.from(s)]);

/** A module whose start function runs `body` (a function of type [] -> [] with one i32 local). */
function moduleWithStart(body: number[], memory: 'imported' | 'own-unbounded' | 'none'): Buffer {
  const bytes = [
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, [1, 0x60, 0, 0]), // one type: func [] -> []
    ...(memory === 'imported' ? section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 1]) : []),
    ...section(3, [1, 0]), // one function of type 0
    ...(memory === 'own-unbounded' ? section(5, [1, 0x00, 1]) : []), // min 1 page, no maximum
    ...section(8, [0]), // start: function 0
    ...section(10, [1, ...vec([1, 1, 0x7f, ...body, 0x0b])]), // one body: one i32 local, code, end
  ];
  return Buffer.from(bytes);
}

/** loop br 0 end: never returns. */
const LOOP_FOREVER = [0x03, 0x40, 0x0c, 0x00, 0x0b];
/** Grows memory a page at a time and touches each new page, forever (memory.grow gives -1 at the maximum). */
const GROW_FOREVER = [
  0x03,
  0x40, // loop
  0x41,
  0x01,
  0x40,
  0x00,
  0x22,
  0x00, // i32.const 1; memory.grow; local.tee 0
  0x41,
  0x7f,
  0x47,
  0x04,
  0x40, // i32.const -1; i32.ne; if
  0x20,
  0x00,
  0x41,
  0x10,
  0x74,
  0x41,
  0x01,
  0x36,
  0x02,
  0x00, // local.get 0; i32.const 16; i32.shl; i32.const 1; i32.store
  0x0b,
  0x0c,
  0x00,
  0x0b, // end; br 0; end
];

function wasmPolicy(dir: string, bytes: Buffer): string {
  const rules = { entrypoint: 'rsyncguard/custom_main/findings', rules: [{ id: 'EVIL-001', title: 'never answers', severity: 'low' }] };
  writeFileSync(join(dir, 'rules.json'), JSON.stringify(rules));
  writeFileSync(join(dir, 'policy.wasm'), bytes);
  return join(dir, 'policy.wasm');
}

interface JsonReport {
  targets: { findings: { rule_id: string }[] }[];
  errors: { target: string; message: string }[];
}

const limits = suite('bounded resources (issue 12, item 10)');

limits('a 48 MB waiver file is refused by size before it is parsed', () => {
  const { dir, facts } = factsFile();
  const entry = '  - rule: RSYNC-001\n    reason: accepted\n    expires: 2999-01-01\n';
  writeFileSync(join(dir, 'waivers.yaml'), `waivers:\n${entry.repeat(Math.ceil((48 << 20) / entry.length))}`);
  const started = performance.now();
  const r = runCli(['eval', facts, '--waivers', join(dir, 'waivers.yaml'), '--format', 'json'], { timeoutMs: 60_000 });
  const ms = performance.now() - started;
  console.log(`  48 MB waiver file: exit ${r.code} in ${ms.toFixed(0)} ms, peak ${r.peakMiB.toFixed(0)} MiB`);
  assert.is(r.code, 2, r.stderr.slice(0, 500));
  assert.match(r.stderr, /waivers\.yaml: the waiver file is 48(\.\d)? MiB, over the limit of 1 MiB/);
  assert.ok(r.peakMiB < 200, `peak ${r.peakMiB} MiB`);
});

limits('a custom policy whose start function loops forever is stopped at its time limit; built-in findings still reported', () => {
  const { dir, facts } = factsFile();
  const policy = wasmPolicy(dir, moduleWithStart(LOOP_FOREVER, 'none'));
  const started = performance.now();
  const r = runCli(['eval', facts, '--policy', policy, '--format', 'json'], { timeoutMs: 30_000 });
  const ms = performance.now() - started;
  console.log(`  looping start function: exit ${r.code} in ${ms.toFixed(0)} ms, peak ${r.peakMiB.toFixed(0)} MiB`);
  assert.not.ok(r.timedOut, 'the scan hung');
  assert.is(r.code, 2, r.stderr);
  const report = JSON.parse(r.stdout) as JsonReport;
  assert.ok(
    report.targets[0]?.findings.some((f) => f.rule_id.startsWith('RSYNC-')),
    'the built-in rules were evaluated and reported',
  );
  assert.is(report.errors.length, 1);
  assert.match(report.errors[0]?.message ?? '', `the policy ${policy} was stopped: it ran past its time limit of 5000 ms while loading`);
  assert.ok(ms < 15_000, `${ms} ms`);
  assert.ok(r.peakMiB < 300, `peak ${r.peakMiB} MiB`);
});

limits('a custom policy that grows its memory without end is held at its memory limit and stopped', () => {
  const { dir, facts } = factsFile();
  const policy = wasmPolicy(dir, moduleWithStart(GROW_FOREVER, 'imported'));
  const r = runCli(['eval', facts, '--policy', policy, '--format', 'text'], { timeoutMs: 30_000 });
  console.log(`  memory-growing start function: exit ${r.code}, peak ${r.peakMiB.toFixed(0)} MiB`);
  assert.not.ok(r.timedOut, 'the scan hung');
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stdout, `the policy ${policy} was stopped`);
  assert.match(r.stdout, /RSYNC-\d+/, 'the built-in findings are shown');
  assert.ok(r.peakMiB < 400, `peak ${r.peakMiB} MiB (the WebAssembly memory limit is 128 MiB)`);
});

limits('a custom policy declaring its own unbounded memory is never run', () => {
  const { dir, facts } = factsFile();
  const policy = wasmPolicy(dir, moduleWithStart(GROW_FOREVER, 'own-unbounded'));
  const started = performance.now();
  const r = runCli(['eval', facts, '--policy', policy, '--format', 'json'], { timeoutMs: 30_000 });
  const ms = performance.now() - started;
  assert.is(r.code, 2, r.stderr);
  const report = JSON.parse(r.stdout) as JsonReport;
  assert.match(report.errors[0]?.message ?? '', 'it was not run: it declares a memory of its own with no maximum');
  assert.match(report.errors[0]?.message ?? '', 'over its memory limit of 128 MiB');
  assert.ok(report.targets[0]?.findings.some((f) => f.rule_id.startsWith('RSYNC-')));
  assert.ok(ms < 5000, `${ms} ms`);
  assert.ok(r.peakMiB < 250, `peak ${r.peakMiB} MiB`);
});

limits('a policy bundle whose entries unpack to hundreds of MiB is refused at the entry cap', async () => {
  const { dir, facts } = factsFile();
  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on('data', (c: unknown) => chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(String(c))));
  const zeros = Buffer.alloc(32 << 20);
  for (let i = 0; i < 12; i++) tar.entry({ name: `data-${i}.json`, size: zeros.length }, zeros);
  tar.finalize();
  await new Promise<void>((done) => tar.on('end', () => done()));
  const bundle = join(dir, 'bomb.tar.gz');
  writeFileSync(bundle, gzipSync(Buffer.concat(chunks)));
  const r = runCli(['eval', facts, '--policy', bundle], { timeoutMs: 60_000 });
  console.log(`  bundle bomb (12 x 32 MiB entries): exit ${r.code}, peak ${r.peakMiB.toFixed(0)} MiB`);
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stderr, 'data-0.json unpacks to more than 16 MiB, the limit for one entry');
  assert.ok(r.peakMiB < 250, `peak ${r.peakMiB} MiB`);
});

limits('a symbolic link in a policy directory is not followed (opa would quote what it points at)', () => {
  // The pinned OPA (scripts/opa.sh builds it once) stands in for the opa a user has on PATH.
  execFileSync('scripts/opa.sh', ['version']);
  const { dir, facts } = factsFile();
  const canary = 'canary-7f3a-secret';
  writeFileSync(join(dir, 'environ'), `ACTIONS_RUNTIME_TOKEN=${canary}\n`);
  cpSync('test/fixtures/custom-policy/good', join(dir, 'policy'), { recursive: true });
  symlinkSync(join(dir, 'environ'), join(dir, 'policy', 'zz.rego'));
  const r = runCli(['eval', facts, '--policy', join(dir, 'policy')], { env: { RSYNCGUARD_OPA: resolve('.cache/bin/opa') } });
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stderr, 'zz.rego is a symbolic link; it was not followed');
  assertNoCanary([r], canary);
});

limits('eval - stops reading standard input at its cap', () => {
  // 65 MiB of JSON whitespace: valid so far, never a document.
  const r = runCli(['eval', '-'], { input: Buffer.alloc(65 << 20, 0x20), timeoutMs: 60_000 });
  console.log(`  65 MiB on stdin: exit ${r.code}, peak ${r.peakMiB.toFixed(0)} MiB`);
  assert.is(r.code, 2, r.stderr);
  assert.match(r.stdout, '(standard input): the facts file is larger than the limit of 64 MiB; it was not read');
  assert.ok(r.peakMiB < 300, `peak ${r.peakMiB} MiB`);
});

limits.run();
