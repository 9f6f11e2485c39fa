import { rulesJson, rulesMarkdown, rulesText } from '../../report/index.ts';
import { parseCommandArgs, stringOption, type Command } from '../command.ts';
import { builtinPolicy, EXIT_OK } from '../../runner/index.ts';
import { writeOutput } from '../output.ts';

const RENDER = { text: rulesText, json: rulesJson, markdown: rulesMarkdown } as const;

export const rulesCommand: Command = {
  name: 'rules',
  usage: 'rules',
  summary: 'List the rule catalog (id, severity, title, CWE)',
  options: {
    format: { type: 'string', valueName: 'text|json|markdown', help: 'Output format', default: 'text', choices: Object.keys(RENDER) },
    output: { type: 'string', valueName: 'FILE', help: 'Write the result to FILE instead of standard output' },
  },
  async run(argv) {
    const args = parseCommandArgs(this, argv);
    const policy = builtinPolicy();
    if (!policy.ok) throw policy.error;
    const format = stringOption(args, 'format') as keyof typeof RENDER;
    writeOutput(RENDER[format](policy.value.rules), stringOption(args, 'output'));
    return EXIT_OK;
  },
};
