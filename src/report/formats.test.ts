import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { FLEET_FORMATS, formatNames, isFormatName, pickFormat, REPORT_FORMATS, RULES_FORMATS, type FormatRegistry } from './formats.ts';
import type { Report } from './model.ts';
import { TARGET_KINDS } from './target-kinds.ts';

const formats = suite('format registries');

const REGISTRIES: [string, FormatRegistry<never, never>][] = [
  ['report', REPORT_FORMATS],
  ['fleet', FLEET_FORMATS],
  ['rules', RULES_FORMATS],
];

formats('each registry lists each format once, with an extension, a media type and a description', () => {
  assert.equal(formatNames(REPORT_FORMATS), ['text', 'json', 'markdown', 'sarif', 'html', 'junit', 'gitlab', 'csv']);
  for (const [kind, registry] of REGISTRIES) {
    const names = formatNames(registry);
    assert.is(new Set(names).size, names.length, kind);
    assert.ok(names.includes('text'), `${kind}: text is every command's default`);
    for (const [name, f] of Object.entries(registry)) {
      // A double extension where one would be ambiguous: GitLab's report is JSON, but not the JSON report.
      assert.match(f.extension, /^(\.[a-z]+)+$/, `${kind} ${name}`);
      assert.match(f.mediaType, /^[a-z]+\/[a-z+.-]+$/, `${kind} ${name}`);
      assert.ok(f.description.length > 10, `${kind} ${name}`);
    }
    assert.is(new Set(Object.values(registry).map((f) => f.extension)).size, names.length, `${kind}: one extension per format`);
  }
});

formats('a sweep offers exactly the formats of a report', () => {
  assert.equal(formatNames(FLEET_FORMATS), formatNames(REPORT_FORMATS));
});

formats('an unknown name is an error that lists the known ones, never a fallback', () => {
  const r = pickFormat(REPORT_FORMATS, 'yml');
  assert.not.ok(r.ok);
  if (!r.ok) assert.is(r.error.message, '--format must be one of text, json, markdown, sarif, html, junit, gitlab, csv, not "yml"');
  // Names from Object.prototype are not formats.
  assert.not.ok(pickFormat(REPORT_FORMATS, 'toString').ok);
  assert.not.ok(isFormatName(REPORT_FORMATS, 'constructor'));
  assert.ok(isFormatName(REPORT_FORMATS, 'sarif'));
});

formats('every report format renders a report through the one signature', () => {
  const report: Report = { tool: { name: 'rsyncguard', version: '0.1.0' }, rules: [], targets: [], errors: [], expired_waivers: [] };
  const warned: string[] = [];
  const ctx = { colour: false, texts: new Map<string, string>(), category: 'rsyncguard/', suppressions: false, warn: (m: string) => warned.push(m) };
  for (const [name, f] of Object.entries(REPORT_FORMATS)) assert.ok(f.render(report, ctx).endsWith('\n'), name);
  for (const [name, f] of Object.entries(FLEET_FORMATS)) assert.ok(f.render(report, { ...ctx, hostOf: (t) => t, groupOf: () => 'g' }).endsWith('\n'), name);
  assert.equal(JSON.parse(REPORT_FORMATS.sarif.render(report, ctx)).runs[0].automationDetails.id, 'rsyncguard/');
  assert.equal(warned, []);
});

formats('target kinds: files need no prefix; hosts and images are named and get their own category', () => {
  assert.equal(Object.keys(TARGET_KINDS), ['file', 'host', 'image']);
  assert.is(TARGET_KINDS.file.sarifPrefix('a/rsyncd.conf'), '');
  assert.is(TARGET_KINDS.host.sarifPrefix('web1'), '[host web1] ');
  assert.is(TARGET_KINDS.file.category(), 'rsyncguard/');
  assert.is(TARGET_KINDS.host.category('web1'), 'rsyncguard/host/web1/');
  assert.is(TARGET_KINDS.image.category(), 'rsyncguard/image/');
  assert.is(TARGET_KINDS.image.category('localhost:5000/team/rsyncd'), 'rsyncguard/image/localhost_5000/team/rsyncd/');
});

formats.run();
