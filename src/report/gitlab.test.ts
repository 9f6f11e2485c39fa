import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding, RuleInfo } from '../engine/index.ts';
import { reportFingerprints } from './baseline-identity.ts';
import { codeQualityIssues, concerns, GITLAB_SEVERITY, toGitlab } from './gitlab.ts';
import type { Report, TargetReport } from './model.ts';

const rule: RuleInfo = { id: 'RSYNC-001', title: 'Module without authentication', description: 'd', severity: 'high', security_severity: '8.0', cwe: '', tags: [], help: 'h', help_uri: null, package: 'p' };

const finding = (over: Partial<Finding> = {}): Finding => ({
  rule_id: 'RSYNC-001',
  title: 'Module without authentication',
  severity: 'high',
  context: null,
  message: 'Module [data] has no "auth users".',
  target: 'etc/rsyncd.conf',
  module: 'data',
  path: 'modules[0]',
  location: { file: 'etc/rsyncd.conf', line: 7, column: 1 },
  ...over,
});

const target = (over: Partial<TargetReport> = {}): TargetReport => ({ target: 'etc/rsyncd.conf', kind: 'file', findings: [finding()], waived: [], notes: [], facts: {}, ...over });

const report = (targets: TargetReport[], errors: Report['errors'] = []): Report => ({ tool: { name: 'rsyncguard', version: '0.1.0' }, rules: [rule], targets, errors, expired_waivers: [] });

const gitlab = suite('toGitlab');

gitlab('an issue per finding with the documented fields; our severities keep their rank on GitLab scale', () => {
  const [issue] = codeQualityIssues(report([target()]));
  assert.equal(issue?.check_name, 'RSYNC-001');
  assert.equal(issue?.severity, 'critical');
  assert.equal(issue?.location, { path: 'etc/rsyncd.conf', lines: { begin: 7 } });
  assert.is(issue?.description, 'Module [data] has no "auth users".');
  assert.match(issue?.fingerprint ?? '', /^[0-9a-f]{64}$/);
  assert.equal(GITLAB_SEVERITY, { critical: 'blocker', high: 'critical', medium: 'major', low: 'minor' });
});

gitlab('the fingerprint is the report fingerprint hashed: stable when the line moves, distinct per module', () => {
  const at = (line: number, module = 'data') => codeQualityIssues(report([target({ findings: [finding({ module, location: { file: 'etc/rsyncd.conf', line, column: 1 } })] })]))[0]?.fingerprint;
  assert.is(at(7), at(40));
  assert.is.not(at(7), at(7, 'logs'));
  // The same identity JSON, SARIF and --baseline use.
  const r = report([target()]);
  const print = reportFingerprints(r).get(r.targets[0]?.findings[0] as Finding) ?? '';
  assert.match(print, /^[0-9a-f]{16}:1$/);
  assert.is.not(codeQualityIssues(r)[0]?.fingerprint, print);
});

gitlab('fingerprints are unique in a report, even for findings of one identity and equal notes', () => {
  const note = { level: 'warning' as const, code: 'secrets-not-read', message: 'secrets file /etc/s: not in the repository', location: null };
  const twins = [finding({ path: 'secrets[0].entries', message: 'an entry' }), finding({ path: 'secrets[0].entries', message: 'an entry', location: { file: 'etc/rsyncd.conf', line: 9, column: 1 } })];
  const issues = codeQualityIssues(
    report(
      [target({ findings: twins, notes: [note, note] })],
      [
        { target: 'x', message: 'a' },
        { target: 'x', message: 'b' },
      ],
    ),
  );
  const prints = issues.map((i) => i.fingerprint);
  assert.is(prints.length, 6);
  assert.is(new Set(prints).size, 6);
});

gitlab("paths are relative to the repository; a host's or an image's files never pass for the repository's", () => {
  const host = target({ target: 'web1:/etc/rsyncd.conf', kind: 'host', findings: [finding({ target: 'web1:/etc/rsyncd.conf', location: { file: '/etc/rsyncd.conf', line: 3, column: 1 } })] });
  const [issue] = codeQualityIssues(report([host]));
  // Not `etc/rsyncd.conf`: a config-management repository has one, and GitLab would pin the host's finding on it.
  assert.is(issue?.location.path, '[host web1]/etc/rsyncd.conf');
  assert.match(issue?.description ?? '', /^\[host web1:\/etc\/rsyncd.conf\] /);
  const image = target({ target: '127.0.0.1:5000/app:/etc/rsyncd.conf', kind: 'image', findings: [finding({ target: '127.0.0.1:5000/app:/etc/rsyncd.conf', location: { file: 'etc/rsyncd.secrets', line: 1, column: 1 } })] });
  assert.is(codeQualityIssues(report([image]))[0]?.location.path, '[image 127.0.0.1:5000/app]/etc/rsyncd.secrets');
  const note = { level: 'warning' as const, code: 'secrets-not-read', message: 'secrets file /etc/s: not read', location: null };
  assert.is(codeQualityIssues(report([{ ...host, findings: [], notes: [note] }]))[0]?.location.path, '[host web1]/web1_/etc/rsyncd.conf');
  const noFile = codeQualityIssues(report([target({ findings: [finding({ location: null, target: 'img@sha256:ab' })] })]))[0];
  assert.is(noFile?.location.path, 'img_sha256_ab');
  assert.is(noFile?.location.lines.begin, 1);
});

gitlab('notes every format shows are info issues; a target not evaluated is a blocker, never an absence', () => {
  const notes = [
    { level: 'warning' as const, code: 'secrets-not-read', message: 'secrets file /etc/rsyncd.secrets: not in the repository', location: { file: 'etc/rsyncd.conf', line: 4, column: 1 } },
    { level: 'warning' as const, code: 'unknown-parameter', message: 'rsync ignores "colour"', location: null },
  ];
  const issues = codeQualityIssues(report([target({ findings: [], notes })], [{ target: 'broken/rsyncd.conf', message: 'include cycle' }]));
  assert.equal(
    issues.map((i) => [i.check_name, i.severity, i.location.path]),
    [
      ['rsyncguard/secrets-not-read', 'info', 'etc/rsyncd.conf'],
      ['rsyncguard/not-evaluated', 'blocker', 'broken/rsyncd.conf'],
    ],
  );
});

gitlab("a note's fingerprint is its code, target, file and the path it concerns: never its message's line numbers", () => {
  const note = (message: string) => ({ level: 'note' as const, code: 'secrets-not-found', message, location: { file: 'a/rsyncd.conf', line: 1, column: 1 } });
  const print = (message: string, line = 1) => codeQualityIssues(report([target({ target: 'a/rsyncd.conf', findings: [], notes: [{ ...note(message), location: { file: 'a/rsyncd.conf', line, column: 1 } }] })]))[0]?.fingerprint;
  const before = print('secrets file /etc/rsyncd.secrets: not in the repository (named by a/rsyncd.conf:1 and b/rsyncd.conf:1)');
  // One line added at the top of b/rsyncd.conf, and the note moved down in a: the same issue.
  assert.is(print('secrets file /etc/rsyncd.secrets: not in the repository (named by a/rsyncd.conf:1 and b/rsyncd.conf:2)', 5), before);
  // Another secrets file is another issue.
  assert.is.not(print('secrets file /etc/other.secrets: not in the repository (named by a/rsyncd.conf:1)'), before);
  assert.is(concerns('&include /etc/rsyncd.d was not followed: x'), '/etc/rsyncd.d');
  assert.is(concerns('Skipped: a stunnel configuration'), '');
});

gitlab('waived findings are left out, as SARIF leaves them without --sarif-suppressions', () => {
  const waived = target({ findings: [], waived: [{ finding: finding(), waiver: { rule: 'RSYNC-001', reason: 'r', expires: null, source: 'w:1' } }] });
  assert.equal(codeQualityIssues(report([waived])), []);
  assert.is(toGitlab(report([])), '[]\n');
});

gitlab('the document is JSON with nothing a terminal acts on', () => {
  const text = toGitlab(report([target({ findings: [finding({ message: 'x\u001b[2J\u202e\u0085' })] })]));
  // eslint-disable-next-line no-control-regex
  assert.not.match(text, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
  assert.match(JSON.parse(text)[0].description, '\u001b[2J\u202e\u0085');
});

gitlab.run();
