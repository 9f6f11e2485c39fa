import { describeJsonError, MiB, today, UserError, type InputSpec } from '../../common/index.ts';
import { validateFacts, withStatedRsyncVersion, type FactsDocument } from '../../facts/index.ts';
import type { TargetError } from '../../report/index.ts';
import { parseCommandArgs, stringOption, type Command } from '../command.ts';
import { evaluateTargets, exitCode, hostFacts, parseVersion, policiesFor } from '../../runner/index.ts';
import { parseHostRaw, readInputFile, readStdin } from '../../sources/index.ts';
import { renderReport } from '../render-report.ts';
import { REPORT_OPTIONS, SARIF_OPTIONS } from './report-options.ts';

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
    const stated = stringOption(args, 'rsync-version');
    const version = stated === undefined ? undefined : parseVersion(stated);
    if (version !== undefined && !version.ok) return version.error;
    const read = (await Promise.all(args.positionals.map(readFacts))).flat();
    const targets = version === undefined ? read : read.map((t) => ('schema' in t ? withStatedRsyncVersion(t, version.value) : t));
    const evaluated = await evaluateTargets(targets, {
      policies: policies.value,
      waiverFile: stringOption(args, 'waivers'),
      inlineWaivers: args.values['no-inline-waivers'] !== true,
    });
    if (!evaluated.ok) return evaluated.error;
    const report = evaluated.value;
    const failed = renderReport(report, args);
    return failed ?? exitCode(report, stringOption(args, 'fail-on') ?? 'high');
  },
};

/** A fleet's facts are a few MiB; the cap only stops a runaway input. */
const FACTS_INPUT: InputSpec = { what: 'the facts file', maxBytes: 64 * MiB, hint: 'Pass a JSON file written by rsyncguard facts or the host collector, or - for standard input.' };

/**
 * One file holds a facts document, a host collector document (rsyncguard/host-raw@1, e.g. fetched by an
 * Ansible playbook), or a JSON array of them; anything else is an error for that file only.
 */
async function readFacts(path: string): Promise<(FactsDocument | TargetError)[]> {
  const name = path === '-' ? '(standard input)' : path;
  // A FIFO or a device (/dev/zero) is refused by type before any read; a regular file or stdin is capped.
  const bytes = path === '-' ? await readStdin(FACTS_INPUT) : readInputFile(path, FACTS_INPUT);
  if (!bytes.ok) return [{ target: name, message: bytes.error.message, ...(bytes.error.hint ? { hint: bytes.error.hint } : {}) }];
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.value.toString('utf8'));
  } catch (e) {
    return [{ target: name, message: `not a JSON facts document: ${describeJsonError(e)}`, hint: 'Produce it with rsyncguard facts.' }];
  }
  const docs = Array.isArray(parsed) ? parsed : [parsed];
  const out: (FactsDocument | TargetError)[] = [];
  for (const [i, doc] of docs.entries()) {
    const where = docs.length > 1 ? `${name}[${i}]` : name;
    if (typeof doc === 'object' && doc !== null && 'schema' in doc && doc.schema === 'rsyncguard/host-raw@1') {
      const raw = parseHostRaw(doc, where);
      if (!raw.ok) out.push({ target: where, message: raw.error.message });
      else out.push(...(await hostFacts(raw.value, { probe: false, today: today() })));
      continue;
    }
    const v = validateFacts(doc);
    out.push(v.ok ? v.value : { target: where, message: `invalid facts document: ${v.errors.slice(0, 3).join('; ')}`, hint: 'It must follow the rsyncguard/facts@1 schema.' });
  }
  return out;
}
