/**
 * The closing note's figures for issue 16: run `fix` (in memory, nothing is written) over a corpus of real
 * configs and count the findings at high or above: with a verified fix, with a command to run instead (secrets
 * file permissions), and without one, grouped by why (no planner for the rule, the planner's reason, or the
 * verification's). Usage: node --import tsx scripts/fix-corpus.ts ../shared/corpus [--rsync-version X.Y.Z] [--verbose]
 * (--verbose: every finding without a fix, and every rejected candidate, one line each).
 */
import { DEFAULT_RSYNC_VERSION, today } from '../src/common/index.ts';
import { type FindingKey, findingKey, sameFinding } from '../src/fix/index.ts';
import { fixRepository, parseVersion, policiesFor } from '../src/runner/index.ts';

const HIGH = new Set(['high', 'critical']);

function usage(message: string): never {
  process.stderr.write(`${message}\nUsage: node --import tsx scripts/fix-corpus.ts PATH… [--rsync-version X.Y.Z]\n`);
  process.exit(2);
}

/** Reasons name modules, values and files: fold those so the same reason groups together. */
function reasonClass(reason: string): string {
  return reason
    .replace(/\[[^\]\n]*\]/g, '[…]')
    .replace(/"[^"\n]*"/g, '"…"')
    .replace(/`[^`\n]*`/g, '`…`')
    .replace(/\b[\w./-]+\.(conf|inc|j2|erb|tmpl|gtpl|sls|ini)\b(:\d+)?/g, '<file>')
    .replace(/\bCVE-\d{4}-\d+\b/g, 'CVE-…')
    .replace(/(?<!RSYNC-)\b\d+\b/g, 'N')
    .slice(0, 140);
}

function bump(m: Map<string, number>, k: string, n = 1): void {
  m.set(k, (m.get(k) ?? 0) + n);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let versionText: string | undefined;
  let verbose = false;
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--rsync-version') versionText = argv[++i] ?? usage('--rsync-version needs a value');
    else if (a === '--verbose') verbose = true;
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else paths.push(a);
  }
  if (paths.length === 0) usage('no corpus path given');
  const version = parseVersion(versionText ?? DEFAULT_RSYNC_VERSION);
  if (!version.ok) usage(version.error.message);
  const policies = await policiesFor(undefined);
  if (!policies.ok) usage(policies.error.message);
  const started = performance.now();
  const run = await fixRepository(paths, {
    exclude: [],
    daemonUser: 'root',
    rsyncVersion: version.value,
    rsyncVersionGiven: versionText !== undefined,
    today: today(),
    policies: policies.value,
    waiverFile: undefined,
    inlineWaivers: true,
  });
  if (!run.ok) usage(run.error.message);
  const report = run.value.report;

  let total = 0;
  let verified = 0;
  let commands = 0;
  const without = new Map<string, number>();
  const rejectedReasons = new Map<string, number>();
  const details: string[] = [];
  const perRule = new Map<string, { verified: number; command: number; without: number }>();
  const targetsWithFix = new Set<string>();
  let verifiedFixes = 0;
  let rejectedFixes = 0;
  for (const t of report.targets) {
    const fixes = t.fixes;
    if (fixes) {
      verifiedFixes += fixes.verified.length;
      rejectedFixes += fixes.rejected.length;
      for (const r of fixes.rejected) {
        bump(rejectedReasons, `${r.candidate.fixes[0]?.rule_id ?? '?'}: ${reasonClass(r.reason)}`);
        details.push(`rejected  ${t.target}: ${r.candidate.summary}: ${r.reason}`);
      }
    }
    for (const f of t.findings) {
      if (!HIGH.has(f.severity)) continue;
      total++;
      const key = findingKey(f);
      const row = perRule.get(f.rule_id) ?? { verified: 0, command: 0, without: 0 };
      perRule.set(f.rule_id, row);
      const covers = (keys: FindingKey[]) => keys.some((k) => sameFinding(k, key));
      if (!fixes) {
        row.without++;
        bump(without, `not on a config line (target kind ${t.kind}: a secrets file, unit or image): fix edits rsyncd.conf files`);
        continue;
      }
      if (fixes.verified.some((v) => covers(v.fixes))) {
        verified++;
        row.verified++;
        targetsWithFix.add(t.target);
        continue;
      }
      if (fixes.commands.some((c) => sameFinding(c.finding, key))) {
        commands++;
        row.command++;
        continue;
      }
      row.without++;
      const rejected = fixes.rejected.find((r) => covers(r.candidate.fixes));
      const unfixed = fixes.unfixed.find((u) => sameFinding(u.finding, key));
      details.push(`without   ${t.target}: ${f.rule_id} ${f.severity} [${f.module ?? ''}] ${f.path}: ${rejected?.reason ?? unfixed?.reason ?? 'no entry in the plan'}`);
      if (rejected) bump(without, `verification refused it: ${reasonClass(rejected.reason)}`);
      else if (unfixed) bump(without, `${f.rule_id}: ${reasonClass(unfixed.reason)}`);
      else bump(without, `${f.rule_id}: neither fixed nor explained (no entry in the plan)`);
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const pct = (n: number) => (total === 0 ? '0%' : `${Math.round((100 * n) / total)}%`);
  const out: string[] = [];
  out.push(`fix over ${paths.join(' ')}: ${report.targets.length} targets, ${report.errors.length} not evaluated, ${run.value.verifications} verifications in ${seconds} s`);
  out.push(`candidates: ${verifiedFixes} verified, ${rejectedFixes} rejected by verification; ${targetsWithFix.size} targets get at least one verified fix`);
  out.push('');
  out.push(`findings at high or above: ${total}`);
  out.push(`  with a verified fix        ${String(verified).padStart(5)}  ${pct(verified)}`);
  out.push(`  a command instead (chmod)  ${String(commands).padStart(5)}  ${pct(commands)}`);
  out.push(`  without one                ${String(total - verified - commands).padStart(5)}  ${pct(total - verified - commands)}`);
  out.push('');
  out.push('without a fix, by reason:');
  for (const [reason, n] of [...without].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) out.push(`  ${String(n).padStart(5)}  ${reason}`);
  out.push('');
  out.push('candidates rejected by verification (any severity), by reason:');
  for (const [reason, n] of [...rejectedReasons].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) out.push(`  ${String(n).padStart(5)}  ${reason}`);
  out.push('');
  out.push('per rule (high or above):   verified  command  without');
  for (const [rule, r] of [...perRule].sort((a, b) => a[0].localeCompare(b[0]))) out.push(`  ${rule.padEnd(24)} ${String(r.verified).padStart(8)} ${String(r.command).padStart(8)} ${String(r.without).padStart(8)}`);
  if (verbose) out.push('', ...details);
  process.stdout.write(`${out.join('\n')}\n`);
}

await main();
