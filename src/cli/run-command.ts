import { UserError } from '../common/index.ts';
import { escapeControls } from '../report/index.ts';
import type { Command } from './command.ts';
import { asUserError, EXIT_ERROR } from '../runner/index.ts';

/**
 * Runs one command and turns the user mistake that stopped it into a line on standard error and exit 2.
 * Shared by run.ts and main.ts's direct path (a command loaded on its own), so both say it the same way.
 */
export async function runCommand(command: Command, argv: string[]): Promise<number> {
  let outcome;
  try {
    outcome = await command.run(argv);
  } catch (e) {
    const known = asUserError(e);
    if (known === undefined) throw e;
    outcome = known;
  }
  if (!(outcome instanceof UserError)) return outcome;
  // Paths, hosts and messages may hold text from files: a terminal gets their control characters escaped.
  const where = outcome.where ? `${escapeControls(outcome.where)}: ` : '';
  process.stderr.write(`rsyncguard ${command.name}: ${where}${escapeControls(outcome.message)}\n${outcome.hint ? `  hint: ${escapeControls(outcome.hint)}\n` : ''}`);
  return EXIT_ERROR;
}

/** -h or --help anywhere before `--` (after it, `-h` is a path): the command's help, whatever else is there. */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}
