/** A report rendered in the format --format names, from the one registry of report formats. */
import { colourWanted, complianceSection, escapeControls, pickFormat, REPORT_FORMATS, TARGET_KINDS, type FormatRegistry, type RenderContext, type Report, type TargetKind } from '../report/index.ts';
import { isFramework, type UserError } from '../common/index.ts';
import { stringOption, type ParsedArgs } from './command.ts';
import { writeOutput, writeOutputChunks } from './output.ts';

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
  const toTerminal = stringOption(args, 'output') === undefined;
  return {
    colour: toTerminal && colourWanted(process.stdout, process.env),
    texts: defaults.texts,
    category: stringOption(args, 'category') ?? defaults.category ?? TARGET_KINDS[defaults.kind ?? 'file'].category(defaults.name),
    suppressions: args.values['sarif-suppressions'] === true,
    warn: (message) => process.stderr.write(`rsyncguard: warning: ${escapeControls(message)}\n`),
    explain: args.values['explain'] === true,
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
  const { write } = format.value;
  // A format that can write in pieces does (JSON): a fleet's report may not fit in one string.
  if (write !== undefined) return writeOutputChunks((out) => write(withSection, ctx, out), stringOption(args, 'output'));
  return writeOutput(format.value.render(withSection, ctx), stringOption(args, 'output'));
}

export function renderReport(report: Report, args: ParsedArgs, defaults: RenderDefaults = { texts: new Map() }): UserError | undefined {
  return renderWith(REPORT_FORMATS, report, args, renderContext(args, defaults));
}
