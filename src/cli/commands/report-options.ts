import type { OptionSpec } from '../command.ts';
import { FAIL_ON } from '../evaluate-targets.ts';

/** Options of every command that evaluates policies and reports findings. */
export const REPORT_OPTIONS: Record<string, OptionSpec> = {
  format: { type: 'string', valueName: 'text|json', help: 'Output format', default: 'text', choices: ['text', 'json'] },
  output: { type: 'string', valueName: 'FILE', help: 'Write the report to FILE instead of standard output' },
  'fail-on': { type: 'string', valueName: 'LEVEL', help: 'Exit 1 when a finding is at or above LEVEL (critical|high|medium|low|none)', default: 'high', choices: FAIL_ON },
  waivers: { type: 'string', valueName: 'FILE', help: 'Waiver file (default: .rsyncguard.yaml when present)' },
  'no-inline-waivers': { type: 'boolean', help: 'Ignore "# rsyncguard: ignore" comments in configs' },
  policy: { type: 'string', valueName: 'DIR|BUNDLE', help: 'Extra rules: a directory of Rego (needs opa on PATH), a bundle.tar.gz, or a .wasm with rules.json' },
};
