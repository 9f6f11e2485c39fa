/**
 * Folding for the formats people read: a rule that fires the same way in many modules of one target is
 * one line with a count and the modules it names, not one line per module. A mirror of ninety modules
 * otherwise buries its two real problems under ninety copies of each hygiene finding. JSON and SARIF keep
 * every finding as it is: tools count and dismiss them one by one.
 */
import { formatLocation } from '../common/index.ts';
import type { Finding } from '../engine/index.ts';

/** Below this many modules, a rule's findings are shown one by one. */
export const GROUP_AT = 3;
/** Modules a group names before "and N more". */
const NAMED = 8;

export interface FindingGroup {
  rule_id: string;
  title: string;
  severity: Finding['severity'];
  context: string | null;
  findings: Finding[];
}

/** The findings of one target: module findings of one rule, severity, context and message, grouped when they repeat. */
export function groupRepeats(findings: readonly Finding[]): { groups: FindingGroup[]; single: Finding[] } {
  const byKey = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.module === null) continue;
    // Only findings that say the same thing of each module fold: a rule whose message carries detail
    // (which parameter, which value) keeps one line per finding where the detail differs.
    const key = JSON.stringify([f.rule_id, f.severity, f.context, f.message.split(`[${f.module}]`).join('[]'), f.cves ?? []]);
    byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  const grouped = new Set<Finding>();
  const groups: FindingGroup[] = [];
  for (const members of byKey.values()) {
    if (new Set(members.map((f) => f.module)).size < GROUP_AT) continue;
    const [first] = members;
    if (!first) continue;
    for (const f of members) grouped.add(f);
    groups.push({ rule_id: first.rule_id, title: first.title, severity: first.severity, context: first.context, findings: members });
  }
  return { groups, single: findings.filter((f) => !grouped.has(f)) };
}

/**
 * "[a] x.conf:7:1, [b] 10:1, … and 82 more": each module at its location, the file named only where it
 * changes (modules of one file are the common case; includes add others).
 */
export function namedPlaces(findings: readonly Finding[]): string {
  let lastFile: string | null = null;
  const named = findings.slice(0, NAMED).map((f) => {
    const at = f.location;
    const where = at === null ? '' : at.file === lastFile ? ` ${at.line}:${at.column}` : ` ${formatLocation(at)}`;
    lastFile = at?.file ?? lastFile;
    return `[${f.module ?? ''}]${where}`;
  });
  const more = findings.length - named.length;
  return `${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** "[a], [b], … and 82 more": module names only. */
export function namedModules(findings: readonly Finding[]): string {
  const named = findings.slice(0, NAMED).map((f) => `[${f.module ?? ''}]`);
  const more = findings.length - named.length;
  return `${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}
