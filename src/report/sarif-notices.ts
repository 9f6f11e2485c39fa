/**
 * Run-level notifications that say, in the SARIF itself, what a run leaves out or where the rest of a group
 * is (issue 21 §5): a warning on stderr is lost in CI, an upload is read later by someone else.
 */
import type * as Sarif from 'sarif';
import type { Finding } from '../engine/index.ts';
import type { PlannedRun } from './sarif-layout.ts';

const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;

function notice(level: 'error' | 'warning' | 'note', id: string, text: string): Sarif.Notification {
  return { level, message: { text }, descriptor: { id } };
}

function bySeverity(findings: readonly Finding[]): string {
  const n = (s: string) => findings.filter((f) => f.severity === s).length;
  return SEVERITIES.filter((s) => n(s) > 0)
    .map((s) => `${n(s)} ${s}`)
    .join(', ');
}

/** A run cut to GitHub's hard limit: how many results, of which severities, are not in the file. */
export function resultsLeftOut(left: readonly Finding[], total: number, limit: number): Sarif.Notification {
  return leftOutNotice(left.length, bySeverity(left), total, limit);
}

/** resultsLeftOut from how many of each severity are left out (a streamed run holds no findings). */
export function resultsLeftOutCounts(left: Readonly<Record<(typeof SEVERITIES)[number], number>>, total: number, limit: number): Sarif.Notification {
  const named = SEVERITIES.filter((s) => left[s] > 0)
    .map((s) => `${left[s]} ${s}`)
    .join(', ');
  return leftOutNotice(
    SEVERITIES.reduce((n, s) => n + left[s], 0),
    named,
    total,
    limit,
  );
}

function leftOutNotice(count: number, named: string, total: number, limit: number): Sarif.Notification {
  return notice(
    'error',
    'results-left-out',
    `${count} of this run's ${total} results are left out of this file (${named}): GitHub rejects a run of more than ${limit} results, so the most severe ${limit} are kept. The JSON report has every finding.`,
  );
}

/** A run over what GitHub stores (accepted, but only the most severe become alerts). */
export function resultsNotStored(total: number, stored: number): Sarif.Notification {
  return notice(
    'warning',
    'results-not-stored',
    `This run has ${total} results: GitHub stores the ${stored} most severe results of a run, so ${total - stored} will not show as alerts. The file has room for no more runs; the JSON report has every finding.`,
  );
}

/**
 * The category of the one run a fleet's log has when no host at all was read: it holds no result ever, so
 * uploading it empty closes nothing (a group's own category would lose all its alerts). A hyphen: no Ansible
 * group is named so.
 */
export const NO_HOST_READ = 'no-host-read/';

/** A host that could not be read, as sarif.ts says it in the run of its group. */
export function targetError(target: string, message: string): Sarif.Notification {
  return notice('error', 'target-error', `${target}: ${message}`);
}

/** A run left out of the file because none of its hosts was read. */
export function runLeftOut(run: PlannedRun, prefix: string): Sarif.Notification {
  const what = run.parts > 1 ? `Part ${run.part} of group "${run.group}"` : `Group "${run.group}"`;
  return notice(
    'error',
    'run-left-out',
    `${what} (category ${prefix}${run.category}): none of its ${run.keys.size === 1 ? 'host was' : `${run.keys.size} hosts were`} read, so its run is left out of this file. Uploaded empty, it would close all of its alerts as fixed; left out, they stay as they were until its hosts are read again.`,
  );
}

/** Where the rest of a split group or the groups of a shared run are. */
export function layoutNotices(run: PlannedRun, prefix: string): Sarif.Notification[] {
  const out: Sarif.Notification[] = [];
  if (run.parts > 1) {
    out.push(
      notice(
        'note',
        'group-split',
        `Group "${run.group}" has too many results for one run: it is split by host into ${run.parts} runs (categories ${prefix}${run.group}/ and ${prefix}${run.group}/part-1/ to part-${run.parts - 1}/); this is part ${run.part}, with ${run.keys.size} hosts. A host's part is a hash of its name, so it stays there until the number of parts changes.`,
      ),
    );
  }
  if (run.merged.length > 0) {
    out.push(notice('note', 'groups-merged', `Groups ${run.merged.map((g) => `"${g}"`).join(', ')} share this run: GitHub takes at most 20 runs per file, and the groups before them by name have a run each.`));
  }
  return out;
}
