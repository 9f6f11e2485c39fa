import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding } from '../engine/index.ts';
import { cutMiddle, decisionMessage, decisionWarnings, MAX_MESSAGE, MAX_WARNING, shortDigest, type ImageOutcome, type MessageContext } from './admission-message.ts';

const finding = (rule_id: string, severity: string, message: string) => ({ rule_id, severity, message }) as Finding;
const high = finding('RSYNC-002', 'high', 'anonymous write');
const ctx: MessageContext = { verdict: false, mode: 'enforce', failOn: 'high', failOpen: false, kind: 'Pod', uid: 'u-1' };
const digest = `sha256:${'ab12'.repeat(16)}`;
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

const message = suite('decisionMessage');

message('names the offending image as written, its short digest, its worst findings first, and the review uid', () => {
  const outcomes: ImageOutcome[] = [
    { subject: 'image "reg/app:1"', image: 'reg/app:1', digest, kind: 'denied', findings: [finding('RSYNC-030', 'medium', 'weak'), high, finding('RSYNC-001', 'critical', 'no auth.')] },
    { subject: 'image "reg/ok:1"', image: 'reg/ok:1', kind: 'allowed', below: 0 },
  ];
  const m = decisionMessage(outcomes, ctx);
  assert.match(m, /^rsyncguard denied this Pod: 1 image\(s\) with findings at or above high\. /);
  assert.match(m, 'image "reg/app:1" (sha256:ab12ab12ab12): denied — RSYNC-001 (critical) no auth, RSYNC-002 (high) anonymous write, RSYNC-030 (medium) weak');
  assert.match(m, 'image "reg/ok:1": allowed');
  assert.match(m, /Next: fix the rsync configuration.* See the webhook log for review u-1\.$/);
});

message('an image whose own content could not be read is denied, saying --fail-open does not cover it', () => {
  const m = decisionMessage([{ subject: 'image "x"', kind: 'unreadable', reason: 'layer sha256:1: not a valid tar archive' }], { ...ctx, failOpen: true });
  assert.match(m, 'image "x": could not be read — layer sha256:1: not a valid tar archive (denied even under --fail-open)');
  assert.match(m, 'fix the image');
});

message('ten offending images with long findings fit in 1 KiB, each still named with its digest', () => {
  const long = finding('RSYNC-002', 'high', `module ${'m'.repeat(5000)}`);
  const outcomes: ImageOutcome[] = Array.from({ length: 10 }, (_, i) => ({ subject: `image "registry.example.com/team/app-${i}:1.2.3"`, digest, kind: 'denied', findings: [long, long, finding('RSYNC-009', 'critical', 'x')] }));
  const m = decisionMessage(outcomes, { ...ctx, uid: 'u'.repeat(500) });
  assert.ok(bytes(m) <= MAX_MESSAGE, String(bytes(m)));
  for (let i = 0; i < 10; i++) assert.match(m, `"registry.example.com/team/app-${i}:1.2.3" (sha256:ab12ab12ab12) RSYNC-009`);
  assert.match(m, 'See the webhook log for review uuuu');
});

message('past what fits, images are counted, never cut mid-sentence, and the multi-byte ones are measured in bytes', () => {
  const outcomes: ImageOutcome[] = Array.from({ length: 64 }, (_, i) => ({ subject: `image "é${'€'.repeat(40)}${i}"`, kind: 'denied', findings: [high] }));
  const m = decisionMessage(outcomes, ctx);
  assert.ok(bytes(m) <= MAX_MESSAGE, String(bytes(m)));
  assert.match(m, /; and \d+ more image\(s\)\. See the webhook log for review u-1\.$/);
});

message('control characters chosen by the image are escaped before the message is measured', () => {
  const m = decisionMessage([{ subject: 'image "x"', kind: 'denied', findings: [finding('RSYNC-002', 'high', `p\u001b[2J${'\u0007'.repeat(2000)}`)] }], ctx);
  assert.not.ok(/[\u0000-\u001f]/.test(m));
  assert.match(m, 'p\\x1b[2J');
  assert.ok(bytes(m) <= MAX_MESSAGE);
});

message('warn and audit say the verdict and that the mode let it through', () => {
  const m = decisionMessage([{ subject: 'image "a"', kind: 'denied', findings: [high] }], { ...ctx, mode: 'warn' });
  assert.match(m, /^rsyncguard would deny this Pod but warn mode allows it: 1 image/);
});

message('says so when there is nothing to list', () => {
  assert.is(decisionMessage([], { ...ctx, verdict: true }), 'rsyncguard allowed this Pod: it names no container image.');
});

message('an allowed review: each image named once, the uid its own; a later review of the same images has its own uid', () => {
  const allowed = (name: string) => ({ subject: `image "${name}"`, image: name, digest, kind: 'allowed' as const, below: 1 });
  const pass = { ...ctx, verdict: true };
  const images = [allowed('reg/a:1'), allowed('reg/b\u0085:2')];
  // The second and third calls reuse what the first built: each must still read as if built whole.
  for (const uid of ['u-1', 'u-2\u2028', 'u-1']) {
    assert.is(
      decisionMessage(images, { ...pass, uid }),
      `rsyncguard allowed this Pod: no findings at or above high. image "reg/a:1": allowed; image "reg/b\\x85:2": allowed. See the webhook log for review ${uid === 'u-2\u2028' ? 'u-2\\u2028' : uid}.`,
    );
  }
  assert.match(decisionMessage(images, { ...pass, kind: 'Deployment', failOn: 'medium' }), /^rsyncguard allowed this Deployment: no findings at or above medium\. /);
  assert.equal(decisionWarnings(images, { ...pass, mode: 'warn', allowed: true }), []);
  // Kinds alike in their first 60 characters: one shown whole, one cut; each message says its own.
  const kind = 'K'.repeat(60);
  assert.match(decisionMessage(images, { ...pass, kind }), new RegExp(`this ${kind}: `));
  assert.match(decisionMessage(images, { ...pass, kind: `${kind}X` }), new RegExp(`this ${'K'.repeat(59)}…: `));
});

message('an allowed review too long for the first level still fits the cap, whatever uid comes with it', () => {
  const images = Array.from({ length: 20 }, (_, i) => ({ subject: `image "registry.example.com/team/service-${i}:${'v'.repeat(30)}"`, image: `x${i}`, digest, kind: 'allowed' as const, below: 0 }));
  const pass = { ...ctx, verdict: true };
  const first = decisionMessage(images, { ...pass, uid: 'u' });
  for (const uid of ['u', 'x'.repeat(500), '\u00e9'.repeat(64)]) {
    const text = decisionMessage(images, { ...pass, uid });
    assert.ok(bytes(text) <= MAX_MESSAGE, `${bytes(text)} bytes`);
    assert.match(text, /^rsyncguard allowed this Pod/);
  }
  assert.match(first, /; and \d+ more image\(s\)\. See the webhook log for review u\.$/, 'twenty long names do not fit in full: the rest are counted');
});

message('a finding only on another platform than linux/amd64: the next step names --platform, so the report shows it', () => {
  const arm: ImageOutcome = { subject: 'image "r/mp:1"', digest, kind: 'denied', findings: [{ ...high, platform: 'linux/arm64' }] };
  assert.match(decisionMessage([arm], ctx), 'rsyncguard image REF --platform linux/arm64 shows the report');
  const both: ImageOutcome = {
    ...arm,
    findings: [
      { ...high, platform: 'linux/arm64' },
      { ...high, platform: 'linux/amd64' },
    ],
  };
  assert.match(decisionMessage([both], ctx), 'rsyncguard image REF shows the report');
});

message('twenty denied images: as many as fit are named at the shortest level, the rest counted', () => {
  const many: ImageOutcome[] = Array.from({ length: 20 }, (_, i) => ({ subject: `image "127.0.0.1:5055/r${i + 1}/app:1"`, digest, kind: 'denied', findings: [high] }));
  const text = decisionMessage(many, ctx);
  assert.ok(Buffer.byteLength(text) <= MAX_MESSAGE, String(Buffer.byteLength(text)));
  const named = many.filter((_, i) => text.includes(`/r${i + 1}/app:1`)).length;
  assert.ok(named >= 12, `only ${named} named: ${text}`);
  assert.match(text, `and ${20 - named} more image(s)`);
});

message('a container the review leaves unreadable is not sent to a registry: the next step is the object, not a pull', () => {
  const text = decisionMessage([{ subject: 'container request.object', kind: 'unevaluated', reason: 'the review carries no request.object to read' }], ctx);
  assert.match(text, "Next: correct the object's containers as the reason says.");
  assert.not.match(text, 'can pull');
});

const warnings = suite('decisionWarnings');

warnings('warn mode: one line per image that did not pass, with worst severity and top rules, each at most 120 characters', () => {
  const outcomes: ImageOutcome[] = [
    { subject: `image "${'r'.repeat(300)}"`, digest, kind: 'denied', findings: [finding('RSYNC-030', 'medium', 'x'), high, finding('RSYNC-001', 'critical', 'y'), finding('RSYNC-004', 'low', 'z')] },
    { subject: 'image "b"', kind: 'unevaluated', reason: 'tag 1 not found', timedOut: false },
    { subject: 'image "c"', kind: 'allowed', below: 2 },
  ];
  const w = decisionWarnings(outcomes, { ...ctx, mode: 'warn', allowed: true });
  assert.is(w.length, 2);
  for (const line of w) assert.ok(line.length <= MAX_WARNING, `${line.length}: ${line}`);
  assert.match(w[0] ?? '', /^rsyncguard: image "r+…r+" \(sha256:ab12ab12ab12\): critical: RSYNC-001, RSYNC-002, RSYNC-030 \+1$/);
  assert.is(w[0]?.length, MAX_WARNING, 'the name loses only what does not fit');
  assert.is(w[1], 'rsyncguard: image "b": not evaluated (tag 1 not found)');
});

warnings('audit mode and denials carry no warnings; --fail-open says what it let through', () => {
  const outcomes: ImageOutcome[] = [{ subject: 'image "b"', kind: 'unevaluated', reason: 'x'.repeat(400) }];
  assert.equal(decisionWarnings(outcomes, { ...ctx, mode: 'audit', allowed: true }), []);
  assert.equal(decisionWarnings(outcomes, { ...ctx, allowed: false }), []);
  const [open] = decisionWarnings(outcomes, { ...ctx, verdict: true, failOpen: true, allowed: true });
  assert.match(open ?? '', /^rsyncguard: image "b": not evaluated, allowed by --fail-open \(x+…\)$/);
  assert.is(open?.length, 120);
  const over = decisionWarnings([{ subject: 'image "b"', kind: 'unevaluated', reason: 'not evaluated within the 1000 ms budget', timedOut: true }], { ...ctx, verdict: true, failOpen: true, allowed: true });
  assert.equal(over, ['rsyncguard: image "b": over budget, allowed by --fail-open']);
});

warnings('names that differ only in the middle stay apart: the cut keeps where they differ', () => {
  const names = [
    `127.0.0.1:5055/platform/payments/${'a'.repeat(40)}1/checkout:v1`,
    `127.0.0.1:5055/platform/payments/${'a'.repeat(40)}2/checkout:v1`,
    `127.0.0.1:5055/t/very-long-repository-name-number-1-${'y'.repeat(50)}:1`,
    `127.0.0.1:5055/t/very-long-repository-name-number-2-${'y'.repeat(50)}:1`,
  ];
  const outcomes: ImageOutcome[] = names.map((n) => ({ subject: `image "${n}"`, kind: 'unreadable', reason: 'tag v1 not found in repository (HTTP 404)' }));
  const w = decisionWarnings(outcomes, { ...ctx, mode: 'warn', allowed: true });
  assert.is(new Set(w).size, 4, w.join('\n'));
  for (const line of w) assert.ok(line.length <= MAX_WARNING, `${line.length}: ${line}`);
  assert.match(w[0] ?? '', /a1\/…checkout:v1/);
  assert.match(w[1] ?? '', /a2\/…checkout:v1/);
});

warnings('a long image name is shortened in the middle first: registry host and tag stay, so two images stay apart', () => {
  const name = (app: string) => `registry.corp.example:5000/platform/team-payments/${'service-'.repeat(8)}${app}:v1.27.3-build.4411`;
  const outcomes: ImageOutcome[] = ['checkout', 'refunds'].map((app) => ({ subject: `image "${name(app)}"`, kind: 'unevaluated', reason: 'tag v1.27.3-build.4411 not found in repository (HTTP 404)' }));
  const w = decisionWarnings(outcomes, { ...ctx, verdict: true, failOpen: true, allowed: true });
  assert.is(w.length, 2);
  for (const line of w) {
    assert.ok(line.length <= MAX_WARNING, `${line.length}: ${line}`);
    assert.match(line, /^rsyncguard: image "registry\.corp\.example:5000\/…[^"]*:v1\.27\.3-build\.4411": not evaluated, allowed by --fail-open/);
  }
  assert.match(w[0] ?? '', 'checkout:v1.27.3');
  assert.match(w[1] ?? '', 'refunds:v1.27.3');
  assert.is.not(w[0], w[1]);
  // A name that fits is never shortened; the reason is cut instead, and only after the name reached its floor.
  const short = decisionWarnings([{ subject: 'image "reg.example/app:1"', kind: 'unevaluated', reason: 'x'.repeat(300) }], { ...ctx, verdict: true, failOpen: true, allowed: true });
  assert.match(short[0] ?? '', /^rsyncguard: image "reg\.example\/app:1": not evaluated, allowed by --fail-open \(x+…\)$/);
  // A warning that fits is left whole.
  const fits = 'registry.corp.example:5000/platform/team-payments/checkout:v1.27.3-build.4411';
  assert.equal(decisionWarnings([{ subject: `image "${fits}"`, kind: 'refused', reason: 'r' }], { ...ctx, verdict: true, allowed: true }), [`rsyncguard: image "${fits}": refused (r)`]);
});

warnings('cutMiddle keeps the start and the tag or digest end, within the length asked', () => {
  const ref = `ghcr.io/org/${'x'.repeat(200)}@sha256:${'a'.repeat(64)}`;
  const got = cutMiddle(ref, 60);
  assert.is(got.length, 60);
  assert.ok(got.startsWith('ghcr.io/…'), got);
  assert.ok(got.endsWith('a'.repeat(20)), got);
  assert.is(cutMiddle('short:1', 60), 'short:1');
  // Never a lone half of a surrogate pair.
  const emoji = cutMiddle(`${'😀'.repeat(50)}:1`, 41);
  assert.not.ok(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(emoji), emoji);
});

warnings('an image too costly to analyse says so, in the message and the warning', () => {
  const costly: ImageOutcome = { subject: 'image "r/app:1"', digest, kind: 'unreadable', costly: true, reason: 'too costly to analyse: the analysis needed more than 256 MiB of heap and was stopped' };
  const m = decisionMessage([costly], { ...ctx, failOpen: true });
  assert.match(m, 'image "r/app:1" (sha256:ab12ab12ab12): too costly to analyse — too costly to analyse: the analysis needed more than 256 MiB');
  assert.match(m, '(denied even under --fail-open)');
  assert.match(m, 'or make it smaller');
  const [w] = decisionWarnings([costly], { ...ctx, mode: 'warn', allowed: true });
  assert.match(w ?? '', /^rsyncguard: image "r\/app:1" \(sha256:ab12ab12ab12\): too costly to analyse \(/);
});

warnings('more than ten images: ten lines and a count', () => {
  const outcomes: ImageOutcome[] = Array.from({ length: 12 }, (_, i) => ({ subject: `image "i${i}"`, kind: 'denied', findings: [high] }));
  const w = decisionWarnings(outcomes, { ...ctx, mode: 'warn', allowed: true });
  assert.is(w.length, 11);
  assert.match(w[10] ?? '', 'and 2 more; see the webhook log for review u-1');
});

const short = suite('shortDigest');

short('keeps the algorithm and 12 hex digits, from a bare digest or a reference by digest', () => {
  assert.is(shortDigest(digest), 'sha256:ab12ab12ab12');
  assert.is(shortDigest(`reg:5000/app@${digest}`), 'sha256:ab12ab12ab12');
});

message.run();
warnings.run();
short.run();
