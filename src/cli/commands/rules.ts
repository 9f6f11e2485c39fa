import { CVE_FORMATS, cveListing, pickFormat, RULES_FORMATS } from '../../report/index.ts';
import { parseCommandArgs, stringOption, type Command } from '../command.ts';
import { builtinPolicy } from '../../engine/index.ts';
import { EXIT_OK } from '../../runner/index.ts';
import { writeOutput } from '../output.ts';
import { formatOption } from './common-options.ts';

export const rulesCommand: Command = {
  name: 'rules',
  usage: 'rules [--cves]',
  summary: 'List the rule catalog (id, severity, title, CWE, compliance controls)',
  options: {
    format: formatOption(RULES_FORMATS),
    cves: { type: 'boolean', help: 'List every known rsync vulnerability with the rule that covers it, its condition, severity and fixed version' },
    output: { type: 'string', short: 'o', valueName: 'FILE', help: 'Write the result to FILE instead of standard output' },
  },
  async run(argv) {
    const args = parseCommandArgs(this, argv);
    if (args.values['cves'] === true) {
      const format = pickFormat(CVE_FORMATS, stringOption(args, 'format') ?? 'text');
      if (!format.ok) return format.error;
      return writeOutput(format.value.render(cveListing(), {}), stringOption(args, 'output')) ?? EXIT_OK;
    }
    const format = pickFormat(RULES_FORMATS, stringOption(args, 'format') ?? 'text');
    if (!format.ok) return format.error;
    const policy = builtinPolicy();
    if (!policy.ok) return policy.error;
    const failed = writeOutput(format.value.render(policy.value.rules, {}), stringOption(args, 'output'));
    return failed ?? EXIT_OK;
  },
};
