/** The command table: help text and dispatch both read it, so they cannot drift apart. */
import { accessCommand } from './commands/access.ts';
import { admissionCommand } from './commands/admission.ts';
import { evalCommand } from './commands/eval.ts';
import { factsCommand } from './commands/facts.ts';
import { fixCommand } from './commands/fix.ts';
import { hostCommand } from './commands/host.ts';
import { imageCommand } from './commands/image.ts';
import { rulesCommand } from './commands/rules.ts';
import { scanCommand } from './commands/scan.ts';
import { sweepCommand } from './commands/sweep.ts';
import { trendCommand } from './commands/trend.ts';
import type { Command } from './command.ts';
import { VERSION } from '../runner/index.ts';

export const COMMANDS: readonly Command[] = [scanCommand, fixCommand, hostCommand, sweepCommand, trendCommand, imageCommand, factsCommand, evalCommand, accessCommand, admissionCommand, rulesCommand];

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length));
  return [
    `rsyncguard ${VERSION} — policy-as-code compliance for rsync daemons`,
    '',
    'Usage: rsyncguard <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 a target could not be evaluated.',
    'Options: -h, --help this help; -v, -V, --version the version.',
    'Run "rsyncguard <command> --help" for its options.',
    '',
  ].join('\n');
}

export function commandHelp(c: Command): string {
  const flag = (name: string, o: { type: string; short?: string; valueName?: string }) => `${o.short !== undefined ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.valueName ?? 'VALUE'}` : ''}`;
  const lines = Object.entries(c.options).map(([name, o]) => {
    const more = `${o.multiple === true ? ' (repeatable)' : ''}${o.default !== undefined ? ` (default: ${o.default})` : ''}`;
    return `  ${flag(name, o).padEnd(32)} ${o.help}${more}`;
  });
  lines.push(`  ${flag('help', { type: 'boolean', short: 'h' }).padEnd(32)} Show this help`);
  return [`Usage: rsyncguard ${c.usage}`, '', c.summary, '', 'Options:', ...lines, ''].join('\n');
}
