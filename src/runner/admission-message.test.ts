import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding } from '../engine/index.ts';
import { decisionMessage, MAX_MESSAGE, type ImageOutcome } from './admission-message.ts';

const message = suite('decisionMessage');

const finding = { rule_id: 'RSYNC-002', severity: 'high', message: 'anonymous write' } as Finding;
const ctx = { failOn: 'high', kind: 'Pod' } as const;

message('an image whose own content could not be read is rejected, saying --fail-open does not cover it', () => {
  const outcomes: ImageOutcome[] = [
    { subject: 'image "x"', kind: 'unreadable', reason: 'layer sha256:1: not a valid tar archive' },
    { subject: 'image "y"', kind: 'denied', findings: [{ ...finding, platform: 'linux/arm64' } as Finding] },
  ];
  const { message: m, warnings } = decisionMessage(outcomes, { ...ctx, allowed: false, failOpen: true });
  assert.match(m, /^rsyncguard denied this Pod: 1 image\(s\) with findings at or above high, 1 image\(s\) could not be read\./);
  assert.match(m, 'image "x": rejected: the image could not be read: layer sha256:1: not a valid tar archive (denied even under --fail-open');
  assert.match(m, 'RSYNC-002 (high) on linux/arm64 anonymous write');
  assert.match(m, 'fix the image the webhook could not read');
  assert.equal(warnings, []);
});

message('names each image with its own outcome, and what to do next', () => {
  const outcomes: ImageOutcome[] = [
    { subject: 'image "a"', kind: 'denied', findings: [finding] },
    { subject: 'image "b"', kind: 'unevaluated', reason: 'cannot reach the registry' },
    { subject: 'image "c"', kind: 'allowed', below: 0 },
  ];
  const { message: m, warnings } = decisionMessage(outcomes, { ...ctx, allowed: false, failOpen: true });
  assert.match(m, /^rsyncguard denied this Pod: 1 image\(s\) with findings at or above high, 1 could not be evaluated\./);
  assert.match(m, 'image "a": denied — 1 finding(s) at or above high: RSYNC-002 (high) anonymous write');
  assert.match(m, 'image "b": could not be evaluated — cannot reach the registry (allowed by --fail-open)');
  assert.match(m, 'image "c": allowed');
  assert.match(m, 'Next: fix the rsync configuration');
  assert.equal(warnings, []);
});

message('warns, one line each, about what --fail-open let through', () => {
  const { message: m, warnings } = decisionMessage([{ subject: 'image "b"', kind: 'unevaluated', reason: 'x'.repeat(400) }], { ...ctx, allowed: true, failOpen: true });
  assert.match(m, /^rsyncguard allowed this Pod under --fail-open although 1 could not be evaluated/);
  assert.is(warnings.length, 1);
  assert.ok((warnings[0] ?? '').length <= 256);
});

message('lists what denies first, and keeps the message bounded whatever the findings quote', () => {
  const allowed: ImageOutcome[] = Array.from({ length: 30 }, (_, i) => ({ subject: `image "ok${i}"`, kind: 'allowed', below: 0 }));
  const long = { ...finding, message: `module ${'m'.repeat(100_000)}` };
  const outcomes: ImageOutcome[] = [...allowed, { subject: 'image "over"', kind: 'refused', reason: 'too many' }, ...Array.from({ length: 30 }, (_, i): ImageOutcome => ({ subject: `image "bad${i}"`, kind: 'denied', findings: [long, long, long] }))];
  const { message: m } = decisionMessage(outcomes, { ...ctx, allowed: false, failOpen: false });
  assert.match(m, /^rsyncguard denied this Pod: 30 image\(s\) with findings at or above high, 1 image\(s\) refused\. image "bad0": denied/);
  assert.ok(m.length <= MAX_MESSAGE, String(m.length));
  assert.match(m, /Next: fix the rsync configuration.*; name images from a registry/);
});

message('says so when there is nothing to list', () => {
  assert.equal(decisionMessage([], { ...ctx, allowed: true, failOpen: false }), { message: 'rsyncguard allowed this Pod: it names no container image.', warnings: [] });
});

message.run();
