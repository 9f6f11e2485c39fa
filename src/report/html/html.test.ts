/**
 * The HTML report treats every string of the report as hostile: host and module names, messages, config
 * lines, waiver reasons and trend data must come out as text, never as markup. The page's own script is the
 * only script, and the Content-Security-Policy names it by its hash (so a change of the script that forgets
 * the policy fails here, not in a user's browser). Config excerpts follow the quotable-line rule.
 */
import { createHash } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Finding, RuleInfo } from '../../engine/index.ts';
import type { Report } from '../model.ts';
import { textKey } from '../sarif.ts';
import type { TrendReport } from '../trend-model.ts';
import { quotableLines } from '../../fix/index.ts';
import { Excerpts } from './excerpt.ts';
import { escapeHtml, toHtml, toTrendHtml } from './index.ts';

const EVIL = `<script>alert(1)</script>"><img src=x onerror=alert(2)>'\`&amp;`;
const rule: RuleInfo = {
  id: 'RSYNC-001',
  title: 'Module writable <b>anonymously</b>',
  description: 'd',
  severity: 'critical',
  security_severity: '9.0',
  cwe: 'CWE-284',
  tags: [],
  help: 'Set `read only = yes` in the module.',
  help_uri: 'javascript:alert(3)',
  package: 'rsyncguard.rules',
};

function finding(target: string, module: string, line: number, extra: Partial<Finding> = {}): Finding {
  return { rule_id: 'RSYNC-001', title: rule.title, severity: 'critical', context: null, message: `module [${module}] is writable ${EVIL}`, target, module, path: 'config.modules[0]', location: { file: 'etc/rsyncd.conf', line, column: 1 }, ...extra };
}

function report(): Report {
  const target = `web1${EVIL}`;
  return {
    tool: { name: 'rsyncguard', version: '0.1.0' },
    rules: [rule],
    targets: [
      {
        target,
        kind: 'host',
        findings: [finding(target, `m${EVIL}`, 3, { baseline_state: 'new' })],
        waived: [{ finding: finding(target, 'w', 3), waiver: { rule: 'RSYNC-001', reason: `accepted ${EVIL}`, expires: null, source: '.rsyncguard.yaml:3' } }],
        notes: [{ level: 'error', code: 'not-analyzed', message: `could not read ${EVIL}`, location: null }],
        facts: {},
      },
    ],
    errors: [{ target: `db${EVIL}`, message: `unreachable ${EVIL}`, hint: `try ${EVIL}` }],
    expired_waivers: [],
    baseline: { source: `old${EVIL}.json`, counts: { new: 1, unchanged: 0, updated: 0, absent: 1 }, absent: [{ ...finding(target, 'gone', 9), fingerprint: 'x' }] },
  };
}

const texts = (target: string) => new Map([[textKey(target, 'etc/rsyncd.conf'), `[m]\n  path = /srv/<script>alert(4)</script>\n  read only = no\nhunter2-is-the-password\n  auth users = bob:s3cretpw\n`]]);

/** The markup's tags, outside text: what a browser would create as elements. */
function tags(page: string): string[] {
  return [...page.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => (m[1] ?? '').toLowerCase());
}

const html = suite('HTML report: escaping');

html('escapeHtml escapes the HTML specials and control characters', () => {
  assert.is(escapeHtml(`<a href="x" onclick='y'>&\`</a>`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;');
  assert.is(escapeHtml('a\u202eb\u0007'), 'a\\u202eb\\x07');
});

html('hostile names, messages, reasons and config text stay text', () => {
  const r = report();
  const target = r.targets[0]?.target ?? '';
  for (const page of [toHtml(r, { texts: texts(target) }), toHtml(r, { texts: texts(target) }, { hostOf: (t) => `h-${t}`, groupOf: () => `g${EVIL}` })]) {
    const found = tags(page);
    assert.is(found.filter((t) => t === 'script').length, 1, 'only the page script');
    assert.not.ok(found.includes('img'), 'no element from the data');
    assert.not.ok(/onerror=/.test(page.replace(/onerror=alert\(2\)&gt;/g, '')), 'no handler attribute');
    assert.not.ok(page.includes('javascript:'), 'no javascript: link');
    assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the text is shown, escaped');
    assert.ok(page.includes('&lt;script&gt;alert(4)&lt;/script&gt;'), 'config text is shown, escaped');
    assert.ok(page.includes('accepted &lt;script&gt;'), 'the waiver reason');
    assert.ok(page.includes('unreachable &lt;script&gt;'), 'the target not evaluated, with its reason');
  }
});

html('config excerpts never show a line that could hold a password', () => {
  const r = report();
  const target = r.targets[0]?.target ?? '';
  const page = toHtml(r, { texts: texts(target) });
  assert.ok(page.includes('read only = no'), 'the finding line');
  assert.not.ok(page.includes('hunter2'), 'a bare line (no parameter) is not quoted');
  assert.not.ok(page.includes('s3cretpw'), 'auth users user:password is not quoted');
  assert.ok(page.includes('could hold a password'), 'left-out lines are said');
});

html('an excerpt judges each line as the whole file does, across continued lines at its edges', () => {
  const lines = [
    '[m]',
    '  auth users = bob:hunter3 \\',
    '    comment = looks like configuration',
    '# a comment ending in a backslash \\',
    '  path = /srv',
    '  read only = no',
    '[split \\',
    '  header]',
    'hunter2bare \\',
    '  list = yes',
    '  list = no',
  ];
  const whole = quotableLines(lines);
  assert.ok(whole.includes(true) && whole.includes(false));
  const excerpts = new Excerpts(new Map([['f.conf', lines.join('\n')]]));
  for (let line = 1; line <= lines.length; line++) {
    const pre = excerpts.around('t', { file: 'f.conf', line, column: 1 })?.value ?? '';
    const shown = [...pre.matchAll(/<span class="(hidden-line )?(?:at)?">\s*(\d+) \|/g)].map((m) => [Number(m[2]), m[1] === undefined] as const);
    assert.ok(shown.length >= 3, `line ${line}: a window`);
    for (const [n, ok] of shown) assert.is(ok, whole[n - 1], `finding at ${line}: line ${n}`);
  }
});

html('the Content-Security-Policy allows only the page’s own style and script, by hash', () => {
  const page = toHtml(report(), { texts: new Map() });
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1]?.replace(/&#39;/g, "'") ?? '';
  assert.match(csp, /default-src 'none'/);
  const script = /<script>([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '';
  const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';
  const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
  assert.ok(csp.includes(`script-src ${sha(script)}`), 'script hash');
  assert.ok(csp.includes(`style-src ${sha(style)}`), 'style hash');
  assert.not.ok(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/.test(page.replace(/<a href="https:[^"]*"/g, '')), 'no URL to load');
});

html('counts, rows and the heat map follow the report', () => {
  const r = report();
  const t0 = r.targets[0];
  if (!t0) throw new Error('fixture');
  t0.findings.push(finding(t0.target, 'b', 3, { severity: 'low', baseline_state: 'unchanged' }));
  if (r.baseline) r.baseline.not_evaluated = 2;
  const page = toHtml(r, { texts: new Map() }, { hostOf: (t) => t, groupOf: () => 'web' });
  assert.ok(page.includes('2 findings of the baseline not judged'), 'baseline findings of targets not evaluated are said');
  assert.is((page.match(/<tr data-severity=/g) ?? []).length, 2, 'one row per finding');
  assert.is((page.match(/<li class="sev-(critical|high|medium|low|none|error)"/g) ?? []).length, 2, 'one square per target and per host not evaluated');
  assert.ok(page.includes('<option value="new">') === false && page.includes('name="new-only"'), 'new-only box with a baseline');
});

html('the trend page escapes host, group and messages and says the unreachable streak', () => {
  const trend: TrendReport = {
    tool: { name: 'rsyncguard', version: '0.1.0' },
    runs: [
      { at: '2026-11-29T10:00:00Z', file: 'a.jsonl', hosts: 2, evaluated: 2, unreachable: 0, counts: { critical: 1, high: 0, medium: 0, low: 0 } },
      { at: '2026-11-30T10:00:00Z', file: 'b.jsonl', hosts: 2, evaluated: 1, unreachable: 1, counts: { critical: 0, high: 0, medium: 0, low: 0 } },
    ],
    hosts: [
      { host: `h${EVIL}`, group: `g${EVIL}`, status: 'unreachable', unreachable_runs: 3, last_ok: '2026-11-29T10:00:00Z', findings: [] },
      {
        host: 'ok1',
        group: 'web',
        status: 'ok',
        unreachable_runs: 0,
        last_ok: '2026-11-30T10:00:00Z',
        findings: [
          {
            rule_id: 'RSYNC-001',
            severity: 'critical',
            module: EVIL,
            fingerprint: 'f',
            message: EVIL,
            first_seen: '2026-11-29T10:00:00Z',
            last_seen: '2026-11-29T10:00:00Z',
            fixed_at: '2026-11-30T10:00:00Z',
            regressions: 0,
            state: 'fixed',
            open_days: 1,
          },
        ],
      },
    ],
    rules: [{ rule_id: 'RSYNC-001', severity: 'critical', open: 0, fixed: 1, regressed: 0 }],
  };
  const page = toTrendHtml(trend);
  assert.is(tags(page).filter((t) => t === 'script').length, 1);
  assert.not.ok(tags(page).includes('img'));
  assert.ok(page.includes('unreachable for 3 sweeps'));
  assert.is((page.match(/<polyline /g) ?? []).length, 5, 'four severities and unreachable');
  assert.is((page.match(/<tr data-severity=/g) ?? []).length, 1);
});

html.run();
