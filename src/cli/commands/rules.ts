import { parseCommandArgs, stringOption, type Command } from '../command.ts';
import { EXIT_OK } from '../exit-codes.ts';
import { writeOutput } from '../output.ts';
import { FORMAT_JSON_TEXT } from './common-options.ts';

/** The rule catalog arrives with the policy engine (issue #3); until then the catalog is honestly empty. */
export const rulesCommand: Command = {
  name: 'rules',
  usage: 'rules',
  summary: 'List the rule catalog (id, title, severity, help)',
  options: {
    format: { type: 'string', valueName: 'json|text', help: 'Output format', default: 'text', choices: FORMAT_JSON_TEXT },
    output: { type: 'string', valueName: 'FILE', help: 'Write the result to FILE instead of standard output' },
  },
  async run(argv) {
    const args = parseCommandArgs(this, argv);
    const rules: { id: string; title: string; severity: string }[] = [];
    const text = stringOption(args, 'format') === 'json' ? `${JSON.stringify({ rules }, null, 2)}\n` : 'No rules are installed yet: the policy engine arrives with issue #3.\n';
    writeOutput(text, stringOption(args, 'output'));
    return EXIT_OK;
  },
};
