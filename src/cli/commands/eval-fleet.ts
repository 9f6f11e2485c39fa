/**
 * `eval` of host documents is a fleet's report, as `sweep` makes it (issue 17 §4, issue 21 §5): the same
 * SARIF layout (one run per group, under rsyncguard/fleet/, split by host past GitHub's limits), the same
 * regions (each host's own config text) and so the same alerts, whichever path collected the hosts. A group
 * comes from the document (`host.group`, set by whoever ran the collector), else "ungrouped".
 */
import type { FactsDocument } from '../../facts/index.ts';
import { FLEET_FORMATS, REPORT_FORMATS, textKey, type FleetContext, type FormatRegistry, type Report, type TargetError } from '../../report/index.ts';
import type { HostRaw } from '../../sources/index.ts';
import type { ParsedArgs } from '../command.ts';
import { renderContext } from '../render-report.ts';
import { hostTexts } from './host-report.ts';

/** A collector document, whose facts are made when it is evaluated. */
export interface HostDocument {
  hostRaw: HostRaw;
}

export type EvalInput = FactsDocument | TargetError | HostDocument;

export interface EvalFleet<T> {
  /** What to evaluate: the input, less the documents that name a host or target again. */
  read: (T | TargetError)[];
  /** Any host document: render as a fleet. */
  fleet: boolean;
  groupOfHost: ReadonlyMap<string, string>;
  textsOfHost: ReadonlyMap<string, readonly (readonly [string, string])[]>;
}

export const FLEET_CATEGORY = 'rsyncguard/fleet/';

/** The report formats, with SARIF laid out as sweep's and CSV a row per host (text and Markdown show a host column themselves). */
export const EVAL_FLEET_FORMATS: FormatRegistry<Report, FleetContext> = { ...REPORT_FORMATS, sarif: FLEET_FORMATS.sarif, html: FLEET_FORMATS.html, csv: FLEET_FORMATS.csv };

/**
 * Each host's group and texts, and the input without repeats. A host named by two documents (collected
 * twice, or two machines that report one name) would be one alert in SARIF, its findings merged: the later
 * document is refused, as a target that could not be evaluated, so the run never looks complete. The same
 * holds for two facts documents of one target.
 */
export function evalFleet<T extends EvalInput>(input: readonly T[]): EvalFleet<T> {
  const hosts = new Set<string>();
  const targets = new Set<string>();
  const read: (T | TargetError)[] = [];
  const groupOfHost = new Map<string, string>();
  const textsOfHost = new Map<string, readonly (readonly [string, string])[]>();
  const again = (name: string, what: string): TargetError => ({
    target: `${name} (again)`,
    message: `a second document names ${what} ${JSON.stringify(name)}: its findings would merge with the first's, so it is not evaluated`,
    hint: 'Give each host its own name (the collector takes RSYNCGUARD_HOST_NAME) and evaluate each document once.',
  });
  for (const item of input) {
    if ('hostRaw' in item) {
      const host = item.hostRaw.host;
      if (hosts.has(host.name)) {
        read.push(again(host.name, 'the host'));
        continue;
      }
      hosts.add(host.name);
      groupOfHost.set(host.name, host.group ?? 'ungrouped');
      textsOfHost.set(host.name, hostTexts(item.hostRaw));
    } else if (!('schema' in item)) {
      // A host not read, in the group its results line names (eval-outcomes.ts).
      if (item.group !== undefined) groupOfHost.set(item.target, item.group);
    } else {
      if (targets.has(item.target.id)) {
        read.push(again(item.target.id, 'the target'));
        continue;
      }
      targets.add(item.target.id);
    }
    read.push(item);
  }
  // A host's facts document (a sweep's results file, a facts document of a host) is a fleet's too.
  // Nothing read at all: the fleet's layout too, whose SARIF says so in a category of its own; the repository's
  // category (rsyncguard/) uploaded empty would close every alert of the repository's scans.
  const nothingRead = input.every((i) => !('hostRaw' in i) && !('schema' in i));
  const fleet = groupOfHost.size > 0 || nothingRead || input.some((i) => 'schema' in i && i.target.kind === 'host');
  return { read, fleet, groupOfHost, textsOfHost };
}

/** The host of a host target (`<host>:<path>`, facts/daemon.ts; as report's hostOfTarget), or the target itself. */
function hostOf(target: string): string {
  const at = target.indexOf(':/');
  return at > 0 ? target.slice(0, at) : target;
}

/** What a fleet's formats need: sweep's category, each host's texts by target, and each target's host and group. */
export function evalFleetContext<T>(args: ParsedArgs, fleet: EvalFleet<T>, report: Report): FleetContext {
  const texts = new Map<string, string>();
  for (const t of report.targets) for (const [path, text] of fleet.textsOfHost.get(hostOf(t.target)) ?? []) texts.set(textKey(t.target, path), text);
  return {
    ...renderContext(args, { texts, category: FLEET_CATEGORY }),
    hostOf,
    groupOf: (t) => fleet.groupOfHost.get(hostOf(t)) ?? 'ungrouped',
  };
}
