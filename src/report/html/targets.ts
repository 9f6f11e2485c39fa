/**
 * The drill-down: per target its notes, each finding with the config lines around it, how to fix it (the
 * rule's fix sentence; the verified fix and its patch when the run computed fixes), what waivers and
 * public declarations left out and why; then the targets that could not be evaluated, with the reason.
 */
import type { Finding, RuleInfo } from '../../engine/index.ts';
import { findingKey, sameFinding, type TargetFixes } from '../../fix/index.ts';
import { publicSummaries } from '../declared-public.ts';
import { toFixDiff } from '../fix-diff.ts';
import { fixSentence } from '../fix-sentence.ts';
import { type Report, shownNotes, type TargetReport } from '../model.ts';
import type { Excerpts } from './excerpt.ts';
import { html, join, type Markup } from './markup.ts';
import { badge, type Fleet, plural, SEVERITIES, severityRank } from './parts.ts';
import { shownName } from '../shown-name.ts';

/** Above this many targets the drill-down starts closed (printing opens every one). */
const OPEN_UP_TO = 20;

/** A link only to an https page: the catalog's help URIs are ours, but nothing else becomes an href. */
function helpLink(rule: RuleInfo | undefined): Markup | '' {
  const uri = rule?.help_uri;
  return uri && /^https:\/\/[^\s"'<>]+$/.test(uri) ? html` <a href="${uri}" rel="noreferrer noopener">Rule documentation</a>` : '';
}

function fixOf(f: Finding, fixes: TargetFixes | undefined): Markup | '' {
  if (!fixes) return '';
  const key = findingKey(f);
  const verified = fixes.verified.find((v) => v.fixes.some((k) => sameFinding(k, key)));
  if (verified)
    return html`<p><strong>Verified fix</strong> (re-parsed and re-evaluated): ${verified.summary}</p>${verified.notes.length > 0 ? html`<ul>${verified.notes.map((n) => html`<li>${n}</li>`)}</ul>` : ''}<p class="muted">The target's patch is below.</p>`;
  const command = fixes.commands.find((c) => sameFinding(c.finding, key));
  if (command) return html`<p><strong>Fix</strong>: ${command.summary}: <code>${command.command}</code></p>`;
  const left = fixes.unfixed.find((u) => sameFinding(u.finding, key));
  if (left) return html`<p><strong>No safe automatic fix</strong>: ${left.reason}${left.suggestion !== null ? html`; suggested:</p><pre>${left.suggestion.split('\n').map((l, i) => html`${i > 0 ? html`\n` : ''}${l}`)}</pre>` : html`</p>`}`;
  return '';
}

/** Each rule's fix sentence, found once per page (a fleet repeats a rule thousands of times). */
const sentences = new WeakMap<RuleInfo, string>();
function howToFix(rule: RuleInfo | undefined): string {
  if (!rule) return '';
  const known = sentences.get(rule);
  if (known !== undefined) return known;
  const s = fixSentence(rule.help, rule.description);
  sentences.set(rule, s);
  return s;
}

function findingBlock(f: Finding, id: string, rules: ReadonlyMap<string, RuleInfo>, excerpts: Excerpts, fixes: TargetFixes | undefined): Markup {
  const rule = rules.get(f.rule_id);
  const how = howToFix(rule);
  const at = f.location ? `${f.location.file}:${f.location.line}:${f.location.column}` : f.path;
  const state = f.baseline_state ? html` <span class="state state-${f.baseline_state}">${f.baseline_state}</span>` : '';
  const excerpt = f.location ? excerpts.around(f.target, f.location) : null;
  return html`<section class="finding ${f.severity}" id="${id}" aria-labelledby="${id}-h"><h4 id="${id}-h">${badge(f.severity)} ${f.rule_id} ${f.title}${state}</h4><p>${f.message}${f.context ? html` <span class="muted">(raised: ${f.context})</span>` : ''}</p><p class="muted">${at}${f.module !== null ? html` · module [${f.module}]` : ''}${f.cves ? html` · ${f.cves.join(', ')}` : ''}</p>${excerpt ?? ''}${how ? html`<p><strong>How to fix</strong>: ${how}${helpLink(rule)}</p>` : ''}${fixOf(f, fixes)}</section>`;
}

/** The target's verified patch, one line per row: lines that could hold a password are already left out by fileDiff. */
function patchBlock(fixes: TargetFixes | undefined): Markup | '' {
  if (!fixes) return '';
  const patch = toFixDiff([fixes]);
  if (patch === '') return '';
  const lines = patch.replace(/\n$/, '').split('\n');
  const cls = (l: string) => (l.startsWith('+++') || l.startsWith('---') ? 'head' : l.startsWith('+') ? 'add' : l.startsWith('-') ? 'del' : l.startsWith('#') ? 'muted' : '');
  return html`<h4>Verified patch</h4><pre class="patch" aria-label="verified patch">${lines.map((l, i) => html`${i > 0 ? html`\n` : ''}<span class="${cls(l)}">${l.replace(/\t/g, '    ')}</span>`)}</pre><p class="muted">Apply with <code>rsyncguard fix --write</code> or <code>git apply</code>.</p>`;
}

function waivedBlock(t: TargetReport): Markup | '' {
  const declared = publicSummaries(t);
  const waived =
    t.waived.length > 0
      ? html`<table class="waived"><caption>Waived findings (${t.waived.length})</caption><thead><tr><th scope="col">rule</th><th scope="col">module</th><th scope="col">finding</th><th scope="col">reason</th><th scope="col">expires</th><th scope="col">waiver</th></tr></thead><tbody>${t.waived.map(
          (w) => html`<tr><td>${w.finding.rule_id}</td><td>${w.finding.module ?? ''}</td><td>${w.finding.message}</td><td>${w.waiver.reason}</td><td>${w.waiver.expires ?? 'never'}</td><td>${w.waiver.source}</td></tr>`,
        )}</tbody></table>`
      : '';
  const publicTable =
    declared.length > 0
      ? html`<table class="declared"><caption>Declared public (${declared.length})</caption><thead><tr><th scope="col">where</th><th scope="col">reason</th><th scope="col">modules</th><th scope="col" class="num">not reported</th></tr></thead><tbody>${declared.map(
          (d) => html`<tr><td>${d.source}</td><td>${d.reason}</td><td>${d.modules.join(', ')}</td><td class="num">${d.count}</td></tr>`,
        )}</tbody></table>`
      : '';
  return html`${waived}${publicTable}`;
}

function notesBlock(t: TargetReport): Markup | '' {
  const notes = shownNotes(t);
  if (notes.length === 0) return '';
  return html`<ul class="notes">${notes.map((n) => html`<li class="${n.level === 'error' ? 'error' : ''}"><strong>${n.level}</strong>${n.location ? html` ${n.location.file}:${n.location.line}` : ''}: ${n.message}</li>`)}</ul>`;
}

export function targetsSection(report: Report, excerpts: Excerpts, fleet: Fleet | null): Markup {
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const open = report.targets.length <= OPEN_UP_TO;
  const blocks = report.targets.map((t, ti) => {
    const ordered = t.findings.map((f, fi) => ({ f, fi })).sort((a, b) => severityRank(b.f.severity) - severityRank(a.f.severity) || a.fi - b.fi);
    const counts = SEVERITIES.map((s) => [s, t.findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
    const label = fleet && fleet.hostOf(t.target) !== t.target ? `${fleet.hostOf(t.target)} · ${t.target}` : shownName(t);
    const said = counts.length > 0 ? counts.map(([s, n]) => `${n} ${s}`).join(', ') : 'no findings';
    return html`<details class="target" id="t${ti}"${open ? html` open` : ''}><summary>${label} <span class="muted">(${fleet ? `${fleet.groupOf(t.target)}; ` : ''}${said}${t.waived.length > 0 ? `; ${t.waived.length} waived` : ''})</span></summary>${notesBlock(t)}${ordered.map(({ f, fi }) => findingBlock(f, `t${ti}-f${fi}`, rules, excerpts, t.fixes))}${patchBlock(t.fixes)}${waivedBlock(t)}</details>`;
  });
  return html`<section aria-labelledby="targets-detail-h"><h2 id="targets-detail-h">By target</h2><p class="muted">${plural(report.targets.length, 'target')} evaluated; open one to see each finding with its config lines and fix.</p>${join(blocks)}</section>`;
}

/** Every target that could not be evaluated, with why: it makes the run exit 2 and is never shown as clean. */
export function notEvaluatedSection(report: Report, fleet: Fleet | null): Markup | '' {
  if (report.errors.length === 0) return '';
  return html`<section aria-labelledby="errors-h"><h2 id="errors-h" class="error">Not evaluated (${report.errors.length})</h2><table class="errors"><caption>${fleet ? 'Hosts' : 'Targets'} that could not be evaluated, with the reason</caption><thead><tr><th scope="col">${fleet ? 'host' : 'target'}</th>${fleet ? html`<th scope="col">group</th>` : ''}<th scope="col">reason</th><th scope="col">hint</th></tr></thead><tbody>${report.errors.map(
    (e) => html`<tr><th scope="row">${fleet ? fleet.hostOf(e.target) : shownName(e)}</th>${fleet ? html`<td>${fleet.groupOf(e.target)}</td>` : ''}<td>${e.message}</td><td>${e.hint ?? ''}</td></tr>`,
  )}</tbody></table></section>`;
}
