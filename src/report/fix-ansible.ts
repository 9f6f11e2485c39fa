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
 * Edits that touch or adjoin are one task (one block of lines from the swept text to the fixed text), so no
 * task anchors on a line another task has already changed; the blocks run bottom-up, so each anchor is still
 * the swept text when its task runs. Only config lines appear (secrets files are never edited, never read).
 * The collected document is written on the host being fixed, so everything from it is hostile to the
 * controller: every string from it (paths, lines, names, messages) is `!unsafe`, so Ansible never templates a
 * `{{` in it, and written with YAML escapes for anything but printable ASCII, so no character ends a comment or
 * a scalar; the host name is a variable compared with inventory_hostname, never part of the `when:`
 * expression; a path that is not absolute and normalized, or a host or group name that is not a plain
 * inventory name, is refused (the runner refuses such a host before anything is planned, see
 * ansibleRefusal).
 */
import { createHash } from 'node:crypto';
import { quotableLines, type TargetFixes, type VerifiedFix } from '../fix/index.ts';

// C0, DEL, C1 (U+0085 is a YAML line break), line/paragraph separators and bidirectional controls.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** An inventory host name: a DNS name, an IPv4 or IPv6 address, an alias; nothing a host pattern or Jinja reads. */
const HOST_NAME = /^[A-Za-z0-9_:][A-Za-z0-9_.:-]{0,252}$/;
/** A group name Ansible accepts as a host pattern (it warns about `-` and `.`, but reads them). */
const GROUP_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,252}$/;

/** Why `path` cannot be a task's `path:` (not absolute, not normalized, `..`, control characters), or null. */
export function pathProblem(path: string): string | null {
  if (CONTROLS.test(path)) return 'has control characters';
  if (!path.startsWith('/')) return 'is not absolute';
  if (path.split('/').some((seg) => seg === '..' || seg === '.')) return 'has a `.` or `..` component';
  if (path === '/' || path.endsWith('/') || path.includes('//')) return 'is not a normalized file path';
  return null;
}

/** Why `name` cannot be an inventory host (or group) name in a playbook, or null. */
export function inventoryNameProblem(name: string, kind: 'host' | 'group'): string | null {
  return (kind === 'host' ? HOST_NAME : GROUP_NAME).test(name) ? null : `is not a valid inventory ${kind} name (letters, digits, ${kind === 'host' ? '`_ . : -`' : '`_ . -`'})`;
}

/**
 * Why a host's fixes cannot be rendered safely, located in its document (`host.name`, `files[2].path`), or
 * null: the runner refuses such a host (exit 2) and fixes the others.
 */
export function ansibleRefusal(host: string, group: string, paths: readonly (string | null)[]): string | null {
  const shown = (s: string) => q(s.length > 200 ? `${s.slice(0, 200)}…` : s);
  const h = inventoryNameProblem(host, 'host');
  if (h !== null) return `host.name ${shown(host)} ${h}`;
  const g = inventoryNameProblem(group, 'group');
  if (g !== null) return `group ${shown(group)} ${g}`;
  for (const [i, p] of paths.entries()) {
    // null: a file that is never edited (no text); its index still locates the others.
    const why = p === null ? null : pathProblem(p);
    if (p !== null && why !== null) return `files[${i}].path ${shown(p)} ${why}`;
  }
  return null;
}

export interface AnsibleContext {
  /** Target id → inventory host name (ansible's inventory_hostname); null: not hosts (fix of files), no host condition. */
  hostOf: ((target: string) => string) | null;
  /** Target id → inventory group (the play's `hosts:`). */
  groupOf: (target: string) => string;
}

interface SplitText {
  lines: string[];
  crlf: boolean;
  finalNewline: boolean;
  /** Per line: whether it may be quoted (a line that could hold a password never is, not even as an anchor). */
  quoted: boolean[];
}

/** Lines without their `\n`; a CRLF file's lines keep their `\r`, which is part of the exact text matched. */
function split(text: string): SplitText {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  const lines = text === '' ? [] : body.split('\n');
  // The file's terminator is its first line's, as applyEdits reads it.
  const nl = text.indexOf('\n');
  return { lines, crlf: nl > 0 && text[nl - 1] === '\r', finalNewline: text === '' || text.endsWith('\n'), quoted: quotableLines(lines) };
}

/** Lines `from`..`to` (1-based) may all be quoted. */
function quotedSpan(t: SplitText, from: number, to: number): boolean {
  return t.quoted.slice(Math.max(0, from - 1), Math.max(0, to)).every((x) => x);
}

/**
 * A fix that cannot be anchored without quoting a line that could hold a password: a task that stops the play
 * for that host, saying so, rather than an edit anchored on something less exact.
 */
function byHand(file: string, name: string): Task {
  return {
    name,
    module: 'ansible.builtin.fail',
    args: [['msg', u(plain(`rsyncguard does not quote a line of ${file} near this fix that could hold a password, so it cannot anchor the edit here; edit the file by hand (rsyncguard fix shows the fix)`))]],
  };
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

/**
 * A YAML double-quoted scalar: JSON's escapes are YAML's too; anything but printable ASCII is escaped
 * (`\u`/`\U`), so no line break YAML knows (U+0085, U+2028…) and no control reaches the file raw.
 */
const q = (s: string) =>
  JSON.stringify(s).replace(/[^\x20-\x7e]/gu, (c) => {
    const cp = c.codePointAt(0) ?? 0;
    return cp > 0xffff ? `\\U${cp.toString(16).padStart(8, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
  });
/** A string from the host or the config: never templated by Ansible. */
const u = (s: string) => `!unsafe ${q(s)}`;
/** A task name or comment: one line of printable text (no control, format or unassigned character), no template markers. */
const plain = (s: string) => s.replace(/[\p{C}\p{Zl}\p{Zp}]/gu, ' ').replace(/\{(?=[{%#])/g, '{ ');

type Task = { name: string; module: string; args: [string, string][] };

/**
 * One block of edits of the swept file: lines `start`..`end` (an insertion before `start` when `end` is
 * `start - 1`) become `fresh`, the exact bytes of the fixed text (a CRLF file's lines keep their `\r`).
 */
interface Span {
  start: number;
  end: number;
  fresh: string[];
  fixes: VerifiedFix[];
}

/**
 * The file's edits as disjoint spans: edits that overlap, touch or adjoin are one span (an insertion next to
 * a replaced line would otherwise anchor on a line the other task has already changed, and do nothing), and
 * an edit at the end of a file without a final line end takes the last line with it (that line gains the
 * terminator). Each span's new lines are read from the fixed text itself; null when the spans do not give
 * exactly that text (then the file is left to be edited by hand).
 */
function spans(file: string, verified: VerifiedFix[], before: SplitText, after: string): Span[] | null {
  const n = before.lines.length;
  const parts = verified
    .flatMap((v) => v.edits.filter((e) => e.file === file).map((e) => ({ start: e.start, end: e.end, delta: e.lines.length - (e.end - e.start + 1), v })))
    .map((p) => (!before.finalNewline && n > 0 && (p.start > n || p.end >= n) ? { ...p, start: Math.min(p.start, n), end: Math.max(p.end, n) } : p))
    .sort((x, y) => x.start - y.start || x.end - y.end);
  const merged: { start: number; end: number; delta: number; fixes: VerifiedFix[] }[] = [];
  for (const p of parts) {
    const last = merged.at(-1);
    if (last !== undefined && p.start <= last.end + 1) {
      last.end = Math.max(last.end, p.end);
      last.delta += p.delta;
      if (!last.fixes.includes(p.v)) last.fixes.push(p.v);
    } else merged.push({ start: p.start, end: p.end, delta: p.delta, fixes: [p.v] });
  }
  const now = split(after).lines;
  let shift = 0;
  const out: Span[] = [];
  for (const m of merged) {
    const size = m.end - m.start + 1 + m.delta;
    if (size < 0) return null;
    out.push({ start: m.start, end: m.end, fresh: now.slice(m.start - 1 + shift, m.start - 1 + shift + size), fixes: m.fixes });
    shift += m.delta;
  }
  // The spans applied to the swept lines must give the fixed text byte for byte, or no task is written.
  const lines = [...before.lines];
  for (const sp of [...out].reverse()) lines.splice(sp.start - 1, sp.end - sp.start + 1, ...sp.fresh);
  const rebuilt = lines.length === 0 ? '' : `${lines.join('\n')}${before.finalNewline ? '\n' : ''}`;
  return rebuilt === after ? out : null;
}

/**
 * One span as a task. Conditions for lineinfile: the line it anchors on occurs once in the swept file and
 * never in the fixed one (a replaced line), or once in both (an insertion's anchor), and an inserted line
 * occurs in neither the swept file nor elsewhere in the fixed one (lineinfile skips a line it already finds).
 * lineinfile always ends the line it writes, so a span at an unterminated last line is a replace.
 */
function editTask(file: string, e: Span, before: SplitText, beforeText: string, afterText: string, name: string): Task {
  const fresh = e.fresh;
  const linesOf = (t: string) => split(t).lines;
  const countLine = (t: string, l: string) => linesOf(t).filter((x) => x === l).length;
  const isInsert = e.end === e.start - 1;
  const atUnterminatedEnd = !before.finalNewline && e.end >= before.lines.length;
  // The planner proposes no such fix; this keeps the playbook from ever quoting one either way.
  if (!quotedSpan(before, e.start - 1, e.end + 1) || !quotableLines(fresh).every((x) => x)) return byHand(file, name);
  if (!isInsert && e.start === e.end && !atUnterminatedEnd) {
    const old = before.lines[e.start - 1] ?? '';
    if (countLine(beforeText, old) === 1 && countLine(afterText, old) === 0) {
      const args: [string, string][] = [
        ['path', u(file)],
        ['regexp', u(`^${reEscape(old)}$`)],
      ];
      if (fresh.length === 0) args.push(['state', 'absent']);
      else args.push(['line', u(subEscape(fresh.join('\n')))], ['backrefs', 'true']);
      return { name, module: 'ansible.builtin.lineinfile', args: [...args, ['backup', 'true']] };
    }
  }
  if (isInsert && e.start > 1 && e.start <= before.lines.length && fresh.length === 1 && !before.crlf) {
    const anchor = before.lines[e.start - 2] ?? '';
    const line = fresh[0] ?? '';
    if (countLine(beforeText, anchor) === 1 && countLine(afterText, anchor) === 1 && countLine(beforeText, line) === 0 && countLine(afterText, line) === 1) {
      return {
        name,
        module: 'ansible.builtin.lineinfile',
        args: [
          ['path', u(file)],
          ['insertafter', u(`^${reEscape(anchor)}$`)],
          ['line', u(line)],
          ['backup', 'true'],
        ],
      };
    }
  }
  return replaceTask(file, e, before, beforeText, afterText, name);
}

/**
 * The span as a replacement of an exact block of whole lines. An insertion replaces its neighbours with
 * themselves around the new lines (so the block is gone once inserted); the block grows upwards until it
 * occurs once in the swept text and not at all in the fixed text. Lines above a span are never another
 * task's (spans do not adjoin), and tasks run bottom-up, so the block is still the swept text when it runs.
 */
function replaceTask(file: string, e: Span, before: SplitText, beforeText: string, afterText: string, name: string): Task {
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
    // Growing the block upwards would quote a line that could hold a password.
    if (!quotedSpan(before, a - 1, a - 1)) return byHand(file, name);
    head = [before.lines[a - 2] ?? '', ...head];
    a -= 1;
  }
  const replacement = [...head, ...e.fresh, ...tail].join('\n');
  return {
    name,
    module: 'ansible.builtin.replace',
    args: [
      ['path', u(file)],
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
  const shownHost = host ?? t.target;
  // A host's facts name files from its root without the leading `/`; a repository's paths stay as they are.
  const pathOf = (file: string) => (host !== null && !file.startsWith('/') ? `/${file}` : file);
  for (const c of t.unfixed) out.push(`    # ${plain(`${shownHost}: ${c.finding.rule_id}${c.finding.module ? ` [${c.finding.module}]` : ''}: not fixed: ${c.reason}${c.suggestion ? ` (suggested: ${c.suggestion})` : ''}`)}`);
  for (const r of t.rejected) out.push(`    # ${plain(`${shownHost}: ${r.candidate.summary}: no safe automatic fix: ${r.reason}`)}`);
  for (const c of t.commands) out.push(`    # ${plain(`${shownHost}: ${c.finding.rule_id}: run on the host: ${c.command}`)}`);
  // The runner refuses such a host before planning; this keeps the playbook safe whoever calls it.
  const badHost = host === null ? null : inventoryNameProblem(host, 'host');
  if (badHost !== null) {
    out.push(`    # ${plain(`${shownHost}: not fixed: the host name ${badHost}`)}`);
    return out;
  }
  for (const f of t.files) {
    const path = pathOf(f.file);
    if (!t.verified.some((v) => v.edits.some((e) => e.file === f.file))) continue;
    const badPath = pathProblem(path);
    if (badPath !== null) {
      out.push(`    # ${plain(`${shownHost}: ${path}: not fixed: the path ${badPath} (--format ansible is for hosts: use --inventory or --collected)`)}`);
      continue;
    }
    const before = split(f.before);
    out.push(`    - name: ${u(plain(`rsyncguard fixes on ${shownHost}: ${path}`))}`);
    // The host name is a value compared with inventory_hostname, never part of the expression Ansible evaluates.
    if (host !== null) out.push('      vars:', `        rsyncguard_host: ${u(host)}`, '      when: inventory_hostname == rsyncguard_host');
    out.push(
      '      block:',
      `        - name: ${u(plain(`${path} is still the text that was swept and verified (or already fixed)`))}`,
      '          ansible.builtin.stat:',
      `            path: ${u(path)}`,
      '            checksum_algorithm: sha1',
      '          register: rsyncguard_swept',
      '        - name: Refuse a file changed since the sweep (sweep again and re-run rsyncguard fix)',
      '          ansible.builtin.assert:',
      `            that: rsyncguard_swept.stat.exists and rsyncguard_swept.stat.checksum in [${[...sums(f.before), ...sums(f.after)].map(q).join(', ')}]`,
      `            fail_msg: ${u(plain(`${path} on ${shownHost} changed since the sweep; the fix was verified against the swept text only`))}`,
      '            quiet: true',
    );
    const blocks = spans(f.file, t.verified, before, f.after);
    if (blocks === null) {
      const task = byHand(path, plain(`rsyncguard fixes on ${path}`));
      out.push(`        - name: ${u(task.name)}`, `          ${task.module}:`, `            msg: ${u(plain(`the fixed text of ${path} does not follow from its edits line by line; edit it by hand (rsyncguard fix shows the fix)`))}`);
      continue;
    }
    for (const note of [...new Set(blocks.flatMap((x) => x.fixes.flatMap((v) => v.notes)))]) out.push(`        # ${plain(note)}`);
    // Bottom-up: every task's block is still the swept text when it runs (spans neither overlap nor adjoin).
    for (const sp of [...blocks].reverse()) {
      const task = editTask(path, sp, before, f.before, f.after, sp.fixes.map(fixName).join('; '));
      out.push(`        - name: ${u(task.name)}`, `          ${task.module}:`, ...task.args.map(([k, val]) => `            ${k}: ${val}`));
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
    // The runner refuses a host whose group is no plain inventory name; this keeps the playbook safe whoever calls it.
    const badGroup = inventoryNameProblem(group, 'group');
    if (badGroup !== null) {
      out.push(`# ${plain(`group ${group}: not fixed: the name ${badGroup}`)}`);
      continue;
    }
    out.push(`- name: ${u(plain(`rsyncguard fixes for ${group}`))}`, `  hosts: ${q(group)}`, '  gather_facts: false', '  tasks:', ...body);
  }
  return `${out.join('\n')}\n`;
}
