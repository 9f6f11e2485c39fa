import { describeJsonError, MiB, today, UserError, type InputSpec } from '../../common/index.ts';
import { parseHostRaw, readInputFile, readStdin } from '../../sources/index.ts';
import { collectLocal, evaluateTargets, hostErrors, hostFacts, policiesFor } from '../../runner/index.ts';
import { parseCommandArgs, stringOption, type Command } from '../command.ts';
import { judgeReport, renderReport } from '../render-report.ts';
import { readBaselineOption, withBaseline } from '../baseline-option.ts';
import { hostTexts, unreadNotes, withHostNotes } from './host-report.ts';
import { REPORT_OPTIONS, SARIF_OPTIONS } from './report-options.ts';
import { progressFor } from '../progress.ts';
import { readCollector } from './collector-script.ts';

const RAW_INPUT: InputSpec = { what: 'the collector document', maxBytes: 64 * MiB, hint: 'Pass the JSON that collectors/rsync-facts.sh printed, or - for standard input.' };

export const hostCommand: Command = {
  name: 'host',
  usage: 'host [--probe]',
  summary: 'Collect from this machine (processes, sockets, configs, secrets-file facts) and evaluate',
  options: {
    ...REPORT_OPTIONS,
    ...SARIF_OPTIONS,
    probe: { type: 'boolean', help: 'Also connect to each rsync listener and record what the network sees (greeting, digests, MOTD, module list)' },
    raw: { type: 'string', valueName: 'FILE', help: 'Evaluate a saved collector document (collectors/rsync-facts.sh output) instead of collecting' },
  },
  async run(argv) {
    const args = parseCommandArgs(this, argv);
    const saved = stringOption(args, 'raw');
    const baseline = readBaselineOption(args);
    if (!baseline.ok) return baseline.error;
    let collected;
    if (saved !== undefined) {
      // A regular file (or stdin) under a cap, and a parse error that quotes none of it: a FIFO or /dev/zero
      // must not hang or fill memory, and a file that is not JSON may be anything.
      const bytes = saved === '-' ? await readStdin(RAW_INPUT) : readInputFile(saved, RAW_INPUT);
      if (!bytes.ok) return bytes.error;
      let json: unknown;
      try {
        json = JSON.parse(bytes.value.toString('utf8'));
      } catch (e) {
        return new UserError(`cannot read the collector document: ${describeJsonError(e)}`, saved, RAW_INPUT.hint);
      }
      collected = parseHostRaw(json, saved);
    } else {
      const script = readCollector();
      if (!script.ok) return script.error;
      collected = collectLocal();
    }
    if (!collected.ok) return collected.error;
    const raw = collected.value;
    const { unread, notFollowed: notes } = hostErrors(raw);
    // --quiet silences these warnings (progress.ts).
    const progress = progressFor(args);
    for (const e of unread) progress.warn(`rsyncguard host: ${raw.host.name}: could not read ${e}`);
    for (const n of notes) progress.warn(`rsyncguard host: ${raw.host.name}: ${n}`);
    const docs = await hostFacts(raw, { probe: args.values['probe'] === true, today: today() });
    if (docs.length === 0) progress.warn(`rsyncguard host: ${raw.host.name}: no rsync daemon configuration found (verified rsync daemons: ${raw.processes.filter((p) => p.trust === undefined || p.trust === 'rsync').length}).`);
    const policies = await policiesFor(stringOption(args, 'policy'));
    if (!policies.ok) return policies.error;
    const evaluated = await evaluateTargets(docs, {
      policies: policies.value,
      waiverFile: stringOption(args, 'waivers'),
      inlineWaivers: args.values['no-inline-waivers'] !== true,
    });
    if (!evaluated.ok) return evaluated.error;
    const report = withBaseline(
      withHostNotes(evaluated.value, [...notes, ...unreadNotes(unread)], () => true, raw.host.name),
      baseline.value,
    );
    const texts = new Map(hostTexts(raw));
    const failed = renderReport(report, args, { texts, kind: 'host', name: raw.host.name });
    return failed ?? judgeReport(report, args);
  },
};
