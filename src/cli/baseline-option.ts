/**
 * `--baseline FILE` for every command that reports (issue 17): read before the work (a baseline that cannot
 * be read must not cost a whole sweep), applied to the report before it is rendered and judged.
 */
import { ok, type Result } from '../common/index.ts';
import { compareWithBaseline, type Baseline, type Report } from '../report/index.ts';
import { readBaseline } from '../runner/index.ts';
import { stringOption, type ParsedArgs } from './command.ts';

export function readBaselineOption(args: ParsedArgs): Result<Baseline | undefined> {
  const file = stringOption(args, 'baseline');
  return file === undefined ? ok(undefined) : readBaseline(file);
}

/** `scanned`: a repository scan's scope (sources' scanScope), so a file it left out is not said to be fixed. */
export function withBaseline(report: Report, baseline: Baseline | undefined, scanned?: (target: string) => boolean): Report {
  return baseline === undefined ? report : compareWithBaseline(report, baseline, scanned);
}
