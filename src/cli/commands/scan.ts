import { statSync } from 'node:fs';
import { DEFAULT_RSYNC_VERSION, keepHeapSmall, today } from '../../common/index.ts';
import { defaultThreads } from '../../engine/index.ts';
import { parseCommandArgs, stringOption, type Command } from '../command.ts';
import { evaluateTargets, fixRepository, parseVersion, policiesFor, scanRepository, streamRepository } from '../../runner/index.ts';
import type { Report } from '../../report/index.ts';
import { openDaemonRoot, scanScope } from '../../sources/index.ts';
import { judgeReport, renderReport, streamedReport } from '../render-report.ts';
import { readBaselineOption, withBaseline } from '../baseline-option.ts';
import { REPORT_OPTIONS, SARIF_OPTIONS } from './report-options.ts';
import { progressFor, scanProgress } from '../progress.ts';
import { unmatchedExcludeWarning } from '../exclude-warning.ts';

export const scanCommand: Command = {
  name: 'scan',
  usage: 'scan [PATH…]',
  summary: 'Find rsync daemon configs in repositories (default .), evaluate them, and report',
  options: {
    ...REPORT_OPTIONS,
    ...SARIF_OPTIONS,
    exclude: { type: 'string', valueName: 'GLOBS', help: 'Comma-separated globs (relative to each PATH) to leave out; a directory leaves out everything under it' },
    root: {
      type: 'string',
      valueName: 'DIR',
      help: "The daemon's filesystem root: absolute paths in configs (secrets file = /etc/rsyncd.secrets, &include /etc/rsyncd.d) are looked up under DIR, confined to it (default: each PATH)",
    },
    'daemon-user': { type: 'string', valueName: 'root|nonroot', help: 'Whether the daemon runs as root', default: 'root', choices: ['root', 'nonroot'] },
    'rsync-version': { type: 'string', valueName: 'X.Y.Z', help: 'rsync release whose semantics to model', default: DEFAULT_RSYNC_VERSION },
    timings: { type: 'boolean', help: 'Print how long each stage took to standard error' },
    fixes: { type: 'string', valueName: 'auto|yes|no', help: 'Verified fixes in the report (SARIF fixes, Markdown suggestions, JSON): auto = for sarif and markdown', default: 'auto', choices: ['auto', 'yes', 'no'] },
  },
  async run(argv) {
    const args = parseCommandArgs(this, argv);
    keepHeapSmall();
    const paths = args.positionals.length > 0 ? args.positionals : ['.'];
    const exclude = (stringOption(args, 'exclude') ?? '')
      .split(',')
      .map((g) => g.trim())
      .filter((g) => g !== '');
    const version = parseVersion(stringOption(args, 'rsync-version'));
    if (!version.ok) return version.error;
    const rootGiven = stringOption(args, 'root');
    const daemonRoot = rootGiven === undefined ? undefined : openDaemonRoot(rootGiven);
    if (daemonRoot !== undefined && !daemonRoot.ok) return daemonRoot.error;
    const timings: [string, number][] = [];
    const tellTimings = () => {
      if (args.values['timings'] === true) process.stderr.write(`timings: ${timings.map(([s, ms]) => `${s} ${ms.toFixed(1)} ms`).join(', ')}\n`);
    };
    // On a terminal, a line while it works (progress.ts); and, anywhere unless --quiet, a warning for a directory with no config.
    const progress = progressFor(args);
    const { onFound, onEmptyPath, onEvaluated, emptyPaths } = scanProgress(progress);
    const scanOpts = {
      onFound,
      onEmptyPath,
      onUnmatchedExclude: (patterns: string[]) => progress.warn(unmatchedExcludeWarning('scan', patterns)),
      exclude,
      daemonUser: stringOption(args, 'daemon-user') === 'nonroot' ? ('nonroot' as const) : ('root' as const),
      rsyncVersion: version.value,
      rsyncVersionGiven: args.given.has('rsync-version'),
      today: today(),
      daemonRoot: daemonRoot?.value,
    };
    const policies = await policiesFor(stringOption(args, 'policy'));
    if (!policies.ok) return policies.error;
    const baseline = readBaselineOption(args);
    if (!baseline.ok) return baseline.error;
    const evalOpts = {
      policies: policies.value,
      waiverFile: stringOption(args, 'waivers'),
      inlineWaivers: args.values['no-inline-waivers'] !== true,
      onTiming: (stage: string, ms: number) => timings.push([stage, ms]),
      onEvaluated,
      // A directory may hold thousands of configs: the built-in policy in a pool of threads, evaluating while
      // the next configs are parsed. One file is evaluated here (starting threads would cost more than it saves).
      ...(paths.some(isDirectory) ? { threads: defaultThreads() } : {}),
    };
    // Verifying fixes re-evaluates each candidate: done only for the formats that show fixes, or when asked.
    const fixes = stringOption(args, 'fixes') ?? 'auto';
    const format = stringOption(args, 'format') ?? 'text';
    const withFixes = fixes === 'yes' || (fixes === 'auto' && (format === 'sarif' || format === 'markdown'));
    // JSON and SARIF without fixes are written as the targets come: no target is held once evaluated (issue 20).
    const streamed = withFixes ? undefined : streamedReport(args, { texts: new Map() });
    if (streamed !== undefined) {
      const run = await streamRepository(paths, { ...scanOpts, ...evalOpts }, (head) => streamed.sinkFor(head));
      if (!run.ok) return progress.end(run.error);
      progress.clear();
      const t = performance.now();
      const failed = streamed.finish({ ...run.value, empty_paths: emptyPaths });
      timings.push(['report', performance.now() - t]);
      tellTimings();
      return failed ?? streamed.exitCode();
    }
    let report: Report;
    let texts: ReadonlyMap<string, string>;
    if (withFixes) {
      // The same discovery and evaluation as below, each config target's TargetReport.fixes filled.
      const fixed = await fixRepository(paths, { ...scanOpts, ...evalOpts });
      if (!fixed.ok) return progress.end(fixed.error);
      ({ report, texts } = fixed.value);
    } else {
      const t = performance.now();
      const scan = scanRepository(paths, scanOpts);
      timings.push(['discover, read, parse, facts', performance.now() - t]);
      const evaluated = await evaluateTargets(scan.targets, evalOpts);
      if (!evaluated.ok) return progress.end(evaluated.error);
      report = evaluated.value;
      texts = scan.texts;
    }
    progress.clear();
    report = withBaseline({ ...report, empty_paths: emptyPaths }, baseline.value, baseline.value === undefined ? undefined : scanScope(paths, exclude));
    const t = performance.now();
    const failed = renderReport(report, args, { texts });
    timings.push(['report', performance.now() - t]);
    tellTimings();
    return failed ?? judgeReport(report, args);
  },
};

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
