import { escapeControls } from '../report/index.ts';
import { COMMANDS, commandHelp, mainHelp } from './commands.ts';
import type { Command } from './command.ts';
import { didYouMean } from './did-you-mean.ts';
import { runCommand, wantsHelp } from './run-command.ts';
import { EXIT_ERROR, EXIT_OK, VERSION } from '../runner/index.ts';

export async function run(argv: string[]): Promise<number> {
  // `rsyncguard help scan` is `rsyncguard scan --help`, as git and cargo have it.
  const [name, ...rest] = argv[0] === 'help' && argv[1] !== undefined ? [argv[1], '--help'] : argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(mainHelp());
    return name === undefined ? EXIT_ERROR : EXIT_OK;
  }
  if (name === '--version' || name === '-V' || name === '-v') {
    process.stdout.write(`rsyncguard ${VERSION}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const names = COMMANDS.map((c) => c.name);
    const said = name.startsWith('-') ? beforeCommand(name) : `unknown command "${name}"${didYouMean(name, names, (n) => `"${n}"`) || '.'}`;
    process.stderr.write(`rsyncguard: ${escapeControls(said)}\n  hint: Commands: ${names.join(', ')}. See rsyncguard --help.\n`);
    return EXIT_ERROR;
  }
  if (wantsHelp(rest)) {
    process.stdout.write(commandHelp(command));
    return EXIT_OK;
  }
  return runCommand(command, rest);
}

/**
 * An option where the command should be. Moving it after a command helps only when a command has it
 * (`rsyncguard --format json scan` → `rsyncguard scan --format …`, scan preferred); an option no command has
 * (`-x`, `--version=1`) gets no command line that would fail again, but what the top level takes.
 */
function beforeCommand(arg: string): string {
  const long = arg.startsWith('--');
  // `--format=json` → format; `-fjson` → f (a cluster's first letter is the option).
  const option = long ? (arg.slice(2).split('=')[0] ?? '') : arg.slice(1, 2);
  const has = (c: Command) => (long ? Object.hasOwn(c.options, option) : Object.values(c.options).some((o) => o.short === option));
  const owner = COMMANDS.find((c) => c.name === 'scan' && has(c)) ?? COMMANDS.find(has);
  if (owner !== undefined) return `unknown option "${arg}" before a command: options follow it (rsyncguard ${owner.name} ${arg} …)`;
  if (long && (option === 'version' || option === 'help')) return `--${option} takes no value: write rsyncguard --${option}`;
  const top = long ? didYouMean(option, ['help', 'version'], (n) => `--${n}`) : '';
  return `unknown option "${arg}"${top || '; before a command rsyncguard takes only -h/--help and -V/--version'}`;
}
