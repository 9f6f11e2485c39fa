import { DEFAULT_RSYNC_VERSION } from '../../common/index.ts';
import { formatNames, type FormatRegistry } from '../../report/index.ts';
import type { OptionSpec } from '../command.ts';

/** --format for a registry: its names are the choices and the help, so neither can drift from what renders. */
export function formatOption<S, C>(registry: FormatRegistry<S, C>): OptionSpec {
  const names = formatNames(registry);
  return { type: 'string', short: 'f', valueName: names.join('|'), help: 'Output format', default: 'text', choices: names };
}

export const TARGET_OPTIONS: Record<string, OptionSpec> = {
  root: { type: 'string', valueName: 'DIR', help: "Treat DIR as the daemon's filesystem root for absolute include and secrets-file paths" },
  'daemon-user': { type: 'string', valueName: 'root|nonroot', help: 'Whether the daemon runs as root', default: 'root', choices: ['root', 'nonroot'] },
  'rsync-version': { type: 'string', valueName: 'X.Y.Z', help: 'rsync release whose semantics to model', default: DEFAULT_RSYNC_VERSION },
  output: { type: 'string', short: 'o', valueName: 'FILE', help: 'Write the result to FILE instead of standard output (- is standard output)' },
};
