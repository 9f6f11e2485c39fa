import { pickFormat, RULES_FORMATS } from '../../report/index.ts';
import { parseCommandArgs, stringOption, type Command } from '../command.ts';
import { builtinPolicy } from '../../engine/index.ts';
import { EXIT_OK } from '../../runner/index.ts';
import { writeOutput } from '../output.ts';
import { formatOption } from './common-options.ts';

export const rulesCommand: Command = {
  name: 'rules',
  usage: 'rules',
  summary: 'List the rule catalog (id, severity, title, CWE, compliance controls)',
  options: {
    format: formatOption(RULES_FORMATS),
    output: { type: 'string', valueName: 'FILE', help: 'Write the result to FILE instead of standard output' },
  },
  async run(argv) {
    const args = parseCommandArgs(this, argv);
    const format = pickFormat(RULES_FORMATS, stringOption(args, 'format') ?? 'text');
    if (!format.ok) return format.error;
    const policy = builtinPolicy();
    if (!policy.ok) return policy.error;
    const failed = writeOutput(format.value.render(policy.value.rules, {}), stringOption(args, 'output'));
    return failed ?? EXIT_OK;
  },
};
