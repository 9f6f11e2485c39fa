import { colourWanted, paint, toJson, toText, type Report } from '../report/index.ts';
import { stringOption, type ParsedArgs } from './command.ts';
import { writeOutput } from './output.ts';

/** Writes the report in the chosen format; colour only for text on a terminal. */
export function renderReport(report: Report, args: ParsedArgs): void {
  const file = stringOption(args, 'output');
  const text =
    stringOption(args, 'format') === 'json'
      ? toJson(report)
      : toText(report, paint(file === undefined && colourWanted(process.stdout, process.env)));
  writeOutput(text, file);
}
