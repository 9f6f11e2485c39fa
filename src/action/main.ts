/**
 * The Action: the same scan as the CLI, then the SARIF file, a job summary, annotations and outputs, and
 * only then the verdict of `fail-on`. One try/catch: user mistakes fail the step with the input named,
 * anything else is a bug and says so.
 */
import * as core from '@actions/core';
import fg from 'fast-glob';
import { ok, today, UserError, type Result } from '../common/index.ts';
import { SEVERITIES } from '../engine/index.ts';
import { compareWithBaseline, complianceSection, escapeControls, filterBySeverity, FIX_FORMATS, markdownCode, parseSeverities, REPORT_FORMATS, toJobSummary, type RenderContext, type Report } from '../report/index.ts';
import { modelledVersion } from '../facts/index.ts';
import { matchExcludes, rsyncdDiscoveryNames, scanScope } from '../sources/index.ts';
import { asUserError, evaluateTargets, exitCode, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, fixRepository, judgedFindings, policiesFor, readBaseline, scanRepository, type EvaluateOptions, type ScanOptions } from '../runner/index.ts';
import { FULL_BUDGET, notAnnotatedSentence, planAnnotations } from './annotations.ts';
import { ActionInputError, readInputs, type ActionInputs } from './inputs.ts';
import { writeUninterpreted } from './log.ts';
import { writeOutputFile } from './output-file.ts';

/**
 * Paths and globs, relative to the workspace; a glob that matches nothing is an error, not a clean scan. With
 * the exclude patterns that matched something in the workspace (a glob's hits are left out by them).
 */
function expandPaths(inputs: ActionInputs): { paths: string[]; excludeMatched: Set<string> } {
  const globs = inputs.paths.some((p) => /[*?[{]/.test(p));
  // The exclude input leaves out what a glob matches as scan's --exclude leaves out what discovery finds: the same matcher.
  const excluded = globs ? matchExcludes(process.cwd(), inputs.exclude) : undefined;
  const paths = inputs.paths.flatMap((p) => {
    if (!/[*?[{]/.test(p) || excluded === undefined) return [p];
    // A committed link (`up -> /`) must not walk the runner's filesystem; links are scanned, not followed.
    const hits = fg.sync(p, { onlyFiles: false, dot: true, followSymbolicLinks: false, ignore: ['**/.git/**', '**/node_modules/**'] }).filter((h) => !excluded.excludes(h.replace(/\/+$/, '')));
    if (hits.length === 0) throw new ActionInputError('paths', `"${p}" matches nothing in the workspace${inputs.exclude.length > 0 ? ' that exclude leaves in' : ''}`);
    return hits.sort();
  });
  return { paths, excludeMatched: new Set(inputs.exclude.filter((p) => excluded !== undefined && !excluded.unmatched.includes(p))) };
}

/** What the scan says that is not a finding: a path that held no config, an exclude pattern that matched nothing. */
interface ScanWarnings {
  empty: { path: string; excluded: string[]; ignored: string[] }[];
  unmatched: string[];
}

function highest(report: Report): string {
  const present = new Set(report.targets.flatMap((t) => t.findings.map((f) => f.severity)));
  return SEVERITIES.find((s) => present.has(s)) ?? 'none';
}

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const inputs = readInputs(env);
    // The CLI's parser: one list of words; a YAML block's line breaks separate levels as commas do.
    const levels = inputs.severity === undefined ? undefined : parseSeverities(inputs.severity.replace(/[\s,]+/g, ','), 'Input "severity":');
    if (levels !== undefined && !levels.ok) return failStep(levels.error);
    if (env['GITHUB_WORKSPACE']) process.chdir(env['GITHUB_WORKSPACE']);
    const { paths, excludeMatched } = expandPaths(inputs);
    // An empty result is not a silent green pass (adv2 #10), nor is an exclude pattern that left out nothing (#11).
    const said: ScanWarnings = { empty: [], unmatched: [] };
    const scanOpts: ScanOptions = {
      exclude: inputs.exclude,
      daemonUser: 'root' as const,
      rsyncVersion: modelledVersion(inputs.rsyncVersion ?? null),
      rsyncVersionGiven: inputs.rsyncVersion !== undefined,
      today: today(),
      onEmptyPath: (path: string, leftOut?: { excluded: string[]; ignored: string[] }) => said.empty.push({ path, excluded: leftOut?.excluded ?? [], ignored: leftOut?.ignored ?? [] }),
      onUnmatchedExclude: (patterns) => said.unmatched.push(...patterns.filter((p) => !excludeMatched.has(p))),
    };
    const policies = await policiesFor(inputs.policy);
    if (!policies.ok) return failStep(policies.error);
    // Read before the scan: a baseline that cannot be read is the input's mistake, said as such.
    const baseline = inputs.baseline === undefined ? undefined : readBaseline(inputs.baseline);
    if (baseline !== undefined && !baseline.ok) return failStep(new UserError(`Input "baseline": ${baseline.error.message}`, baseline.error.where, baseline.error.hint));
    const evalOpts = { policies: policies.value, waiverFile: inputs.waivers, inlineWaivers: true };
    // fix-patch asks for verified fixes: the same scan with each target's fixes (each candidate re-evaluated).
    const scanned = inputs.fixPatch !== undefined ? await fixRepository(paths, { ...scanOpts, ...evalOpts }) : await plainScan(paths, scanOpts, evalOpts);
    if (!scanned.ok) return failStep(scanned.error);
    // Compared and judged for compliance before the severity filter, as the CLI does: a finding left out of
    // the report is still there, never "fixed", and a control never passes because its findings are hidden.
    const compared = baseline === undefined ? scanned.value.report : compareWithBaseline(scanned.value.report, baseline.value, scanScope(paths, inputs.exclude));
    const complete = inputs.compliance ? { ...compared, compliance: complianceSection(compared, inputs.compliance) } : compared;
    // The report files say it too (a SARIF notification, a JSON field), not only the step's log.
    const report = filterBySeverity({ ...complete, empty_paths: said.empty.map((e) => ({ path: e.path, message: emptyPathLine(e) })) }, levels?.value);
    // Each warning sent is one of the step's ten warning annotations: counted, so findings do not overrun them.
    let warned = 0;
    const ctx: RenderContext = {
      colour: false,
      category: inputs.category,
      suppressions: inputs.sarifSuppressions,
      texts: scanned.value.texts,
      warn: (m) => {
        warned++;
        core.warning(m);
      },
    };
    for (const line of scanWarnings(said)) ctx.warn?.(line);
    // The SARIF file is always written; the log shows the chosen format, and a limit SARIF enforced is warned about once.
    // Without the `absent` results: code scanning reads no baselineState and would open each as an alert; it closes fixed alerts itself.
    const upload = report.baseline ? { ...report, baseline: { ...report.baseline, absent: [] } } : report;
    const sarifWritten = writeOutputFile('sarif-file', inputs.sarifFile, REPORT_FORMATS.sarif.render(upload, ctx));
    if (!sarifWritten.ok) return failStep(sarifWritten.error);
    if (inputs.fixPatch !== undefined) {
      const fixes = report.targets.flatMap((t) => (t.fixes ? [t.fixes] : []));
      const patchWritten = writeOutputFile('fix-patch', inputs.fixPatch, FIX_FORMATS.diff.render(fixes, { ...ctx, report }));
      if (!patchWritten.ok) return failStep(patchWritten.error);
      const n = fixes.reduce((k, t) => k + t.verified.length, 0);
      core.info(`rsyncguard: ${n} verified fix${n === 1 ? '' : 'es'} written to ${escapeControls(inputs.fixPatch)}`);
    }
    // The repository's file names are in it: never read by the runner as workflow commands (log.ts).
    writeUninterpreted(REPORT_FORMATS[inputs.format].render(report, { ...ctx, warn: () => {} }));
    const findings = report.targets.flatMap((t) => t.findings);
    const code = exitCode(report, inputs.failOn);
    // A failing step ends with setFailed's own error annotation: one error place is kept for it.
    const budget = { ...FULL_BUDGET, error: FULL_BUDGET.error - (code === EXIT_OK ? 0 : 1), warning: Math.max(0, FULL_BUDGET.warning - warned) };
    const plan = inputs.annotations ? planAnnotations(findings, budget) : undefined;
    if (env['GITHUB_STEP_SUMMARY']) {
      const lines = [toJobSummary(report)];
      if (report.severity_filter) lines.push(severityLine(report.severity_filter));
      lines.push(...scanSummaryLines(said));
      if (plan !== undefined && plan.rest.length > 0) lines.push(`**Not annotated**: ${notAnnotatedSentence(plan.rest)}\n`);
      await core.summary.addRaw(lines.join('\n')).write();
    }
    for (const a of plan?.annotations ?? []) core[a.kind](a.message, a.props);
    core.setOutput('sarif-file', inputs.sarifFile);
    core.setOutput('findings', String(findings.length));
    core.setOutput('highest-severity', highest(report));
    core.setOutput('exit-code', String(code));
    core.setOutput('fix-patch', inputs.fixPatch ?? '');
    // With a baseline, the findings fail-on judges (new and updated); without one, every finding.
    core.setOutput('new-findings', String(judgedFindings(report).length));
    core.setOutput('declared-public', String(report.targets.reduce((n, t) => n + (t.declared_public?.length ?? 0), 0)));
    if (code === EXIT_ERROR) core.setFailed(`${report.errors.length} target(s) could not be evaluated: ${escapeControls(report.errors.map((e) => e.target).join(', '))}`);
    else if (code === EXIT_FINDINGS) core.setFailed(`rsyncguard found ${report.baseline ? 'new or updated ' : ''}issues at or above "${inputs.failOn}" (highest: ${highest(report)}).`);
  } catch (e) {
    const known = e instanceof ActionInputError ? undefined : asUserError(e);
    if (e instanceof ActionInputError) core.setFailed(e.message);
    else if (known !== undefined) failStep(known);
    else core.setFailed(`rsyncguard: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
}

/** The step's warnings for what the scan said: inputs named as the workflow wrote them, file names as found. */
function scanWarnings(said: ScanWarnings): string[] {
  const lines = said.empty.map(emptyPathLine);
  if (said.unmatched.length > 0) lines.push(`Input "exclude": ${said.unmatched.join(', ')} matched nothing under the paths scanned (globs relative to each path; a directory leaves out everything under it).`);
  return lines.map((l) => escapeControls(l));
}

/** Why one path of the paths input gave no config to scan. */
function emptyPathLine({ path, excluded, ignored }: ScanWarnings['empty'][number]): string {
  const some = (files: string[]) => `${files.slice(0, 3).join(', ')}${files.length > 3 ? ', …' : ''}`;
  const causes = [...(excluded.length > 0 ? [`${excluded.length} left out by the exclude input (${some(excluded)})`] : []), ...(ignored.length > 0 ? [`${ignored.length} ignored by .gitignore (${some(ignored)})`] : [])];
  return causes.length > 0
    ? `No rsyncd config scanned under ${path} (the paths input): ${causes.join(', and ')}.`
    : `No rsyncd configs found under ${path} (the paths input); looked for ${rsyncdDiscoveryNames()}. Check paths and exclude: nothing was checked there.`;
}

/** The same in the job summary, where a reader of a table of zeros looks. */
function scanSummaryLines(said: ScanWarnings): string[] {
  const lines = said.empty.map(({ path, excluded, ignored }) => {
    const left = excluded.length + ignored.length;
    const why = left > 0 ? `${left} config${left === 1 ? '' : 's'} there left out by the exclude input or .gitignore` : 'check the paths and exclude inputs';
    return `**Nothing scanned** under ${markdownCode(path)}: no rsyncd config (${why}).\n`;
  });
  if (said.unmatched.length > 0) lines.push(`**Exclude**: ${said.unmatched.map((p) => markdownCode(p)).join(', ')} matched nothing.\n`);
  return lines;
}

/** What the severity input left out, so a reader of the summary knows the counts above are not all. */
function severityLine(filter: NonNullable<Report['severity_filter']>): string {
  const n = filter.hidden;
  return `**Severity**: only ${filter.severities.join(', ')} reported (the \`severity\` input); ${n} finding${n === 1 ? '' : 's'} of other severities left out, and fail-on judges what is reported.\n`;
}

/** scan's discovery and evaluation without fixes, shaped like fixRepository's result. */
async function plainScan(paths: string[], scanOpts: ScanOptions, evalOpts: EvaluateOptions): Promise<Result<{ report: Report; texts: ReadonlyMap<string, string> }>> {
  const scan = scanRepository(paths, scanOpts);
  const evaluated = await evaluateTargets(scan.targets, evalOpts);
  return evaluated.ok ? ok({ report: evaluated.value, texts: scan.texts }) : evaluated;
}

/** The options the runner and engine name in their messages, which the Action takes as inputs of the same name. */
const OPTION_AS_INPUT = /--(policy|waivers|fail-on|format|category|baseline)\b/g;

/**
 * A user mistake fails the step in one line: what, where, what to do. The Action's messages name its
 * inputs, not the CLI's options: `--policy X does not exist` is said as `Input "policy": X does not exist`.
 */
function failStep(e: UserError): void {
  const lead = new RegExp(`^${OPTION_AS_INPUT.source}:? ?`).exec(e.message);
  const message = lead ? `Input "${lead[1]}": ${e.message.slice(lead[0].length)}` : e.message;
  const hint = e.hint?.replace(OPTION_AS_INPUT, 'the "$1" input');
  const where = lead ? undefined : e.where;
  core.setFailed(escapeControls(`${where ? `${where}: ` : ''}${message.replace(OPTION_AS_INPUT, 'the "$1" input')}${hint ? ` (${hint})` : ''}`));
}
