/**
 * The HTML report in a real browser: Debian's chromium, driven headless by puppeteer-core (no browser
 * download). The page is opened from disk as a user would open it, every request it makes is intercepted
 * (only the document itself may load), and the DOM is judged against the JSON report of the same run: rows,
 * counts, filters, sorting, keyboard use, labels, print media. Hostile names must stay text (a script or
 * image injected through a host name would run or request). A screenshot is decoded and must show ink.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import type { Finding, RuleInfo } from '../../src/engine/index.ts';
import { FLEET_FORMATS, type Report, toTrendHtml, type TrendReport } from '../../src/report/index.ts';
import { cli, PROJECT } from '../support/fix-run.ts';
import { hostRawDoc } from '../support/host-doc.ts';
import { accessible, choose, launch, type Opened, open as openIn, screenshot as shoot, visibleRows } from './support/browser.ts';

// One fixed directory, emptied at each run: the pages and screenshots stay there for a person to look at.
const OUT = join(tmpdir(), 'rsyncguard-html-report');
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

let browser: Browser | undefined;

function open(file: string): Promise<Opened> {
  if (!browser) throw new Error('no browser');
  return openIn(browser, file);
}

const screenshot = (page: Parameters<typeof shoot>[0], name: string) => shoot(page, OUT, name);

const html = suite('HTML report in chromium');

html.before(async () => {
  browser = await launch();
});
html.after(async () => {
  await browser?.close();
});

html('scan: the page opens from disk with no request, and its rows, counts and filters match the JSON report', async () => {
  const json = cli(PROJECT, ['scan', 'examples', '--format', 'json', '--fail-on', 'none']);
  assert.is(json.status, 0, json.stderr);
  const report = JSON.parse(json.stdout) as { targets: { target: string; findings: { severity: string; rule_id: string }[] }[] };
  const file = join(OUT, 'scan.html');
  const run = cli(PROJECT, ['scan', 'examples', '--format', 'html', '--output', file, '--fail-on', 'none']);
  assert.is(run.status, 0, run.stderr);
  const { page, requests, errors } = await open(file);
  const findings = report.targets.flatMap((t) => t.findings);
  assert.ok(findings.length > 10, 'the examples have findings');
  assert.is(await visibleRows(page), findings.length, 'one row per finding');
  for (const s of SEVERITIES) {
    const n = findings.filter((f) => f.severity === s).length;
    assert.is(Number(await page.$eval(`.count-${s} b`, (b) => b.textContent)), n, `${s} card`);
    if (n === 0) continue;
    await choose(page, 'severity', s);
    assert.is(await visibleRows(page), n, `severity ${s}`);
    assert.is(await page.$eval('#shown', (o) => o.textContent), `${n} of ${findings.length} findings shown`);
  }
  const busiest = [...report.targets].sort((a, b) => b.findings.length - a.findings.length)[0];
  if (!busiest) throw new Error('no target');
  await choose(page, 'severity', 'high');
  await choose(page, 'host', busiest.target);
  assert.is(await visibleRows(page), busiest.findings.filter((f) => f.severity === 'high').length, 'severity and target together');
  await choose(page, 'severity', '');
  await choose(page, 'host', '');
  const rule = findings[0]?.rule_id ?? '';
  await choose(page, 'rule', rule);
  assert.is(await visibleRows(page), findings.filter((f) => f.rule_id === rule).length, `rule ${rule}`);
  await choose(page, 'rule', '');

  // Sorting by keyboard: focus a heading's button, Enter sorts ascending, again descending.
  await page.focus('#findings thead th:nth-child(2) button');
  await page.keyboard.press('Enter');
  const rules = () => page.$$eval('#findings tbody tr td:nth-child(2)', (cells) => cells.map((c) => c.textContent ?? ''));
  const up = await rules();
  assert.equal(
    up,
    [...up].sort((a, b) => a.localeCompare(b)),
  );
  assert.is(await page.$eval('#findings thead th:nth-child(2)', (th) => th.getAttribute('aria-sort')), 'ascending');
  await page.keyboard.press('Enter');
  assert.equal(
    await rules(),
    [...up].sort((a, b) => b.localeCompare(a)),
  );

  // Where a finding sits sorts by line number (file:9 before file:10), not as text.
  await page.click('#findings thead th:nth-child(6) button');
  const where = await page.$$eval('#findings tbody tr td:nth-child(6)', (cells) => cells.map((c) => c.textContent ?? ''));
  assert.equal(
    where,
    [...where].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })),
  );
  assert.ok(
    where.some((w, i) => i > 0 && w.localeCompare(where[i - 1] ?? '') < 0),
    'the examples have a file:9 / file:10 pair, which text order would put the other way round',
  );

  // Every row links to its drill-down, which shows the config lines around the finding.
  const broken = await page.$$eval('#findings tbody a', (links) => links.filter((a) => !document.getElementById((a.getAttribute('href') ?? '').slice(1))).length);
  assert.is(broken, 0, 'every finding link has its target');
  assert.ok((await page.$$('section.finding pre .at')).length > 0, 'config excerpts, the finding line marked');

  await accessible(page);
  await screenshot(page, 'scan');
  assert.equal(requests, [], 'no request besides the document');
  assert.equal(errors, [], 'no console error (CSP) or exception');
  await page.close();
});

const EVIL = `<img src="https://evil.example/x.png" onerror="window.__pwned=1"><script>window.__pwned=2</script>"'&`;
const rule = (id: string, severity: RuleInfo['severity']): RuleInfo => ({
  id,
  title: `Rule ${id}`,
  description: 'A rule.',
  severity,
  security_severity: '5.0',
  cwe: 'CWE-284',
  tags: [],
  help: 'Set `read only = yes`.',
  help_uri: null,
  package: 'rsyncguard.rules',
});

/** 25 hosts in three groups (one with a hostile name), two not evaluated, a baseline and a history. */
function fleet(): { report: Report; groupOf: Map<string, string>; trend: TrendReport } {
  const rules = [rule('RSYNC-001', 'critical'), rule('RSYNC-040', 'high'), rule('RSYNC-050', 'low')];
  const groupOf = new Map<string, string>();
  const states = ['new', 'unchanged', 'updated'] as const;
  const targets = Array.from({ length: 25 }, (_, i) => {
    const host = i === 7 ? `web${EVIL}` : `host${String(i).padStart(2, '0')}`;
    const target = `${host}:/etc/rsyncd.conf`;
    groupOf.set(target, ['web', 'db', `edge${EVIL}`][i % 3] ?? 'web');
    const findings: Finding[] = rules
      .filter((_, r) => (i + r) % 2 === 0)
      .map((r, k) => ({
        rule_id: r.id,
        title: r.title,
        severity: r.severity,
        context: null,
        message: `[m${EVIL}] ${r.title}`,
        target,
        module: `m${EVIL}`,
        path: 'config.modules[0]',
        location: { file: '/etc/rsyncd.conf', line: 2 + k, column: 1 },
        baseline_state: states[(i + k) % 3] ?? 'new',
      }));
    return { target, kind: 'host' as const, findings, waived: [], notes: [], facts: {} };
  });
  const errors = [
    { target: `down1${EVIL}`, message: 'unreachable: connection timed out' },
    { target: 'down2', message: 'host-key-mismatch' },
  ];
  for (const e of errors) groupOf.set(e.target, 'db');
  const all = targets.flatMap((t) => t.findings);
  const count = (s: string) => all.filter((f) => f.baseline_state === s).length;
  const report: Report = {
    tool: { name: 'rsyncguard', version: '0.1.0' },
    rules,
    targets,
    errors,
    expired_waivers: [],
    baseline: { source: 'last-week.json', counts: { new: count('new'), unchanged: count('unchanged'), updated: count('updated'), absent: 0 }, absent: [] },
  };
  const counts = (c: number, h: number) => ({ critical: c, high: h, medium: 0, low: 3 });
  const trend: TrendReport = {
    tool: report.tool,
    runs: [
      { at: '2026-11-23T02:00:00Z', file: '2026-11-23T02-00-00Z.jsonl', hosts: 27, evaluated: 27, unreachable: 0, counts: counts(20, 14) },
      { at: '2026-11-30T02:00:00Z', file: '2026-11-30T02-00-00Z.jsonl', hosts: 27, evaluated: 25, unreachable: 2, counts: counts(13, 12) },
    ],
    hosts: [],
    rules: [],
  };
  return { report, groupOf, trend };
}

html('sweep: hostile names stay text; groups, hosts and "new only" filter; the heat map and trend chart; print shows everything', async () => {
  const { report, groupOf, trend } = fleet();
  const texts = new Map<string, string>();
  const page0 = FLEET_FORMATS.html.render(report, {
    colour: false,
    texts,
    category: 'rsyncguard/fleet/',
    suppressions: false,
    warn: () => {},
    trend,
    hostOf: (t) => t.slice(0, t.lastIndexOf(':')),
    groupOf: (t) => groupOf.get(t) ?? 'ungrouped',
  });
  const file = join(OUT, 'sweep.html');
  writeFileSync(file, page0);
  const { page, requests, errors } = await open(file);
  const findings = report.targets.flatMap((t) => t.findings);
  assert.is(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined, 'no injected script or handler ran');
  assert.is(await page.$$eval('img', (imgs) => imgs.length), 0);
  assert.is(await visibleRows(page), findings.length);
  assert.is(await page.$$eval('.heat li', (cells) => cells.length), report.targets.length + report.errors.length, 'a square per target and per host not evaluated');
  assert.is(await page.$$eval('.heat li.sev-error', (cells) => cells.length), 2);
  assert.is(await page.$$eval('table.errors tbody tr', (rows) => rows.length), 2, 'hosts not evaluated, with the reason');
  assert.is(await page.$$eval('svg.chart polyline', (lines) => lines.length), 5, 'the trend chart: four severities and unreachable');

  const hostile = `edge${EVIL}`;
  await choose(page, 'group', hostile);
  assert.is(await visibleRows(page), findings.filter((f) => groupOf.get(f.target) === hostile).length, 'a hostile group name filters exactly');
  await choose(page, 'group', '');
  await choose(page, 'host', `web${EVIL}`);
  assert.is(await visibleRows(page), findings.filter((f) => f.target.startsWith(`web${EVIL}`)).length);
  await choose(page, 'host', '');
  await page.click('input[name="new-only"]');
  const fresh = findings.filter((f) => f.baseline_state === 'new' || f.baseline_state === 'updated').length;
  assert.ok(fresh > 0 && fresh < findings.length);
  assert.is(await visibleRows(page), fresh, 'new and updated only');

  // 25 targets: the drill-down starts closed; print media shows every row and every drill-down, no filters.
  const findingShown = () => page.$eval('section.finding', (s) => s.checkVisibility() && s.getBoundingClientRect().height > 0);
  assert.not.ok(await findingShown(), 'closed on screen');
  await page.emulateMediaType('print');
  assert.is(await visibleRows(page), findings.length, 'print: filtered rows are printed');
  assert.ok(await findingShown(), 'print: the drill-down is printed');
  assert.is(await page.$eval('#filters', (f) => getComputedStyle(f).display), 'none');
  await page.emulateMediaType('screen');

  await accessible(page);
  await screenshot(page, 'sweep');
  assert.equal(requests, [], 'no request: not even the hostile image URL');
  assert.equal(errors, []);
  await page.close();
});

html('trend: the history page filters by state and host and makes no request', async () => {
  const { trend } = fleet();
  trend.hosts = [
    {
      host: `h${EVIL}`,
      group: 'web',
      status: 'unreachable',
      unreachable_runs: 3,
      last_ok: '2026-11-23T02:00:00Z',
      findings: [{ rule_id: 'RSYNC-001', severity: 'critical', module: 'm', fingerprint: 'a', message: EVIL, first_seen: '2026-11-23T02:00:00Z', last_seen: '2026-11-23T02:00:00Z', fixed_at: null, regressions: 0, state: 'open', open_days: 7 }],
    },
    {
      host: 'ok1',
      group: 'db',
      status: 'ok',
      unreachable_runs: 0,
      last_ok: '2026-11-30T02:00:00Z',
      findings: [
        {
          rule_id: 'RSYNC-040',
          severity: 'high',
          module: null,
          fingerprint: 'b',
          message: 'root',
          first_seen: '2026-11-23T02:00:00Z',
          last_seen: '2026-11-23T02:00:00Z',
          fixed_at: '2026-11-30T02:00:00Z',
          regressions: 0,
          state: 'fixed',
          open_days: 7,
        },
        { rule_id: 'RSYNC-050', severity: 'low', module: null, fingerprint: 'c', message: 'log', first_seen: '2026-11-23T02:00:00Z', last_seen: '2026-11-30T02:00:00Z', fixed_at: null, regressions: 1, state: 'regressed', open_days: 7 },
      ],
    },
  ];
  const file = join(OUT, 'trend.html');
  writeFileSync(file, toTrendHtml(trend));
  const { page, requests, errors } = await open(file);
  assert.is(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  assert.is(await visibleRows(page), 3);
  await choose(page, 'state', 'fixed');
  assert.is(await visibleRows(page), 1);
  await choose(page, 'state', '');
  await choose(page, 'host', 'ok1');
  assert.is(await visibleRows(page), 2);
  assert.ok((await page.content()).includes('unreachable for 3 sweeps'));
  await accessible(page);
  await screenshot(page, 'trend');
  assert.equal(requests, []);
  assert.equal(errors, []);
  await page.close();
});

html('eval of host documents: hostile module names stay text, no password line is quoted, rows match JSON', async () => {
  const dir = join(OUT, 'hosts');
  mkdirSync(dir, { recursive: true });
  const conf = (n: number) => `uid = root\n[pub${n}<img src=x onerror="window.__pwned=3">]\n  path = /srv/pub\n  read only = no\n  auth users = bob:hunter2secret\nhunter2bare\n[ok]\n  path = /srv/ok\n`;
  const files = [1, 2, 3].map((n) => {
    const f = join(dir, `web${n}.json`);
    writeFileSync(f, JSON.stringify(hostRawDoc(`web${n}`, conf(n))));
    return f;
  });
  const json = cli(PROJECT, ['eval', ...files, '--format', 'json', '--fail-on', 'none']);
  assert.is(json.status, 0, json.stderr);
  const findings = (JSON.parse(json.stdout) as { targets: { findings: unknown[] }[] }).targets.flatMap((t) => t.findings);
  assert.ok(findings.length >= 3);
  const file = join(OUT, 'eval.html');
  const run = cli(PROJECT, ['eval', ...files, '--format', 'html', '--output', file, '--fail-on', 'none']);
  assert.is(run.status, 0, run.stderr);
  const { page, requests, errors } = await open(file);
  assert.is(await visibleRows(page), findings.length);
  assert.is(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  const text = readFileSync(file, 'utf8');
  assert.not.ok(text.includes('hunter2'), 'neither the auth users password nor a bare line is quoted');
  assert.ok((await page.$$('section.finding pre .at')).length > 0, 'the host’s own config lines around the finding');
  await accessible(page);
  assert.equal(requests, [], 'no request: not even the injected image');
  assert.equal(errors, []);
  await page.close();
});

html('trend DIR --format html: the history files through the command, rows and streaks as its JSON says', async () => {
  const dir = join(OUT, 'history');
  mkdirSync(dir, { recursive: true });
  const finding = (fingerprint: string, rule_id: string, severity: string) => ({ fingerprint, rule_id, severity, module: 'pub', path: 'config.modules[0]', message: `${rule_id} on [pub]` });
  const runs = [
    { at: '2026-11-28T02:00:00Z', web: [finding('a', 'RSYNC-001', 'critical'), finding('b', 'RSYNC-040', 'high')], down: 'ok' },
    { at: '2026-11-29T02:00:00Z', web: [finding('b', 'RSYNC-040', 'high')], down: 'unreachable' },
    { at: '2026-11-30T02:00:00Z', web: [finding('a', 'RSYNC-001', 'critical'), finding('b', 'RSYNC-040', 'high')], down: 'unreachable' },
  ];
  for (const r of runs) {
    const lines = [
      { at: r.at, host: `web${EVIL}`, group: 'web', status: 'ok', reason: '', findings: r.web },
      { at: r.at, host: 'down1', group: 'db', status: r.down, reason: r.down === 'ok' ? '' : 'connection timed out', findings: r.down === 'ok' ? [finding('c', 'RSYNC-050', 'low')] : [] },
    ];
    writeFileSync(join(dir, `${r.at.replace(/:/g, '-')}.jsonl`), `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
  }
  const json = cli(PROJECT, ['trend', dir, '--format', 'json']);
  assert.is(json.status, 0, json.stderr);
  const trend = JSON.parse(json.stdout) as { runs: unknown[]; hosts: { host: string; unreachable_runs: number; findings: { state: string }[] }[] };
  const file = join(OUT, 'trend-cli.html');
  const run = cli(PROJECT, ['trend', dir, '--format', 'html', '--output', file]);
  assert.is(run.status, 0, run.stderr);
  const { page, requests, errors } = await open(file);
  assert.is(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  const all = trend.hosts.flatMap((h) => h.findings);
  assert.is(all.length, 3, 'web: a regressed, b open; down1: c (not seen since it became unreachable)');
  assert.is(await visibleRows(page), all.length);
  assert.is(await page.$$eval('table.runs tbody tr', (rows) => rows.length), trend.runs.length);
  const down = trend.hosts.find((h) => h.host === 'down1');
  assert.is(down?.unreachable_runs, 2);
  assert.ok((await page.$eval('table.hosts', (t) => t.textContent ?? '')).includes('unreachable for 2 sweeps'));
  await choose(page, 'state', 'regressed');
  assert.is(await visibleRows(page), all.filter((f) => f.state === 'regressed').length);
  await accessible(page);
  assert.equal(requests, []);
  assert.equal(errors, []);
  await page.close();
});

html('scan --baseline: new, updated, unchanged and fixed as the JSON says; "new and updated only" shows those rows', async () => {
  const repo = join(OUT, 'baseline-repo');
  mkdirSync(repo, { recursive: true });
  const conf = join(repo, 'rsyncd.conf');
  writeFileSync(conf, readFileSync(join(PROJECT, 'examples', 'public-mirror', 'rsyncd.conf'), 'utf8'));
  const old = cli(repo, ['scan', '.', '--format', 'json', '--fail-on', 'none']);
  assert.is(old.status, 0, old.stderr);
  const baseline = join(OUT, 'baseline.json');
  writeFileSync(baseline, old.stdout);
  // One finding fixed, one module added (new findings), a line inserted above the rest (unchanged, not new).
  writeFileSync(conf, `# moved down one line\n${readFileSync(conf, 'utf8').replace('read only = false', 'read only = yes')}[added]\n  path = /srv/added\n  read only = no\n`);
  const json = cli(repo, ['scan', '.', '--baseline', baseline, '--format', 'json', '--fail-on', 'none']);
  assert.is(json.status, 0, json.stderr);
  const now = JSON.parse(json.stdout) as { targets: { findings: { baseline_state?: string }[] }[] };
  const findings = now.targets.flatMap((t) => t.findings);
  const count = (s: string) => findings.filter((f) => f.baseline_state === s).length;
  assert.ok(count('new') > 0 && count('unchanged') > 0);
  const file = join(OUT, 'baseline.html');
  const run = cli(repo, ['scan', '.', '--baseline', baseline, '--format', 'html', '--output', file, '--fail-on', 'none']);
  assert.is(run.status, 0, run.stderr);
  const { page, requests, errors } = await open(file);
  for (const s of ['new', 'updated', 'unchanged']) assert.is(Number(await page.$eval(`.baseline-${s} b`, (b) => b.textContent)), count(s), s);
  assert.ok(Number(await page.$eval('.baseline-absent b', (b) => b.textContent)) >= 1, 'the fixed finding is counted');
  assert.ok((await page.$$('table.absent tbody tr')).length >= 1, 'and listed');
  await page.click('input[name="new-only"]');
  assert.is(await visibleRows(page), count('new') + count('updated'));
  assert.equal(requests, []);
  assert.equal(errors, []);
  await page.close();
});

html('fix: the page shows each verified fix and the patch', async () => {
  const file = join(OUT, 'fix.html');
  const run = cli(PROJECT, ['fix', 'examples', '--format', 'html', '--output', file]);
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  const { page, requests, errors } = await open(file);
  assert.ok((await page.$$('pre.patch .add')).length > 0, 'added lines of the verified patch');
  const patch = await page.$eval('pre.patch', (p) => p.textContent ?? '');
  assert.ok(patch.split('\n').length > 3 && !patch.includes('\\x0a'), 'the patch is shown line by line, not as escaped newlines');
  assert.ok(patch.includes('--- a/'), 'file headers');
  assert.ok((await page.$$eval('section.finding p strong', (s) => s.filter((x) => x.textContent === 'Verified fix').length)) > 0);
  assert.equal(requests, []);
  assert.equal(errors, []);
  await page.close();
});

html.run();
