import { UserError } from '../../common/index.ts';
import { pickFormat, TREND_FORMATS, trendBuilder } from '../../report/index.ts';
import { EXIT_ERROR, EXIT_OK, readHistory, VERSION } from '../../runner/index.ts';
import { parseCommandArgs, stringOption, type Command } from '../command.ts';
import { warnLine, writeOutput } from '../output.ts';
import { formatOption } from './common-options.ts';

const HINT = 'rsyncguard sweep --inventory hosts.yml --history DIR keeps one file per sweep; then rsyncguard trend DIR.';

export const trendCommand: Command = {
  name: 'trend',
  usage: 'trend DIR',
  summary: 'A fleet over time from sweep --history DIR: per host and rule, first seen, fixed, regressed, open days, hosts not swept',
  options: {
    format: { ...formatOption(TREND_FORMATS), default: 'markdown' },
    output: { type: 'string', short: 'o', valueName: 'FILE', help: 'Write the report to FILE instead of standard output' },
  },
  async run(argv) {
    const args = parseCommandArgs(this, argv);
    const [dir, ...extra] = args.positionals;
    if (dir === undefined || extra.length > 0) return new UserError('trend needs one directory: the one sweep --history wrote', undefined, HINT);
    const format = pickFormat(TREND_FORMATS, stringOption(args, 'format') ?? 'markdown');
    if (!format.ok) return format.error;
    const trend = trendBuilder(VERSION);
    // A file or line left out is part of the fleet's history not read: the trend is shown, but not as whole.
    let skipped = 0;
    const read = readHistory(
      dir,
      (run) => trend.add(run),
      (m) => {
        skipped++;
        warnLine(`rsyncguard trend: ${m}`);
      },
    );
    if (!read.ok) return read.error;
    if (read.value === 0) return new UserError('no sweep recorded in the history directory', dir, HINT);
    const failed = writeOutput(format.value.render(trend.finish(), {}), stringOption(args, 'output'));
    return failed ?? (skipped > 0 ? EXIT_ERROR : EXIT_OK);
  },
};
