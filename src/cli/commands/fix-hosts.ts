/**
 * `fix` for hosts (issue 16, "Hosts and fleets"): `--inventory FILE` sweeps the hosts as `sweep` does and fixes
 * what it collected; `--collected` takes the positionals as collector documents (what `eval` accepts, e.g.
 * fetched by examples/ansible/collect.yml), grouped by `--inventory` when it is given too, else all in `all`.
 * Nothing is written to any host: the output (`--format ansible`) is a playbook to review and run.
 */
import { MiB, UserError, type InputSpec } from '../../common/index.ts';
import type { TargetFixes } from '../../fix/index.ts';
import { escapeControls, FIX_FORMATS, pickFormat, type FixContext, type TargetError } from '../../report/index.ts';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, fixHosts, policiesFor, sweep, type CollectedHost, type HostFixRun } from '../../runner/index.ts';
import { parseHostRaw, readInputFile, readInventory, type InventoryHost } from '../../sources/index.ts';
import { numberOptions, stringOption, type OptionSpec, type ParsedArgs } from '../command.ts';
import { warnLine, writeOutput } from '../output.ts';
import { renderContext } from '../render-report.ts';
import { readCollector } from './collector-script.ts';
import { stopOnSignals } from './stop-on-signals.ts';

/** The options `fix` gains for hosts (spread into its option table). */
export const HOST_FIX_OPTIONS: Record<string, OptionSpec> = {
  inventory: { type: 'string', valueName: 'FILE', help: 'Fix live hosts: sweep this inventory (as sweep does) and fix what it collected; with --collected, only the groups' },
  collected: { type: 'boolean', help: 'The PATHs are collector documents (rsyncguard/host-raw@1, as eval accepts), not configs' },
  'ssh-config': { type: 'string', valueName: 'FILE', help: "With --inventory: ssh_config to use (ssh -F) instead of the user's" },
  concurrency: { type: 'string', valueName: 'N', help: 'With --inventory: hosts swept at once (1 to 1024)', default: '16' },
  'connect-timeout': { type: 'string', valueName: 'SECONDS', help: 'With --inventory: SSH connect timeout per host', default: '10' },
  'accept-new-host-keys': { type: 'boolean', help: 'With --inventory: trust unknown host keys on first use' },
};

/**
 * `--format ansible` without hosts would be a playbook for `hosts: all` editing the repository's relative
 * paths on every host (finding 7): refused, so the operator is pointed at the host modes.
 */
export function refuseAnsibleForFiles(args: ParsedArgs): UserError | undefined {
  if (wantsHostFix(args) || stringOption(args, 'format') !== 'ansible') return undefined;
  return new UserError('--format ansible is for hosts: use --inventory or --collected', undefined, 'For config files in a repository, use --format diff (or --write).');
}

/** True when the command line asks for host fixes rather than fixes of files. */
export function wantsHostFix(args: ParsedArgs): boolean {
  return stringOption(args, 'inventory') !== undefined || args.values['collected'] === true;
}

const COLLECTED_INPUT: InputSpec = { what: 'the collected document', maxBytes: 64 * MiB, hint: 'Pass the JSON the host collector printed (sweep --results lines are not accepted).' };

/** The inventory as sweep reads it (group_vars/, host_vars/, `-` for standard input); its notes are warnings. */
async function readHosts(file: string): Promise<InventoryHost[] | UserError> {
  const inventory = await readInventory(file);
  if (!inventory.ok) return inventory.error;
  for (const n of inventory.value.notes) warnLine(`rsyncguard fix: ${n}`);
  return inventory.value.hosts;
}

/** Each file: one collector document or a JSON array of them; a file that is neither is that file's error only. */
function readCollected(paths: string[], groupOf: (host: string) => string): { hosts: CollectedHost[]; errors: TargetError[] } {
  const hosts: CollectedHost[] = [];
  const errors: TargetError[] = [];
  for (const path of paths) {
    const bytes = readInputFile(path, COLLECTED_INPUT);
    if (!bytes.ok) {
      errors.push({ target: path, message: bytes.error.message });
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(bytes.value.toString('utf8'));
    } catch {
      errors.push({ target: path, message: 'not a JSON collector document' });
      continue;
    }
    const docs = Array.isArray(parsed) ? parsed : [parsed];
    for (const [i, doc] of docs.entries()) {
      const where = docs.length > 1 ? `${path}[${i}]` : path;
      const raw = parseHostRaw(doc, where);
      if (!raw.ok) errors.push({ target: where, message: raw.error.message });
      else hosts.push({ name: raw.value.host.name, group: groupOf(raw.value.host.name), raw: raw.value, source: where });
    }
  }
  return { hosts, errors };
}

async function sweepHosts(inventory: InventoryHost[], args: ParsedArgs): Promise<{ hosts: CollectedHost[]; errors: TargetError[] } | UserError> {
  const n = numberOptions(args, { concurrency: { min: 1, max: 1024, fallback: 16 }, 'connect-timeout': { min: 1, max: 3600, fallback: 10 } });
  if (!n.ok) return n.error;
  const collector = readCollector();
  if (!collector.ok) return collector.error;
  const sshConfig = stringOption(args, 'ssh-config');
  const stop = stopOnSignals();
  const swept = await sweep(inventory, collector.value.toString('utf8'), {
    concurrency: n.value.concurrency,
    ssh: { ...(sshConfig !== undefined ? { sshConfig } : {}), connectTimeoutSeconds: n.value['connect-timeout'], totalTimeoutMs: 60_000, maxOutputBytes: 16 * MiB, acceptNewHostKeys: args.values['accept-new-host-keys'] === true },
    resume: false,
    signal: stop.signal,
  }).finally(() => stop.release());
  if (!swept.ok) return swept.error;
  if (stop.received !== null) return new UserError(`interrupted by ${stop.received}: nothing was fixed`);
  const hosts: CollectedHost[] = [];
  const errors: TargetError[] = [];
  for (const o of swept.value) {
    if (o.status === 'ok' && o.raw) hosts.push({ name: o.host, group: o.group, raw: o.raw });
    else errors.push({ target: o.host, message: `${o.status}: ${o.reason}` });
  }
  return { hosts, errors };
}

/** `fix --inventory` / `fix --collected`: exit 0 nothing to fix, 1 fixes proposed, 2 a host could not be swept or evaluated. */
export async function runHostFix(args: ParsedArgs, rules: ReadonlySet<string> | undefined): Promise<number | UserError> {
  // rsyncguard never writes to a host itself: the playbook is reviewed (--check --diff) and run by the operator.
  if (args.values['write'] === true) return new UserError('fix --write applies to config files, not to hosts', undefined, 'Use --format ansible --output fix.yml, review it with ansible-playbook --check --diff, then run it.');
  const file = stringOption(args, 'inventory');
  const inventory = file === undefined ? [] : await readHosts(file);
  if (inventory instanceof UserError) return inventory;
  const policies = await policiesFor(stringOption(args, 'policy'));
  if (!policies.ok) return policies.error;
  let input: { hosts: CollectedHost[]; errors: TargetError[] } | UserError;
  if (args.values['collected'] === true) {
    if (args.positionals.length === 0) return new UserError('fix --collected needs the collector documents as PATHs', undefined, 'rsyncguard fix --collected collected/*.json --format ansible');
    const groups = new Map(inventory.map((h) => [h.name, h.group]));
    input = readCollected(args.positionals, (h) => groups.get(h) ?? 'all');
  } else {
    if (args.positionals.length > 0) return new UserError('fix --inventory takes no PATHs', undefined, 'Give --collected to fix collected documents, or leave the PATHs out to sweep the inventory.');
    input = await sweepHosts(inventory, args);
  }
  if (input instanceof UserError) return input;
  const fixed = await fixHosts(input.hosts, input.errors, {
    policies: policies.value,
    waiverFile: stringOption(args, 'waivers'),
    inlineWaivers: args.values['no-inline-waivers'] !== true,
    ...(rules ? { rules } : {}),
  });
  if (!fixed.ok) return fixed.error;
  const failed = render(fixed.value, args);
  if (failed) return failed;
  return hostFixExitCode(fixed.value);
}

export function hostFixExitCode(run: HostFixRun): number {
  if (run.report.errors.length > 0) return EXIT_ERROR;
  return run.report.targets.some((t) => (t.fixes?.verified.length ?? 0) > 0 || (t.fixes?.commands.length ?? 0) > 0) ? EXIT_FINDINGS : EXIT_OK;
}

function underHost(t: TargetFixes, host: string): TargetFixes {
  const under = (file: string) => `${host}/${file}`;
  return {
    ...t,
    verified: t.verified.map((v) => ({ ...v, edits: v.edits.map((e) => ({ ...e, file: under(e.file) })) })),
    files: t.files.map((f) => ({ ...f, file: under(f.file) })),
  };
}

function render(run: HostFixRun, args: ParsedArgs): UserError | undefined {
  const name = stringOption(args, 'format') ?? 'diff';
  // Every host has its own /etc/rsyncd.conf: outside a playbook, a host's files are named under its inventory
  // name (h1/etc/rsyncd.conf), so one host's diff is never taken for another's (patch -p2 in the host's root).
  const fixes = run.report.targets.flatMap((t) => (t.fixes ? [name === 'ansible' ? t.fixes : underHost(t.fixes, run.hostOf.get(t.target) ?? t.target)] : []));
  const format = pickFormat(FIX_FORMATS, name);
  if (!format.ok) return format.error;
  const ctx: FixContext = {
    ...renderContext(args, { texts: run.texts, category: 'rsyncguard/fleet/' }),
    report: run.report,
    hostOf: (t) => run.hostOf.get(t) ?? t,
    groupOf: (t) => run.groupOf.get(t) ?? 'all',
  };
  // Hosts that could not be swept or evaluated come first, as comment lines every fix format's reader skips in a diff or a playbook.
  const errors = name === 'diff' || name === 'ansible' ? run.report.errors.map((e) => `# error: ${escapeControls(`${e.target}: ${e.message}`)}\n`).join('') : '';
  for (const e of run.report.errors) process.stderr.write(`rsyncguard fix: ${escapeControls(`${e.target}: ${e.message}`)}\n`);
  return writeOutput(errors + format.value.render(fixes, ctx), stringOption(args, 'output'));
}
