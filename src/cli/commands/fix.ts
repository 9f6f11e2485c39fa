/**
 * `rsyncguard fix`: scan's discovery, waivers and declared purposes, then the verified fixes of every config
 * (src/runner/fix-repository.ts), rendered by a fix format (FIX_FORMATS in src/report) and, with --write,
 * applied. Exit 0 nothing to fix, 1 fixes proposed or applied, 2 a target could not be read or evaluated.
 */
import { DEFAULT_RSYNC_VERSION, today, UserError } from '../../common/index.ts';
import { escapeControls, FIX_FORMATS, pickFormat, type FixContext } from '../../report/index.ts';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, fixRepository, parseVersion, policiesFor, writeFixes, type FixRun } from '../../runner/index.ts';
import { parseCommandArgs, stringOption, type Command, type ParsedArgs } from '../command.ts';
import { unmatchedExcludeWarning } from '../exclude-warning.ts';
import { writeOutput } from '../output.ts';
import { renderContext } from '../render-report.ts';
import { formatOption } from './common-options.ts';
import { outputClash } from './fix-output.ts';
import { HOST_FIX_OPTIONS, refuseAnsibleForFiles, runHostFix, wantsHostFix } from './fix-hosts.ts';

export const fixCommand: Command = {
  name: 'fix',
  usage: 'fix [PATH…]',
  summary: 'Propose verified fixes for the findings of rsync daemon configs (a diff); --write applies them',
  options: {
    write: { type: 'boolean', help: 'Apply the verified fixes to the files (atomically, inside the scan root only)' },
    rules: { type: 'string', valueName: 'IDS', help: 'Comma-separated rule ids: fix only findings of these rules' },
    format: { ...formatOption(FIX_FORMATS), default: 'diff' },
    output: { type: 'string', short: 'o', valueName: 'FILE', help: 'Write the output to FILE instead of standard output' },
    exclude: { type: 'string', valueName: 'GLOBS', help: 'Comma-separated globs (relative to each PATH) to leave out; a directory leaves out everything under it' },
    'daemon-user': { type: 'string', valueName: 'root|nonroot', help: 'Whether the daemon runs as root', default: 'root', choices: ['root', 'nonroot'] },
    'rsync-version': { type: 'string', valueName: 'X.Y.Z', help: 'rsync release whose semantics to model', default: DEFAULT_RSYNC_VERSION },
    policy: { type: 'string', valueName: 'DIR|BUNDLE', help: 'Extra rules: a directory of Rego (needs opa on PATH), a bundle.tar.gz, or a .wasm with rules.json' },
    waivers: { type: 'string', valueName: 'FILE', help: 'Waiver file (default: .rsyncguard.yaml when present); waived findings are not fixed' },
    'no-inline-waivers': { type: 'boolean', help: 'Ignore "# rsyncguard: ignore" comments in configs' },
    timings: { type: 'boolean', help: 'Print how long each stage took to standard error' },
    // Hosts and fleets (builder D, fix-hosts.ts): --inventory sweeps, --collected reads collector documents.
    ...HOST_FIX_OPTIONS,
  },
  async run(argv) {
    const args = parseCommandArgs(this, argv);
    // --output must not overwrite what the run reads (a config, a collected document, the inventory): fix-output.ts.
    const named = ['inventory', 'waivers', 'policy'].flatMap((n) => stringOption(args, n) ?? []);
    const clash = outputClash(stringOption(args, 'output'), [...args.positionals, ...named]);
    if (clash) return clash;
    if (wantsHostFix(args)) {
      const ids = (stringOption(args, 'rules') ?? '')
        .split(',')
        .map((r) => r.trim().toUpperCase())
        .filter((r) => r !== '');
      return runHostFix(args, ids.length > 0 ? new Set(ids) : undefined);
    }
    const notForFiles = refuseAnsibleForFiles(args);
    if (notForFiles) return notForFiles;
    const paths = args.positionals.length > 0 ? args.positionals : ['.'];
    const list = (name: string) =>
      (stringOption(args, name) ?? '')
        .split(',')
        .map((g) => g.trim())
        .filter((g) => g !== '');
    const version = parseVersion(stringOption(args, 'rsync-version'));
    if (!version.ok) return version.error;
    const policies = await policiesFor(stringOption(args, 'policy'));
    if (!policies.ok) return policies.error;
    const rules = list('rules');
    const timings: [string, number][] = [];
    const fixed = await fixRepository(paths, {
      exclude: list('exclude'),
      onUnmatchedExclude: (patterns) => process.stderr.write(`${escapeControls(unmatchedExcludeWarning('fix', patterns))}\n`),
      daemonUser: stringOption(args, 'daemon-user') === 'nonroot' ? 'nonroot' : 'root',
      rsyncVersion: version.value,
      rsyncVersionGiven: args.given.has('rsync-version'),
      today: today(),
      policies: policies.value,
      waiverFile: stringOption(args, 'waivers'),
      inlineWaivers: args.values['no-inline-waivers'] !== true,
      ...(rules.length > 0 ? { rules: new Set(rules.map((r) => r.toUpperCase())) } : {}),
      onTiming: (stage, ms) => timings.push([stage, ms]),
    });
    if (!fixed.ok) return fixed.error;
    const run = fixed.value;
    // A typo in --rules would silently fix nothing: every id must be a rule of this run.
    const unknown = rules.map((r) => r.toUpperCase()).filter((r) => !run.report.rules.some((x) => x.id === r));
    if (unknown.length > 0) return new UserError(`--rules names no rule ${unknown.join(', ')}`, undefined, 'See rsyncguard rules for the rule ids.');
    // Every file the configs read (includes too) or --write would write, by real path, before anything is written.
    const read = outputClash(stringOption(args, 'output'), [...run.texts.keys(), ...[...run.files.values()].map((f) => f.real)], paths);
    if (read) return read;
    const failed = render(run, args);
    if (failed) return failed;
    if (args.values['write'] === true) {
      const written = writeFixes(run);
      if (!written.ok) return written.error;
      process.stderr.write(written.value.length === 0 ? 'rsyncguard: no file changed\n' : `rsyncguard: wrote ${written.value.map((f) => escapeControls(f)).join(', ')}\n`);
    }
    if (args.values['timings'] === true) process.stderr.write(`timings: ${timings.map(([s, ms]) => `${s} ${ms.toFixed(1)} ms`).join(', ')}\n`);
    return fixExitCode(run);
  },
};

/** 2 when a target could not be read or evaluated (it wins), 1 when a fix (an edit or a command) is proposed, else 0. */
export function fixExitCode(run: FixRun): number {
  if (run.report.errors.length > 0) return EXIT_ERROR;
  const proposed = run.report.targets.some((t) => (t.fixes?.verified.length ?? 0) > 0 || (t.fixes?.commands.length ?? 0) > 0);
  return proposed ? EXIT_FINDINGS : EXIT_OK;
}

/** The fixes in the format --format names (FIX_FORMATS in src/report); the targets that failed first, as `#` lines a patch tool ignores. */
function render(run: FixRun, args: ParsedArgs): UserError | undefined {
  const fixes = run.report.targets.flatMap((t) => (t.fixes ? [t.fixes] : []));
  const name = stringOption(args, 'format') ?? 'diff';
  const format = pickFormat(FIX_FORMATS, name);
  if (!format.ok) return format.error;
  const ctx: FixContext = { ...renderContext(args, { texts: run.texts }), report: run.report };
  const errors = run.report.errors.map((e) => `# error: ${escapeControls(`${e.target}: ${e.message}`)}\n`).join('');
  const text = format.value.render(fixes, ctx);
  return writeOutput(name === 'diff' ? errors + text : text, stringOption(args, 'output'));
}
