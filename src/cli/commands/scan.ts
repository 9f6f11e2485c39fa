import { DEFAULT_RSYNC_VERSION, today } from '../../common/index.ts';
import { parseCommandArgs, stringOption, type Command } from '../command.ts';
import { evaluateTargets, exitCode, parseVersion, policiesFor, scanRepository } from '../../runner/index.ts';
import { renderReport } from '../render-report.ts';
import { REPORT_OPTIONS, SARIF_OPTIONS } from './report-options.ts';

export const scanCommand: Command = {
  name: 'scan',
  usage: 'scan [PATH…]',
  summary: 'Find rsync daemon configs in repositories (default .), evaluate them, and report',
  options: {
    ...REPORT_OPTIONS,
    ...SARIF_OPTIONS,
    exclude: { type: 'string', valueName: 'GLOBS', help: 'Comma-separated globs (relative to each PATH) to leave out' },
    'daemon-user': { type: 'string', valueName: 'root|nonroot', help: 'Whether the daemon runs as root', default: 'root', choices: ['root', 'nonroot'] },
    'rsync-version': { type: 'string', valueName: 'X.Y.Z', help: 'rsync release whose semantics to model', default: DEFAULT_RSYNC_VERSION },
    timings: { type: 'boolean', help: 'Print how long each stage took to standard error' },
  },
  async run(argv) {
    const args = parseCommandArgs(this, argv);
    const paths = args.positionals.length > 0 ? args.positionals : ['.'];
    const exclude = (stringOption(args, 'exclude') ?? '')
      .split(',')
      .map((g) => g.trim())
      .filter((g) => g !== '');
    const version = parseVersion(stringOption(args, 'rsync-version'));
    if (!version.ok) return version.error;
    const timings: [string, number][] = [];
    let t = performance.now();
    const scan = scanRepository(paths, {
      exclude,
      daemonUser: stringOption(args, 'daemon-user') === 'nonroot' ? 'nonroot' : 'root',
      rsyncVersion: version.value,
      rsyncVersionGiven: args.given.has('rsync-version'),
      today: today(),
    });
    timings.push(['discover, read, parse, facts', performance.now() - t]);
    const policies = await policiesFor(stringOption(args, 'policy'));
    if (!policies.ok) return policies.error;
    const evaluated = await evaluateTargets(scan.targets, {
      policies: policies.value,
      waiverFile: stringOption(args, 'waivers'),
      inlineWaivers: args.values['no-inline-waivers'] !== true,
      onTiming: (stage, ms) => timings.push([stage, ms]),
    });
    if (!evaluated.ok) return evaluated.error;
    const report = evaluated.value;
    t = performance.now();
    const failed = renderReport(report, args, { texts: scan.texts });
    timings.push(['report', performance.now() - t]);
    if (args.values['timings'] === true) process.stderr.write(`timings: ${timings.map(([s, ms]) => `${s} ${ms.toFixed(1)} ms`).join(', ')}\n`);
    return failed ?? exitCode(report, stringOption(args, 'fail-on') ?? 'high');
  },
};
