import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { UserError } from '../common/index.ts';
import { FIX_FORMATS, FLEET_FORMATS, formatNames, REPORT_FORMATS, RULES_FORMATS, TREND_FORMATS, type FormatRegistry } from '../report/index.ts';
import { parseCommandArgs } from './command.ts';
import { COMMANDS, commandHelp } from './commands.ts';
import { ACCESS_FORMATS } from './commands/access-text.ts';

/** The registry each command that takes --format reads; a command missing here must not have --format. */
const REGISTRY_OF: Record<string, FormatRegistry<never, never>> = {
  scan: REPORT_FORMATS,
  eval: REPORT_FORMATS,
  host: REPORT_FORMATS,
  image: REPORT_FORMATS,
  sweep: FLEET_FORMATS,
  access: ACCESS_FORMATS,
  rules: RULES_FORMATS,
  fix: FIX_FORMATS,
  trend: TREND_FORMATS,
};

/** What each command prints without --format: a patch for `fix`, Markdown for `trend` (it has no text), text for the others. */
const DEFAULT_OF: Record<string, string> = { fix: 'diff', trend: 'markdown' };

const formats = suite('--format of every command');

formats('the commands with --format are exactly those that render through a registry', () => {
  const withFormat = COMMANDS.filter((c) => 'format' in c.options).map((c) => c.name);
  assert.equal(withFormat.sort(), Object.keys(REGISTRY_OF).sort());
});

for (const command of COMMANDS.filter((c) => 'format' in c.options)) {
  const names = formatNames(REGISTRY_OF[command.name] ?? {});

  formats(`${command.name}: choices and help are the registry's names, in its order`, () => {
    assert.equal(command.options['format']?.choices, names);
    assert.match(commandHelp(command), `--format ${names.join('|')} `);
    assert.is(command.options['format']?.default, DEFAULT_OF[command.name] ?? 'text');
  });

  formats(`${command.name}: an unknown name is an error listing them`, () => {
    assert.throws(
      () => parseCommandArgs(command, ['--format', 'yml']),
      (e: unknown) => e instanceof UserError && e.message === `--format must be one of ${names.join(', ')}, not "yml"`,
    );
  });
}

formats.run();
