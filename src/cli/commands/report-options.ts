import type { OptionSpec } from '../command.ts';
import { FRAMEWORKS } from '../../common/index.ts';
import { SEVERITIES } from '../../engine/index.ts';
import { FAIL_ON } from '../../runner/index.ts';
import { REPORT_FORMATS } from '../../report/index.ts';
import { formatOption } from './common-options.ts';

/** Options of every command that evaluates policies and reports findings. */
export const REPORT_OPTIONS: Record<string, OptionSpec> = {
  format: formatOption(REPORT_FORMATS),
  output: { type: 'string', short: 'o', valueName: 'FILE', help: 'Write the report to FILE instead of standard output (- is standard output)' },
  'fail-on': { type: 'string', valueName: 'LEVEL', help: 'Exit 1 when a finding is at or above LEVEL (critical|high|medium|low|none)', default: 'high', choices: FAIL_ON },
  waivers: { type: 'string', valueName: 'FILE', help: 'Waiver file (default: .rsyncguard.yaml when present)' },
  'no-inline-waivers': { type: 'boolean', help: 'Ignore "# rsyncguard: ignore" comments in configs' },
  explain: { type: 'boolean', help: "List every CVE of the target's rsync that is not reported, and why (text and Markdown; JSON always has it)" },
  policy: { type: 'string', valueName: 'DIR|BUNDLE', help: 'Extra rules: a directory of Rego (needs opa on PATH), a bundle.tar.gz, or a .wasm with rules.json' },
  baseline: { type: 'string', valueName: 'FILE', help: 'An earlier JSON or SARIF report: mark findings new, updated or unchanged, list the fixed ones; --fail-on counts only new and updated' },
  severity: {
    type: 'string',
    valueName: 'LEVELS',
    help: 'Report only findings of these severities, comma-separated (critical,high,medium,low), as Trivy does; --fail-on judges only what is reported (a hidden finding never fails the run), a baseline still matches hidden findings (never "fixed")',
    choices: SEVERITIES,
    list: true,
  },
  quiet: { type: 'boolean', short: 'q', help: 'No progress and no warnings on standard error (errors still)' },
  'no-hints': { type: 'boolean', help: 'Leave out the "fix:" line under each finding in text output' },
  compliance: { type: 'string', valueName: 'FRAMEWORK', help: 'Add a section: per control of cis|nist|pci, pass or fail per target with the findings behind it', choices: FRAMEWORKS },
};

/** SARIF's run identity. */
export const SARIF_OPTIONS: Record<string, OptionSpec> = {
  category: { type: 'string', valueName: 'ID', help: 'SARIF automationDetails.id: one code-scanning category per id (default rsyncguard/; host: rsyncguard/host/NAME/)' },
  'sarif-suppressions': { type: 'boolean', help: 'Include waived findings in SARIF as suppressed results (GitHub ignores suppressions)' },
};
