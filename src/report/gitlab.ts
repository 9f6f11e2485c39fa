/**
 * GitLab Code Quality JSON (`artifacts:reports:codequality`): an array of issues, each with a description, a
 * check_name, a fingerprint, a severity and a location (path relative to the repository, lines.begin).
 *
 * Severity: GitLab's scale has five steps (info, minor, major, critical, blocker), ours four; each of ours keeps
 * its rank from the top — critical → blocker, high → critical, medium → major, low → minor — so a merge request
 * widget sorts our findings as we do, and `info` is left for notes (files not read, includes not followed),
 * which every format must show beside the findings.
 *
 * Fingerprint: GitLab matches issues between the source and target branches by fingerprint alone and keeps only
 * the first of equal ones, so it must be unique in a report and stable across edits that do not change what a
 * finding is about. It is the SHA-256 of the finding's report fingerprint (the one JSON, SARIF and --baseline
 * share: baseline-identity.ts), which already has both properties; hex, as GitLab's examples are.
 */
import { createHash } from 'node:crypto';
import type { Finding, Severity } from '../engine/index.ts';
import { reportFingerprints } from './baseline-identity.ts';
import { escapeJsonText } from './escape-controls.ts';
import { shownNotes, type Report } from './model.ts';
import { anchorOf, hostOfTarget } from './sarif-identity.ts';
import { TARGET_KINDS, type TargetKind } from './target-kinds.ts';
import { shownName } from './shown-name.ts';

export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export const GITLAB_SEVERITY: Readonly<Record<Severity, CodeQualitySeverity>> = { critical: 'blocker', high: 'critical', medium: 'major', low: 'minor' };

export interface CodeQualityIssue {
  type: 'issue';
  check_name: string;
  description: string;
  categories: string[];
  severity: CodeQualitySeverity;
  fingerprint: string;
  location: { path: string; lines: { begin: number } };
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A path GitLab can link to: relative, with the separators of a URL. */
function repoPath(file: string): string {
  return file
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '');
}

/**
 * Where an issue is placed. A file target's files are the repository's. A host's or an image's are not: their
 * `/etc/rsyncd.conf` made relative would be the repository's `etc/rsyncd.conf` (config-management repositories
 * have one), and GitLab would pin the host's finding on that file in a merge request's diff. Their paths are put
 * under a first directory named as the description names them, `[host web1]/etc/rsyncd.conf`,
 * `[image registry/app:1]/etc/rsyncd.conf`: no repository file is there by accident.
 */
export function issuePath(kind: TargetKind, target: string, file: string): string {
  if (kind === 'file') return repoPath(file);
  // A host's target is `<host>:<path>` and an image's `<repository>:<path>` (sarif-identity.ts, facts/image.ts).
  return `[${kind} ${hostOfTarget(target).replace(/[[\]]/g, '_')}]/${repoPath(file)}`;
}

export function codeQualityIssues(report: Report): CodeQualityIssue[] {
  const prints = reportFingerprints(report);
  const issues: CodeQualityIssue[] = [];
  for (const t of report.targets) {
    // Hosts and images are not files of the repository: their name leads the description, as in SARIF.
    const prefix = TARGET_KINDS[t.kind].sarifPrefix(shownName(t));
    for (const f of t.findings) {
      const at = anchorOf(f);
      issues.push({
        type: 'issue',
        check_name: f.rule_id,
        // The message is a full sentence that names the problem (the title would repeat it); the rule id is check_name.
        description: `${prefix}${f.message}${cves(f)}`,
        categories: ['Security'],
        severity: GITLAB_SEVERITY[f.severity],
        fingerprint: sha256(prints.get(f) ?? JSON.stringify([f.rule_id, f.target, at.file, f.path])),
        location: { path: issuePath(t.kind, t.target, at.file), lines: { begin: Math.max(1, at.line) } },
      });
    }
    for (const n of shownNotes(t)) {
      const file = n.location?.file ?? anchorOf({ target: t.target, location: null }).file;
      issues.push({
        type: 'issue',
        check_name: `rsyncguard/${n.code}`,
        description: `${prefix}${n.message}`,
        categories: ['Security'],
        severity: 'info',
        // A note is about a file and what was (not) read there: the same note on the next run is the same issue.
        // Never its message, which may name other files' lines ("named by a/rsyncd.conf:1 and b/rsyncd.conf:1"):
        // an edit elsewhere would resolve it and open a new one.
        fingerprint: sha256(JSON.stringify(['note', n.code, t.target, file, concerns(n.message)])),
        location: { path: issuePath(t.kind, t.target, file), lines: { begin: Math.max(1, n.location?.line ?? 1) } },
      });
    }
  }
  // A target that could not be evaluated is an issue too, never an absence GitLab would read as fixed.
  for (const e of report.errors) {
    // Of no kind the report knows (a target that could not be read has no facts): placed at its own name, as SARIF does.
    const file = anchorOf({ target: e.target, location: null }).file;
    issues.push({
      type: 'issue',
      check_name: 'rsyncguard/not-evaluated',
      description: `${shownName(e)} could not be evaluated: ${e.message}${e.hint ? ` (${e.hint})` : ''}`,
      categories: ['Security'],
      // The run exits 2 whatever --fail-on says: as blocking as anything rsyncguard reports.
      severity: 'blocker',
      fingerprint: sha256(JSON.stringify(['not-evaluated', e.target])),
      location: { path: repoPath(file), lines: { begin: 1 } },
    });
  }
  return unique(issues);
}

/**
 * The path a note is about (the secrets file, the include): its first word with a "/" in it, without the
 * `:line` a message may add; "" when it names none (the note is about the file it is placed in).
 */
export function concerns(message: string): string {
  const word = /[^\s"'(]*\/[^\s"')]*/.exec(message)?.[0] ?? '';
  return word.replace(/[.,;:]+$/, '').replace(/(:\d+)+$/, '');
}

/** GitLab keeps only the first issue of a fingerprint: a repeat (two equal notes, two errors of one target) is numbered. */
function unique(issues: CodeQualityIssue[]): CodeQualityIssue[] {
  const seen = new Map<string, number>();
  return issues.map((i) => {
    const n = (seen.get(i.fingerprint) ?? 0) + 1;
    seen.set(i.fingerprint, n);
    return n === 1 ? i : { ...i, fingerprint: sha256(`${i.fingerprint}:${n}`) };
  });
}

function cves(f: Finding): string {
  return f.cves && f.cves.length > 0 ? ` (${f.cves.join(', ')})` : '';
}

/** The report as GitLab reads it. */
export function toGitlab(report: Report): string {
  // JSON escapes C0 controls; the rest a terminal acts on are escaped too (the report may be printed).
  return `${escapeJsonText(JSON.stringify(codeQualityIssues(report), null, 2))}\n`;
}
