/** A report rendered in the format --format names, from the one registry of report formats. */
import {
  colourWanted,
  complianceSection,
  escapeControls,
  filterBySeverity,
  isFormatName,
  parseSeverities,
  pickFormat,
  REPORT_FORMATS,
  REPORT_STREAMS,
  TARGET_KINDS,
  type FormatRegistry,
  type RenderContext,
  type Report,
  type ReportHead,
  type ReportStream,
  type ReportTail,
  type TargetKind,
} from '../report/index.ts';
import { SEVERITIES, severityRank, type Severity } from '../engine/index.ts';
import { isFramework, ok, type Result, type UserError } from '../common/index.ts';
import { exitCode, exitCodeOf, type EvaluationSink } from '../runner/index.ts';
import { stringOption, type ParsedArgs } from './command.ts';
import { outputFile, writeOutput, writeOutputChunks } from './output.ts';
import { fileSpool } from './spool.ts';

export interface RenderDefaults {
  /** File texts for SARIF regions and fingerprints (scan knows them; eval may not). */
  texts: ReadonlyMap<string, string>;
  /** The SARIF category when --category is not given; without it, the default of `kind` (a file's). */
  category?: string;
  /** What the report is about (a host, an image and its name), for the default category. */
  kind?: TargetKind;
  name?: string;
}

/** What the command line says about rendering: colour only to a terminal that wants it, SARIF's options. */
export function renderContext(args: ParsedArgs, defaults: RenderDefaults): RenderContext {
  const toTerminal = outputFile(stringOption(args, 'output')) === undefined;
  return {
    colour: toTerminal && colourWanted(process.stdout, process.env),
    texts: defaults.texts,
    category: stringOption(args, 'category') ?? defaults.category ?? TARGET_KINDS[defaults.kind ?? 'file'].category(defaults.name),
    suppressions: args.values['sarif-suppressions'] === true,
    // --quiet: no warnings on standard error (errors still come; the report says what was left out).
    warn: args.values['quiet'] === true ? () => {} : (message) => process.stderr.write(`rsyncguard: warning: ${escapeControls(message)}\n`),
    explain: args.values['explain'] === true,
    hints: args.values['no-hints'] !== true,
  };
}

/**
 * Render with `registry` (REPORT_FORMATS unless a command has its own, as sweep does) and write the result.
 * An unknown --format or an unwritable --output comes back as the error, for the command to return.
 */
export function renderWith<C>(registry: FormatRegistry<Report, C>, report: Report, args: ParsedArgs, ctx: C): UserError | undefined {
  const format = pickFormat(registry, stringOption(args, 'format') ?? 'text');
  if (!format.ok) return format.error;
  // --compliance: the section is computed once, into the model every format renders.
  const framework = stringOption(args, 'compliance');
  const withSection = framework !== undefined && isFramework(framework) ? { ...report, compliance: complianceSection(report, framework) } : report;
  // --severity after the section: a control never passes because the findings behind it are hidden.
  const shown = shownReport(withSection, args);
  if (!shown.ok) return shown.error;
  const { write } = format.value;
  // A format that can write in pieces does (JSON): a fleet's report may not fit in one string.
  if (write !== undefined) return writeOutputChunks((out) => write(shown.value, ctx, out), stringOption(args, 'output'));
  return writeOutput(format.value.render(shown.value, ctx), stringOption(args, 'output'));
}

export function renderReport(report: Report, args: ParsedArgs, defaults: RenderDefaults = { texts: new Map() }): UserError | undefined {
  return renderWith(REPORT_FORMATS, report, args, renderContext(args, defaults));
}

/**
 * The report as --severity shows it (severity-filter.ts): filtered after a --baseline comparison, so a hidden
 * finding is still matched, never `absent`; unfiltered without the option.
 */
export function shownReport(report: Report, args: ParsedArgs): Result<Report> {
  const levels = stringOption(args, 'severity');
  if (levels === undefined) return ok(report);
  const severities = parseSeverities(levels);
  return severities.ok ? ok(filterBySeverity(report, severities.value)) : severities;
}

/**
 * The exit code of what the report shows (Trivy's semantics): --fail-on judges the findings --severity keeps,
 * so `--severity critical --fail-on high` fails only on a critical; a target not evaluated is still 2.
 */
export function judgeReport(report: Report, args: ParsedArgs): number | UserError {
  const shown = shownReport(report, args);
  if (!shown.ok) return shown.error;
  const unreachable = failOnUnreachable(args);
  // About the exit code, not the report: said on standard error unless --quiet.
  if (unreachable !== undefined && args.values['quiet'] !== true) process.stderr.write(`rsyncguard: warning: ${escapeControls(unreachable)}\n`);
  return exitCode(shown.value, stringOption(args, 'fail-on') ?? 'high');
}

/**
 * `--severity low --fail-on critical`: no level --fail-on counts is reported, so no finding can fail the run
 * (Trivy has no separate --fail-on to contradict). A CI that adds `--severity low,medium` to cut the noise
 * would stop failing on a critical without a word; this is that word. Undefined when the two agree.
 */
export function failOnUnreachable(args: ParsedArgs): string | undefined {
  const levels = stringOption(args, 'severity');
  const failOn = stringOption(args, 'fail-on') ?? 'high';
  if (levels === undefined || failOn === 'none') return undefined;
  const shown = parseSeverities(levels);
  const at = SEVERITIES.findIndex((s) => s === failOn);
  if (!shown.ok || at < 0) return undefined;
  const counted = SEVERITIES.slice(0, at + 1);
  if (shown.value.some((s) => counted.includes(s))) return undefined;
  const which = args.given.has('fail-on') ? `--fail-on ${failOn}` : `--fail-on ${failOn} (the default)`;
  return `${which} can never fire with --severity ${shown.value.join(',')}: no ${counted.join(' or ')} finding is reported, so none fails the run; add ${counted.join(',')} to --severity, or give --fail-on none if that is meant`;
}

/** Options whose report needs every target before any is written: those runs render the whole report. */
const WHOLE_REPORT_OPTIONS = ['baseline', 'compliance', 'severity'] as const;

/** A report written as the targets come (src/report/stream.ts), with what its exit code needs kept aside. */
export interface StreamedReport {
  /** The sink for the run's targets, once the run's rules are known. */
  sinkFor(head: ReportHead): EvaluationSink;
  /** Writes the document to stdout or --output, and frees the spools. */
  finish(tail: ReportTail): UserError | undefined;
  /** The exit code of what was reported (judgeReport's, for a report without --baseline or --severity). */
  exitCode(): number;
}

/**
 * The streamed report of the run when --format has a stream (JSON, SARIF) and no option needs every target
 * first; undefined otherwise (the caller renders the whole report). Same bytes either way.
 */
export function streamedReport(args: ParsedArgs, defaults: RenderDefaults): StreamedReport | undefined {
  const name = stringOption(args, 'format') ?? 'text';
  const make = isFormatName(REPORT_FORMATS, name) ? REPORT_STREAMS[name] : undefined;
  if (make === undefined || WHOLE_REPORT_OPTIONS.some((o) => stringOption(args, o) !== undefined)) return undefined;
  let stream: ReportStream | undefined;
  let errors = 0;
  let worst: Severity | null = null;
  return {
    sinkFor(head) {
      const s = make(head, renderContext(args, defaults), fileSpool);
      stream = s;
      return {
        target(t, texts) {
          for (const f of t.findings) if (worst === null || severityRank(f.severity) > severityRank(worst)) worst = f.severity;
          s.target(t, texts);
        },
        error(e) {
          errors++;
          s.error(e);
        },
      };
    },
    finish(tail) {
      const s = stream;
      if (s === undefined) return undefined;
      try {
        return writeOutputChunks((out) => s.end(tail, out), stringOption(args, 'output'));
      } finally {
        s.close();
      }
    },
    exitCode: () => exitCodeOf({ errors, worst }, stringOption(args, 'fail-on') ?? 'high'),
  };
}
