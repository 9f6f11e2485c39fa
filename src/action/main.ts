/**
 * The Action: the same scan as the CLI, then the SARIF file, a job summary, annotations and outputs, and
 * only then the verdict of `fail-on`. One try/catch: user mistakes fail the step with the input named,
 * anything else is a bug and says so.
 */
import { writeFileSync } from 'node:fs';
import * as core from '@actions/core';
import fg from 'fast-glob';
import { errorMessage, ok, today, UserError, type Result } from '../common/index.ts';
import { SEVERITIES } from '../engine/index.ts';
import { compareWithBaseline, complianceSection, escapeControls, FIX_FORMATS, REPORT_FORMATS, toJobSummary, type RenderContext, type Report } from '../report/index.ts';
import { modelledVersion } from '../facts/index.ts';
import { asUserError, evaluateTargets, exitCode, EXIT_ERROR, EXIT_FINDINGS, fixRepository, judgedFindings, policiesFor, readBaseline, scanRepository, type EvaluateOptions, type ScanOptions } from '../runner/index.ts';
import { annotationsFor } from './annotations.ts';
import { ActionInputError, readInputs, type ActionInputs } from './inputs.ts';

/** Paths and globs, relative to the workspace; a glob that matches nothing is an error, not a clean scan. */
function expandPaths(inputs: ActionInputs): string[] {
  return inputs.paths.flatMap((p) => {
    if (!/[*?[{]/.test(p)) return [p];
    // A committed link (`up -> /`) must not walk the runner's filesystem; links are scanned, not followed.
    const hits = fg.sync(p, { onlyFiles: false, dot: true, followSymbolicLinks: false, ignore: ['**/.git/**', '**/node_modules/**'] });
    if (hits.length === 0) throw new ActionInputError('paths', `"${p}" matches nothing in the workspace`);
    return hits.sort();
  });
}

function highest(report: Report): string {
  const present = new Set(report.targets.flatMap((t) => t.findings.map((f) => f.severity)));
  return SEVERITIES.find((s) => present.has(s)) ?? 'none';
}

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const inputs = readInputs(env);
    if (env['GITHUB_WORKSPACE']) process.chdir(env['GITHUB_WORKSPACE']);
    const paths = expandPaths(inputs);
    const scanOpts = { exclude: [], daemonUser: 'root' as const, rsyncVersion: modelledVersion(inputs.rsyncVersion ?? null), rsyncVersionGiven: inputs.rsyncVersion !== undefined, today: today() };
    const policies = await policiesFor(inputs.policy);
    if (!policies.ok) return failStep(policies.error);
    // Read before the scan: a baseline that cannot be read is the input's mistake, said as such.
    const baseline = inputs.baseline === undefined ? undefined : readBaseline(inputs.baseline);
    if (baseline !== undefined && !baseline.ok) return failStep(new UserError(`Input "baseline": ${baseline.error.message}`, baseline.error.where, baseline.error.hint));
    const evalOpts = { policies: policies.value, waiverFile: inputs.waivers, inlineWaivers: true };
    // fix-patch asks for verified fixes: the same scan with each target's fixes (each candidate re-evaluated).
    const scanned = inputs.fixPatch !== undefined ? await fixRepository(paths, { ...scanOpts, ...evalOpts }) : await plainScan(paths, scanOpts, evalOpts);
    if (!scanned.ok) return failStep(scanned.error);
    const base = baseline === undefined ? scanned.value.report : compareWithBaseline(scanned.value.report, baseline.value);
    const report = inputs.compliance ? { ...base, compliance: complianceSection(base, inputs.compliance) } : base;
    const ctx: RenderContext = { colour: false, category: inputs.category, suppressions: inputs.sarifSuppressions, texts: scanned.value.texts, warn: (m) => core.warning(m) };
    // The SARIF file is always written; the log shows the chosen format, and a limit SARIF enforced is warned about once.
    try {
      // Without the `absent` results: code scanning reads no baselineState and would open each as an alert; it closes fixed alerts itself.
      const upload = report.baseline ? { ...report, baseline: { ...report.baseline, absent: [] } } : report;
      writeFileSync(inputs.sarifFile, REPORT_FORMATS.sarif.render(upload, ctx));
    } catch (e) {
      return failStep(new UserError(`Input "sarif-file": ${inputs.sarifFile} cannot be written: ${errorMessage(e)}`, undefined, 'Give sarif-file a path in a directory that exists in the workspace; the file itself is created.'));
    }
    if (inputs.fixPatch !== undefined) {
      const fixes = report.targets.flatMap((t) => (t.fixes ? [t.fixes] : []));
      try {
        writeFileSync(inputs.fixPatch, FIX_FORMATS.diff.render(fixes, { ...ctx, report }));
      } catch (e) {
        return failStep(new UserError(`Input "fix-patch": ${inputs.fixPatch} cannot be written: ${errorMessage(e)}`, undefined, 'Give fix-patch a path in a directory that exists in the workspace; the file itself is created.'));
      }
      const n = fixes.reduce((k, t) => k + t.verified.length, 0);
      core.info(`rsyncguard: ${n} verified fix${n === 1 ? '' : 'es'} written to ${escapeControls(inputs.fixPatch)}`);
    }
    process.stdout.write(REPORT_FORMATS[inputs.format].render(report, { ...ctx, warn: () => {} }));
    if (env['GITHUB_STEP_SUMMARY']) await core.summary.addRaw(toJobSummary(report)).write();
    const findings = report.targets.flatMap((t) => t.findings);
    if (inputs.annotations) {
      for (const a of annotationsFor(findings)) core[a.kind](a.message, a.props);
    }
    const code = exitCode(report, inputs.failOn);
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
