import { describeJsonError, MiB, today, UserError, type InputSpec } from '../../common/index.ts';
import { validateFacts, withStatedRsyncVersion, type FactsDocument } from '../../facts/index.ts';
import type { TargetError } from '../../report/index.ts';
import { parseCommandArgs, stringOption, type Command } from '../command.ts';
import { evaluateTargets, hostFacts, parseVersion, policiesFor } from '../../runner/index.ts';
import { parseHostRaw, readInputFile, readStdin, type HostRaw } from '../../sources/index.ts';
import { judgeReport, renderReport, renderWith } from '../render-report.ts';
import { EVAL_FLEET_FORMATS, evalFleet, evalFleetContext } from './eval-fleet.ts';
import { readBaselineOption, withBaseline } from '../baseline-option.ts';
import { isOutcomeLines, outcomeInputs } from './eval-outcomes.ts';
import { REPORT_OPTIONS, SARIF_OPTIONS } from './report-options.ts';
import { evaluationProgress, progressFor } from '../progress.ts';

export const evalCommand: Command = {
  name: 'eval',
  usage: 'eval FACTS.json… | -',
  summary: 'Evaluate facts documents produced elsewhere (rsyncguard facts, Ansible, another machine)',
  options: {
    ...REPORT_OPTIONS,
    ...SARIF_OPTIONS,
    // No default: without it each document's own rsync block (version, package, distro) is judged.
    'rsync-version': { type: 'string', valueName: 'X.Y.Z', help: 'The rsync release the targets run, instead of what each document says' },
  },
  async run(argv) {
    const args = parseCommandArgs(this, argv);
    if (args.positionals.length === 0) return new UserError('eval needs at least one facts file, or - for standard input', undefined, 'rsyncguard facts rsyncd.conf | rsyncguard eval -');
    const policies = await policiesFor(stringOption(args, 'policy'));
    if (!policies.ok) return policies.error;
    const baseline = readBaselineOption(args);
    if (!baseline.ok) return baseline.error;
    const stated = stringOption(args, 'rsync-version');
    const version = stated === undefined ? undefined : parseVersion(stated);
    if (version !== undefined && !version.ok) return version.error;
    // Host documents make a fleet's report, laid out as sweep's; a host two documents name is refused (eval-fleet.ts).
    const fleet = evalFleet((await Promise.all(args.positionals.map(readFacts))).flat());
    const read = fleet.read;
    // On a terminal, a line while documents are evaluated (progress.ts): counted in input documents, which
    // expandHosts takes off `read` one at a time (a collector document may hold several hosts).
    const progress = progressFor(args);
    const documents = read.length;
    const stateVersion = (t: FactsDocument | TargetError) => (version !== undefined && 'schema' in t ? withStatedRsyncVersion(t, version.value) : t);
    const evaluated = await evaluateTargets(expandHosts(read, stateVersion), {
      policies: policies.value,
      waiverFile: stringOption(args, 'waivers'),
      inlineWaivers: args.values['no-inline-waivers'] !== true,
      // A fleet's documents: facts kept deflated, each host turned into facts only when its turn comes.
      storeFacts: true,
      onEvaluated: evaluationProgress(
        progress,
        'eval',
        () => documents,
        () => documents - read.length,
      ),
    });
    progress.clear();
    if (!evaluated.ok) return evaluated.error;
    const report = withBaseline(evaluated.value, baseline.value);
    const failed = fleet.fleet ? renderWith(EVAL_FLEET_FORMATS, report, args, evalFleetContext(args, fleet, report)) : renderReport(report, args);
    return failed ?? judgeReport(report, args);
  },
};

/** A fleet's facts are a few MiB; the cap only stops a runaway input. */
const FACTS_INPUT: InputSpec = { what: 'the facts file', maxBytes: 64 * MiB, hint: 'Pass a JSON file written by rsyncguard facts or the host collector, or - for standard input.' };

/**
 * One file holds a facts document, a host collector document (rsyncguard/host-raw@1, e.g. fetched by an
 * Ansible playbook), or a JSON array of them; anything else is an error for that file only.
 */
async function readFacts(path: string): Promise<(FactsDocument | TargetError | HostDocument)[]> {
  const name = path === '-' ? '(standard input)' : path;
  // A FIFO or a device (/dev/zero) is refused by type before any read; a regular file or stdin is capped.
  const bytes = path === '-' ? await readStdin(FACTS_INPUT) : readInputFile(path, FACTS_INPUT);
  if (!bytes.ok) return [{ target: name, message: bytes.error.message, ...(bytes.error.hint ? { hint: bytes.error.hint } : {}) }];
  // A sweep's results file (sweep --results, the Ansible role rsyncguard.audit.sweep): every host as sweep reads it.
  const lines = bytes.value.toString('utf8');
  if (isOutcomeLines(lines)) return outcomeInputs(lines, name);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.value.toString('utf8'));
  } catch (e) {
    return [{ target: name, message: `not a JSON facts document: ${describeJsonError(e)}`, hint: 'Produce it with rsyncguard facts.' }];
  }
  const docs = Array.isArray(parsed) ? parsed : [parsed];
  const out: (FactsDocument | TargetError | HostDocument)[] = [];
  for (const [i, doc] of docs.entries()) {
    const where = docs.length > 1 ? `${name}[${i}]` : name;
    if (typeof doc === 'object' && doc !== null && 'schema' in doc && doc.schema === 'rsyncguard/host-raw@1') {
      const raw = parseHostRaw(doc, where);
      if (!raw.ok) out.push({ target: where, message: raw.error.message });
      else out.push({ hostRaw: raw.value });
      continue;
    }
    const v = validateFacts(doc);
    out.push(v.ok ? v.value : { target: where, message: `invalid facts document: ${v.errors.slice(0, 3).join('; ')}`, hint: 'It must follow the rsyncguard/facts@1 schema.' });
  }
  return out;
}

/** A collector document, validated, whose facts are made when it is evaluated (10,000 hosts' facts at once took gigabytes). */
interface HostDocument {
  hostRaw: HostRaw;
}

/** Every document in order, host documents turned into their facts one host at a time. */
async function* expandHosts(read: (FactsDocument | TargetError | HostDocument)[], state: (t: FactsDocument | TargetError) => FactsDocument | TargetError): AsyncIterable<FactsDocument | TargetError> {
  const day = today();
  // Taken off the list as it goes: each collector document can be let go once its turn is over.
  for (let item = read.shift(); item !== undefined; item = read.shift()) {
    if (!('hostRaw' in item)) yield state(item);
    else for (const t of await hostFacts(item.hostRaw, { probe: false, today: day })) yield state(t);
  }
}
