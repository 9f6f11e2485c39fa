/** Report formats by name: help text, option validation and rendering all read this table. */
import { colourWanted, escapeControls, paint, toJson, toMarkdown, toSarif, toText, type Report } from '../report/index.ts';
import { stringOption, type ParsedArgs } from './command.ts';
import { writeOutput } from './output.ts';

export interface RenderContext {
  /** File texts for SARIF regions and fingerprints (scan knows them; eval may not). */
  texts: ReadonlyMap<string, string>;
  /** The SARIF category when --category is not given. */
  category?: string;
}

type Render = (report: Report, args: ParsedArgs, ctx: RenderContext, toTerminal: boolean) => string;

export const FORMATS: Record<string, Render> = {
  text: (report, _args, _ctx, toTerminal) => toText(report, paint(toTerminal && colourWanted(process.stdout, process.env))),
  json: (report) => toJson(report),
  markdown: (report) => toMarkdown(report),
  sarif: (report, args, ctx) =>
    toSarif(report, {
      category: stringOption(args, 'category') ?? ctx.category ?? 'rsyncguard/',
      suppressions: args.values['sarif-suppressions'] === true,
      texts: ctx.texts,
      warn: (message) => process.stderr.write(`rsyncguard: warning: ${escapeControls(message)}\n`),
    }),
};

export function renderReport(report: Report, args: ParsedArgs, ctx: RenderContext = { texts: new Map() }): void {
  const file = stringOption(args, 'output');
  const render = FORMATS[stringOption(args, 'format') ?? 'text'] ?? FORMATS['text'];
  if (render) writeOutput(render(report, args, ctx, file === undefined), file);
}
