/**
 * `fix --format ansible`: the verified fixes of swept hosts as an Ansible playbook, one play per inventory
 * group, one block per host and file (issue 16, "Hosts and fleets"). Every edit is anchored on the exact text
 * that was verified, never on a pattern that might match something else:
 *  - each block first checks the file is byte for byte what was swept (or already the fixed text), so a config
 *    changed since the sweep is refused rather than edited blind (lineinfile's `insertafter` would otherwise
 *    append at the end of the file when its anchor is gone);
 *  - a single-line edit whose line is unique is `ansible.builtin.lineinfile` with `regexp: ^<exact line>$` and
 *    `backrefs: true` (no match → no change, so a second run and `--check --diff` are quiet), an insertion is
 *    `insertafter: ^<exact line>$`;
 *  - anything else (continuation lines, a repeated line, CRLF insertions) is `ansible.builtin.replace` of the
 *    exact block of lines, with as many preceding lines as make it unique.
 * Edits run bottom-up, so each anchor is still the swept text when its task runs. Only config lines appear
 * (secrets files are never edited, never read); every config-derived string is `!unsafe` so Ansible never
 * templates a `{{` in it.
 */
import { createHash } from 'node:crypto';
import type { LineEdit, TargetFixes, VerifiedFix } from '../fix/index.ts';

export interface AnsibleContext {
  /** Target id → inventory host name (ansible's inventory_hostname); null: not hosts (fix of files), no host condition. */
  hostOf: ((target: string) => string) | null;
  /** Target id → inventory group (the play's `hosts:`). */
  groupOf: (target: string) => string;
}

interface SplitText {
  lines: string[];
  crlf: boolean;
}

/** Lines without their `\n`; a CRLF file's lines keep their `\r`, which is part of the exact text matched. */
function split(text: string): SplitText {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  return { lines: text === '' ? [] : body.split('\n'), crlf: text.includes('\r\n') };
}

/** Python `re` escaping: every character with a meaning is backslashed, nothing else changes. */
function reEscape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

/** A replacement string for `re.sub`/`match.expand`: only the backslash has a meaning there. */
function subEscape(s: string): string {
  return s.replace(/\\/g, '\\\\');
}

function count(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) n++;
  return n;
}

const q = (s: string) => JSON.stringify(s);
/** Config text: never templated by Ansible. */
const u = (s: string) => `!unsafe ${JSON.stringify(s)}`;
/** A task name or comment: one line, no template markers. */
const plain = (s: string) => s.replace(/[\r\n]+/g, ' ').replace(/\{(?=[{%#])/g, '{ ');

type Task = { name: string; module: string; args: [string, string][] };

/**
 * One edit as a task. Conditions for lineinfile: the line it anchors on occurs once in the swept file and
 * never in the fixed one (a replaced line), or once in both (an insertion's anchor), and an inserted line
 * occurs in neither the swept file nor elsewhere in the fixed one (lineinfile skips a line it already finds).
 */
function editTask(file: string, e: LineEdit, before: SplitText, beforeText: string, afterText: string, name: string): Task {
  const cr = before.crlf ? '\r' : '';
  const fresh = e.lines.map((l) => l + cr);
  const linesOf = (t: string) => split(t).lines;
  const countLine = (t: string, l: string) => linesOf(t).filter((x) => x === l).length;
  const isInsert = e.end === e.start - 1;
  if (!isInsert && e.start === e.end) {
    const old = before.lines[e.start - 1] ?? '';
    if (countLine(beforeText, old) === 1 && countLine(afterText, old) === 0) {
      const args: [string, string][] = [
        ['path', q(file)],
        ['regexp', u(`^${reEscape(old)}$`)],
      ];
      if (fresh.length === 0) args.push(['state', 'absent']);
      else args.push(['line', u(subEscape(fresh.join('\n')))], ['backrefs', 'true']);
      return { name, module: 'ansible.builtin.lineinfile', args: [...args, ['backup', 'true']] };
    }
  }
  // After the last line lineinfile would join a file's unterminated last line to the new one: replace does it right.
  if (isInsert && e.start > 1 && e.start <= before.lines.length && fresh.length === 1 && !before.crlf) {
    const anchor = before.lines[e.start - 2] ?? '';
    const line = fresh[0] ?? '';
    if (countLine(beforeText, anchor) === 1 && countLine(afterText, anchor) === 1 && countLine(beforeText, line) === 0 && countLine(afterText, line) === 1) {
      return {
        name,
        module: 'ansible.builtin.lineinfile',
        args: [
          ['path', q(file)],
          ['insertafter', u(`^${reEscape(anchor)}$`)],
          ['line', u(line)],
          ['backup', 'true'],
        ],
      };
    }
  }
  return replaceTask(file, e, before, fresh, beforeText, afterText, name);
}

/**
 * The edit as a replacement of an exact block of whole lines. An insertion replaces its neighbours with
 * themselves around the new lines (so the block is gone once inserted); the block grows upwards until it
 * occurs once in the swept text and not at all in the fixed text.
 */
function replaceTask(file: string, e: LineEdit, before: SplitText, fresh: string[], beforeText: string, afterText: string, name: string): Task {
  const n = before.lines.length;
  let a = e.start;
  let b = e.end;
  let head: string[] = [];
  let tail: string[] = [];
  if (b < a) {
    // Insertion before line `start`: keep the line above (if any) and the line below (if any) around it.
    if (a > 1) {
      a -= 1;
      head = [before.lines[a - 1] ?? ''];
    }
    if (e.start <= n) {
      b = e.start;
      tail = [before.lines[b - 1] ?? ''];
    } else b = a + head.length - 1;
  }
  const lines = (from: number, to: number) => before.lines.slice(from - 1, to);
  const pattern = (from: number) => {
    const block = lines(from, b).join('\n');
    const start = from === 1 ? '\\A' : '^';
    const end = b >= n ? '(?=\\n?\\Z)' : '$';
    return { text: block, re: `${start}${reEscape(block)}${end}` };
  };
  for (;;) {
    const p = pattern(a);
    const unique = count(`\n${beforeText}`, `\n${p.text}`) === 1 && count(`\n${afterText}`, `\n${p.text}${b >= n ? '' : '\n'}`) === 0;
    if (unique || a <= 1) break;
    head = [before.lines[a - 2] ?? '', ...head];
    a -= 1;
  }
  const replacement = [...head, ...fresh, ...tail].join('\n');
  return {
    name,
    module: 'ansible.builtin.replace',
    args: [
      ['path', q(file)],
      ['regexp', u(pattern(a).re)],
      ['replace', u(subEscape(replacement))],
      ['backup', 'true'],
    ],
  };
}

function sha1(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

/**
 * The checksums a file holding `text` may have: the collector's text can lack the file's final line end (a
 * shell `$(…)` drops it), and lineinfile ends the last line it writes; either way the lines are the same.
 */
function sums(text: string): string[] {
  if (text === '' || text.endsWith('\n')) return [sha1(text)];
  return [sha1(text), sha1(`${text}\n`), sha1(`${text}\r\n`)];
}

function fixName(f: VerifiedFix): string {
  const modules = [...new Set(f.fixes.map((k) => k.module).filter((m): m is string => m !== null))];
  return plain(`${f.rule_ids.join(', ')}${modules.length > 0 ? ` [${modules.join('], [')}]` : ' (global)'}: ${f.summary}`);
}

function hostBlock(t: TargetFixes, host: string | null): string[] {
  const out: string[] = [];
  const when = host === null ? null : q(`inventory_hostname == ${q(host)}`);
  host ??= t.target;
  // A host's facts name files from its root without the leading `/`; a repository's paths stay as they are.
  const pathOf = (file: string) => (when !== null && !file.startsWith('/') ? `/${file}` : file);
  for (const c of t.unfixed) out.push(`    # ${plain(`${host}: ${c.finding.rule_id}${c.finding.module ? ` [${c.finding.module}]` : ''}: not fixed: ${c.reason}${c.suggestion ? ` (suggested: ${c.suggestion})` : ''}`)}`);
  for (const r of t.rejected) out.push(`    # ${plain(`${host}: ${r.candidate.summary}: no safe automatic fix: ${r.reason}`)}`);
  for (const c of t.commands) out.push(`    # ${plain(`${host}: ${c.finding.rule_id}: run on the host: ${c.command}`)}`);
  for (const f of t.files) {
    const before = split(f.before);
    // Each edit with the fix it belongs to, bottom-up (a replacement before an insertion at the same line, whose anchor is the line above).
    const edits = t.verified.flatMap((v) => v.edits.filter((e) => e.file === f.file).map((e) => ({ e, v }))).sort((x, y) => y.e.start - x.e.start || Number(x.e.end < x.e.start) - Number(y.e.end < y.e.start));
    if (edits.length === 0) continue;
    out.push(`    - name: ${q(plain(`rsyncguard fixes on ${host}: ${pathOf(f.file)}`))}`, ...(when === null ? [] : [`      when: ${when}`]), '      block:');
    out.push(
      `        - name: ${q(plain(`${pathOf(f.file)} is still the text that was swept and verified (or already fixed)`))}`,
      '          ansible.builtin.stat:',
      `            path: ${q(pathOf(f.file))}`,
      '            checksum_algorithm: sha1',
      '          register: rsyncguard_swept',
      '        - name: Refuse a file changed since the sweep (sweep again and re-run rsyncguard fix)',
      '          ansible.builtin.assert:',
      `            that: rsyncguard_swept.stat.exists and rsyncguard_swept.stat.checksum in [${[...sums(f.before), ...sums(f.after)].map(q).join(', ')}]`,
      `            fail_msg: ${q(plain(`${pathOf(f.file)} on ${host} changed since the sweep; the fix was verified against the swept text only`))}`,
      '            quiet: true',
    );
    for (const note of [...new Set(edits.flatMap((x) => x.v.notes))]) out.push(`        # ${plain(note)}`);
    for (const { e, v } of edits) {
      const task = editTask(pathOf(f.file), e, before, f.before, f.after, fixName(v));
      out.push(`        - name: ${q(task.name)}`, `          ${task.module}:`, ...task.args.map(([k, val]) => `            ${k}: ${val}`));
    }
  }
  return out;
}

/**
 * The playbook. rsync reads its config at each connection, so no handler restarts the daemon. The modules
 * need Python on the hosts (unlike examples/ansible/collect.yml) and a user that may write the configs.
 */
export function toAnsible(fixes: TargetFixes[], ctx: AnsibleContext): string {
  const groups = new Map<string, TargetFixes[]>();
  for (const t of fixes) groups.set(ctx.groupOf(t.target), [...(groups.get(ctx.groupOf(t.target)) ?? []), t]);
  const out = [
    '# rsyncguard fix: the verified fixes of the swept hosts, one play per inventory group.',
    '# Review first:  ansible-playbook -i INVENTORY THIS.yml --check --diff',
    '# Each file is changed only if it is still exactly what was swept; a backup is kept beside it.',
    '---',
  ];
  if (fixes.every((t) => t.verified.length === 0)) out.push('# Nothing to fix.');
  for (const [group, targets] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const body = targets.flatMap((t) => hostBlock(t, ctx.hostOf ? ctx.hostOf(t.target) : null));
    if (!body.some((l) => l.startsWith('    - '))) {
      out.push(...body.map((l) => l.replace(/^ {4}/, '')));
      continue;
    }
    out.push(`- name: ${q(plain(`rsyncguard fixes for ${group}`))}`, `  hosts: ${q(group)}`, '  gather_facts: false', '  tasks:', ...body);
  }
  return `${out.join('\n')}\n`;
}
