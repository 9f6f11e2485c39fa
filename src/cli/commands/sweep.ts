import { constants as osConstants } from 'node:os';
import { MiB, today, UserError } from '../../common/index.ts';
import type { FactsDocument } from '../../facts/index.ts';
import { FLEET_FORMATS, textKey, type FleetContext, type TargetError } from '../../report/index.ts';
import { evaluateTargets, hostErrors, hostFacts, policiesFor, prepareHistoryDir, recordSweep, sweep } from '../../runner/index.ts';
import { readInventory } from '../../sources/index.ts';
import { numberOptions, parseCommandArgs, stringOption, type Command } from '../command.ts';
import { progressFor } from '../progress.ts';
import { judgeReport, renderContext, renderWith } from '../render-report.ts';
import { readBaselineOption, withBaseline } from '../baseline-option.ts';
import { hostTexts, withHostNotes } from './host-report.ts';
import { stopOnSignals } from './stop-on-signals.ts';
import { readCollector } from './collector-script.ts';
import { formatOption } from './common-options.ts';
import { REPORT_OPTIONS } from './report-options.ts';

export const sweepCommand: Command = {
  name: 'sweep',
  usage: 'sweep --inventory FILE',
  summary: 'Collect from many hosts over SSH (the system ssh client) and evaluate them; every host accounted for',
  options: {
    ...REPORT_OPTIONS,
    format: formatOption(FLEET_FORMATS),
    inventory: { type: 'string', valueName: 'FILE', help: 'Hosts: rsyncguard YAML, an Ansible INI/YAML inventory (with its group_vars/ and host_vars/), or `ansible-inventory --list` JSON; - reads standard input (required)' },
    concurrency: { type: 'string', valueName: 'N', help: 'Hosts swept at once (1 to 1024)', default: '16' },
    'connect-timeout': { type: 'string', valueName: 'SECONDS', help: 'SSH connect timeout per host (1 to 3600)', default: '10' },
    timeout: { type: 'string', valueName: 'SECONDS', help: 'Total time allowed per host (1 to 86400)', default: '60' },
    'max-output': { type: 'string', valueName: 'BYTES', help: 'Largest collector output accepted per host (up to 1 GiB)', default: String(16 << 20) },
    'ssh-config': { type: 'string', valueName: 'FILE', help: "ssh_config to use (ssh -F) instead of the user's" },
    'accept-new-host-keys': { type: 'boolean', help: 'Trust unknown host keys on first use (StrictHostKeyChecking=accept-new); changed keys are still refused' },
    results: { type: 'string', valueName: 'FILE', help: "Append each host's outcome to this JSON Lines file as it arrives; SIGINT/SIGTERM stop every ssh session and keep it" },
    resume: { type: 'boolean', help: 'Skip the hosts --results already has as done (a last line torn by an interrupted write is cut off first)' },
    history: { type: 'string', valueName: 'DIR', help: "Keep this sweep's results in DIR (one JSON Lines file per sweep, named by its UTC start) for rsyncguard trend DIR; the HTML report gets the trend chart" },
  },
  async run(argv) {
    const args = parseCommandArgs(this, argv);
    const file = stringOption(args, 'inventory');
    if (file === undefined) return new UserError('sweep needs --inventory FILE', undefined, 'See docs/fleet.md for the inventory formats.');
    const inventory = await readInventory(file);
    if (!inventory.ok) return inventory.error;
    // On a terminal, a line while hosts are swept (progress.ts); --quiet silences it and the warnings.
    const progress = progressFor(args);
    for (const note of inventory.value.notes) progress.warn(`rsyncguard sweep: ${note}`);
    const hosts = inventory.value.hosts;
    const numbers = numberOptions(args, {
      concurrency: { min: 1, max: 1024, fallback: 16 },
      'connect-timeout': { min: 1, max: 3600, fallback: 10 },
      timeout: { min: 1, max: 86_400, fallback: 60 },
      'max-output': { min: 1, max: 1024 * MiB, fallback: 16 * MiB },
    });
    if (!numbers.ok) return numbers.error;
    const n = numbers.value;
    const collector = readCollector();
    if (!collector.ok) return collector.error;
    // Before the first ssh session: a --policy that cannot load would waste a whole sweep.
    const policies = await policiesFor(stringOption(args, 'policy'));
    if (!policies.ok) return policies.error;
    const baseline = readBaselineOption(args);
    if (!baseline.ok) return baseline.error;
    const history = stringOption(args, 'history');
    if (history !== undefined) {
      const ready = prepareHistoryDir(history);
      if (!ready.ok) return ready.error;
    }
    const startedAt = new Date();
    const sshConfig = stringOption(args, 'ssh-config');
    const results = stringOption(args, 'results');
    const options = {
      concurrency: n.concurrency,
      ssh: {
        ...(sshConfig !== undefined ? { sshConfig } : {}),
        connectTimeoutSeconds: n['connect-timeout'],
        totalTimeoutMs: n.timeout * 1000,
        maxOutputBytes: n['max-output'],
        acceptNewHostKeys: args.values['accept-new-host-keys'] === true,
      },
      ...(results !== undefined ? { results } : {}),
      resume: args.values['resume'] === true,
      ...(progress.active ? { progress: (done: number, failed: number, remaining: number) => progress.update(() => `sweep: ${done} done (${failed} failed), ${remaining} remaining`) } : {}),
      warn: (m: string) => progress.warn(`rsyncguard sweep: ${m}`),
    };
    const stop = stopOnSignals();
    const swept = await sweep(hosts, collector.value.toString('utf8'), { ...options, signal: stop.signal }).finally(() => stop.release());
    if (!swept.ok) return swept.error;
    const outcomes = swept.value;
    if (stop.received !== null) {
      const left = hosts.length - outcomes.length;
      progress.clear();
      process.stderr.write(
        `rsyncguard sweep: interrupted by ${stop.received}: every ssh session was stopped; ${outcomes.length} of ${hosts.length} hosts done, ${left} not swept. ${results !== undefined ? `Outcomes so far are in ${results}: run the same command with --resume to sweep the rest.` : 'Give --results FILE to keep outcomes across interruptions.'}\n`,
      );
      return 128 + (osConstants.signals[stop.received] ?? 0);
    }
    progress.clear();
    const day = today();
    const groupOf = new Map<string, string>();
    const hostOf = new Map<string, string>();
    const notesOf = new Map<string, string[]>();
    // Each host's facts are made when its turn to be evaluated comes, not all first: 10,000 hosts' facts took gigabytes.
    async function* targets(): AsyncIterable<FactsDocument | TargetError> {
      for (const o of outcomes) {
        if (o.status !== 'ok' || !o.raw) {
          groupOf.set(o.host, o.group);
          hostOf.set(o.host, o.host);
          yield { target: o.host, message: `${o.status}: ${o.reason}` };
          continue;
        }
        const notes = hostErrors(o.raw).notFollowed;
        for (const n of notes) progress.warn(`rsyncguard sweep: ${o.host}: ${n}`);
        notesOf.set(o.host, notes);
        const docs = await hostFacts(o.raw, { probe: false, today: day });
        // Swept, and nothing to evaluate: said, so that no host silently drops out of the account.
        if (docs.length === 0) {
          hostOf.set(o.host, o.host);
          progress.warn(`rsyncguard sweep: ${o.host}: no rsync daemon configuration found (verified rsync daemons: ${o.raw.processes.filter((p) => p.trust === undefined || p.trust === 'rsync').length}).`);
        }
        for (const d of docs) {
          groupOf.set(d.target.id, o.group);
          hostOf.set(d.target.id, o.host);
          yield d;
        }
      }
    }
    const evaluated = await evaluateTargets(targets(), {
      policies: policies.value,
      waiverFile: stringOption(args, 'waivers'),
      inlineWaivers: args.values['no-inline-waivers'] !== true,
      // Facts kept deflated: the JSON report of a large fleet holds every host's.
      storeFacts: true,
    });
    if (!evaluated.ok) return evaluated.error;
    let report = evaluated.value;
    for (const [host, notes] of notesOf) report = withHostNotes(report, notes, (t) => hostOf.get(t) === host, host);
    report = withBaseline(report, baseline.value);
    // Every host has its own /etc/rsyncd.conf: each target's regions and fingerprints come from its own host's text.
    const textsOf = new Map(outcomes.map((o) => [o.host, o.raw ? hostTexts(o.raw) : []] as const));
    const texts = new Map([...hostOf].flatMap(([target, host]) => (textsOf.get(host) ?? []).map(([path, text]) => [textKey(target, path), text] as const)));
    // --history: this run is kept before the report is written, so the trend the report shows includes it.
    const said = (m: string) => progress.warn(`rsyncguard sweep: ${m}`);
    const trend = history === undefined ? undefined : recordSweep(history, report, outcomes, (t: string) => hostOf.get(t) ?? t, startedAt, said);
    if (trend !== undefined && !trend.ok) return trend.error;
    const failed = renderWith<FleetContext>(FLEET_FORMATS, report, args, {
      ...renderContext(args, { texts, category: 'rsyncguard/fleet/' }),
      ...(trend !== undefined ? { trend: trend.value } : {}),
      hostOf: (t) => hostOf.get(t) ?? t,
      groupOf: (t) => groupOf.get(t) ?? 'ungrouped',
      // The CSV's row per host: every host swept, read or not, with what became of it.
      swept: outcomes,
    });
    return failed ?? judgeReport(report, args);
  },
};
