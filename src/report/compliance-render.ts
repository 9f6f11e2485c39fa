/** The --compliance section (compliance.ts) as text and Markdown lines; JSON and SARIF carry the model. */
import { formatLocation } from '../common/index.ts';
import type { Paint } from './colour.ts';
import type { ComplianceSection, ControlResult, ControlState, ControlTarget, FindingRef } from './compliance.ts';
import { markdownCode as code, markdownText as esc } from './markdown-escape.ts';

const LABEL: Record<ControlState, string> = { fail: 'FAIL', pass: 'pass', waived: 'waived', 'not-applicable': 'not applicable', 'not-evaluated': 'not evaluated' };

/** The control's own verdict: it fails when any target fails. */
function controlState(c: ControlResult): ControlState {
  const states = new Set(c.targets.map((t) => t.state));
  for (const s of ['fail', 'not-evaluated', 'waived', 'pass'] as const) if (states.has(s)) return s;
  return 'not-applicable';
}

function headline(s: ComplianceSection): string {
  return `${s.name}: ${s.summary.failing} of ${s.summary.controls} control${s.summary.controls === 1 ? '' : 's'} fail`;
}

const where = (f: FindingRef): string => (f.location ? `${formatLocation(f.location)} ` : '');

/** Why a target is in its state, for one line: the waiver, the facts, or the count of findings. */
function because(t: ControlTarget): string {
  const items = t.os_items ? [`items for its OS: ${t.os_items.join(', ')}`] : [];
  return [...(t.waiver ? [`${t.waiver.reason} (${t.waiver.source})`] : []), ...t.evidence, ...items].join('; ');
}

/**
 * Targets with nothing to say (a pass or not-applicable state with no finding, waiver or fact behind it) share
 * one line per state, so that a fleet's section lists the hosts that need reading, not every host per control.
 */
function plain(t: ControlTarget): boolean {
  const quiet = t.findings.length === 0 && t.waived.length === 0 && !t.waiver && !t.os_items;
  // Every file is "not applicable" to a host benchmark for the same reason: said once for all of them.
  return quiet && (t.state === 'not-applicable' || (t.state === 'pass' && t.evidence.length === 0));
}

/** Plain targets grouped by state and reason. */
function plainGroups(targets: ControlTarget[]): { state: ControlState; reason: string; names: string[] }[] {
  const by = new Map<string, { state: ControlState; reason: string; names: string[] }>();
  for (const t of targets.filter(plain)) {
    const reason = t.evidence.join('; ');
    const group = by.get(`${t.state}\u0000${reason}`) ?? { state: t.state, reason, names: [] };
    group.names.push(t.target);
    by.set(`${t.state}\u0000${reason}`, group);
  }
  return [...by.values()];
}

export function complianceTextLines(s: ComplianceSection, p: Paint): string[] {
  const out = [p.bold(`Compliance — ${headline(s)}`)];
  for (const c of s.controls) {
    const state = controlState(c);
    const mark = state === 'fail' ? p.severity('high', LABEL.fail.padEnd(6)) : p.dim(LABEL[state].padEnd(6));
    out.push(`  ${mark} ${c.id} ${c.title}${c.rules.length > 0 ? p.dim(` (${c.rules.join(', ')})`) : ''}`);
    if (c.items) out.push(`         ${p.dim(`items: ${c.items.map((i) => i.id).join(', ')}`)}`);
    for (const g of plainGroups(c.targets)) out.push(`    ${LABEL[g.state]}${g.reason ? ` (${g.reason})` : ''}: ${g.names.join(', ')}`);
    for (const t of c.targets.filter((x) => !plain(x))) {
      const why = because(t);
      out.push(`    ${t.target}: ${t.state === 'fail' ? p.severity('high', LABEL.fail) : LABEL[t.state]}${why ? ` — ${why}` : ''}`);
      for (const f of t.findings) out.push(`      ${f.rule_id} ${where(f)}${f.message}`);
      for (const w of t.waived) out.push(`      ${p.dim(`waived ${w.rule_id} ${where(w)}${w.message} — ${w.reason} (${w.source})`)}`);
    }
  }
  return [...out, ''];
}

const ICON: Record<ControlState, string> = { fail: '❌ fail', pass: '✅ pass', waived: '☑️ waived', 'not-applicable': '➖ not applicable', 'not-evaluated': '⛔ not evaluated' };

export function complianceMarkdownLines(s: ComplianceSection): string[] {
  const out = [`### Compliance: ${esc(headline(s))}`, '', '| control | target | state | findings |', '|---|---|---|---|'];
  for (const c of s.controls) {
    const name = `${c.id} ${esc(c.title)}${c.items ? ` (${c.items.map((i) => i.id).join(', ')})` : ''}`;
    const rows = plainGroups(c.targets).map((g) => ({ state: g.state, text: `| ${g.names.map(code).join(', ')} | ${ICON[g.state]} |${g.reason ? ` ${esc(g.reason)} ` : ' '}|` }));
    for (const t of c.targets.filter((x) => !plain(x))) {
      const findings = t.findings.map((f) => `${f.rule_id}${f.location ? ` ${code(`${f.location.file}:${f.location.line}`)}` : ''} ${esc(f.message)}`);
      const waived = t.waived.map((w) => `waived ${w.rule_id}: ${esc(w.reason)}`);
      const os = t.os_items ? [`items for its OS: ${t.os_items.join(', ')}`] : [];
      const detail = [...findings, ...waived, ...(t.waiver ? [`waiver: ${esc(t.waiver.reason)} (${code(t.waiver.source)})`] : []), ...(findings.length === 0 ? t.evidence.map(esc) : []), ...os];
      rows.push({ state: t.state, text: `| ${code(t.target)} | ${ICON[t.state]} | ${detail.join('<br>')} |` });
    }
    // Failing targets first, so a long control reads from what needs doing.
    rows.sort((a, b) => Number(b.state === 'fail') - Number(a.state === 'fail'));
    out.push(...rows.map((r, i) => `| ${i === 0 ? name : ''} ${r.text}`));
  }
  return [...out, ''];
}
