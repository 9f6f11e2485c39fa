/**
 * `eval` of a sweep's results file: JSON Lines of host outcomes, as `sweep --results` appends them and the
 * Ansible role rsyncguard.audit.sweep writes them (ansible/). Every host is accounted for as `sweep` accounts
 * for it: a host read is evaluated, a host not read is an error target ("unreachable: …"), so the exit code
 * is 2 and the report names it. A line that is no outcome is an error too, never skipped: a results file
 * that lost a host must not look clean.
 */
import type { TargetError } from '../../report/index.ts';
import { parseOutcome } from '../../runner/index.ts';
import type { HostDocument } from './eval-fleet.ts';

function firstLine(text: string): string {
  for (const line of text.split('\n')) if (line.trim() !== '') return line;
  return '';
}

/**
 * Whether TEXT is a results file rather than one JSON document: its first line is a host outcome (an object
 * with host and status, no schema). A single outcome line is no facts document either, so it counts.
 */
export function isOutcomeLines(text: string): boolean {
  let first: unknown;
  try {
    first = JSON.parse(firstLine(text));
  } catch {
    return false;
  }
  return typeof first === 'object' && first !== null && !Array.isArray(first) && 'host' in first && 'status' in first && !('schema' in first);
}

/** The host a line names, for an error about that line (only a plain printable name is used). */
function namedHost(line: string): string | undefined {
  try {
    const v: unknown = JSON.parse(line);
    if (typeof v === 'object' && v !== null && 'host' in v && typeof v.host === 'string' && /^[\x21-\x7e]{1,255}$/.test(v.host)) return v.host;
  } catch {}
  return undefined;
}

/**
 * The outcomes of a results file (named NAME in messages) as eval's input: a host read is its collector
 * document, named and grouped as the results file says (as sweep and its resume take it); the last line
 * for a host wins, as in a resume.
 */
export function outcomeInputs(text: string, name: string): (HostDocument | TargetError)[] {
  const byHost = new Map<string, HostDocument | TargetError>();
  const bad: TargetError[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const o = parseOutcome(line);
    if (typeof o === 'string') {
      const host = namedHost(line);
      const error = { target: host ?? `${name}:${i + 1}`, message: `${name}:${i + 1}: ${o}`, hint: 'Each line must be a host outcome as rsyncguard sweep --results writes it.' };
      if (host === undefined) bad.push(error);
      else byHost.set(host, error);
    } else if (o.status !== 'ok' || !o.raw) byHost.set(o.host, { target: o.host, message: `${o.status}: ${o.reason}`, group: o.group });
    else byHost.set(o.host, { hostRaw: { ...o.raw, host: { ...o.raw.host, name: o.host, group: o.group } } });
  }
  return [...byHost.values(), ...bad];
}
