/**
 * How a fleet's results are laid out in SARIF runs so that GitHub takes every one (issue 21 §5). GitHub
 * rejects a file of more than 20 runs or a run of more than 25,000 results, and stores only the 5,000 most
 * severe results of a run (shared/reference/sarif-github.md §1.9, §1.10). One run per inventory group, as
 * before; a group with more results than a run holds is split by host into parts; more groups than runs
 * share the run "other" (the first groups by name keep theirs, so a group's category does not depend on its
 * counts or on whether its hosts could be read; fewer keep theirs only when that is what stores every result). A host's targets stay in one run, and a host stays in its part while the fleet
 * grows: its part is a hash of its name modulo a power of two, so doubling the parts moves half the hosts
 * of each part and none of the others (each part is its own code-scanning category, and a host that moves
 * closes its alerts in one category and opens them in another).
 */
import { createHash } from 'node:crypto';

export const GITHUB_LIMITS = { runsPerFile: 20, resultsPerRun: 25_000, storedPerRun: 5_000 } as const;

export interface Limits {
  runsPerFile: number;
  resultsPerRun: number;
  storedPerRun: number;
}

/** A host (or a target of no host): what is never split across runs. */
export interface LayoutUnit {
  key: string;
  group: string;
  /** How many SARIF results its targets give. */
  results: number;
}

export interface PlannedRun {
  /** What follows the category prefix: `<group>/`, or `<group>/part-<n>/` for the parts after the first. */
  category: string;
  /** The group, or "other" for groups that share a run. */
  group: string;
  /** 0-based part of the group, and how many parts it has. */
  part: number;
  parts: number;
  /** Units (hosts) in this run. */
  keys: Set<string>;
  results: number;
  /** Groups that share this run because the file had no run left for each. */
  merged: string[];
}

/** The largest number of parts a group is split into: the largest power of two within a file's runs. */
function maxParts(limits: Limits): number {
  let k = 1;
  while (k * 2 <= limits.runsPerFile) k *= 2;
  return k;
}

function bucketHash(key: string): number {
  return Number.parseInt(createHash('sha256').update(key).digest('hex').slice(0, 8), 16);
}

interface Group {
  name: string;
  units: { key: string; results: number; hash: number }[];
  merged: string[];
}

function buckets(g: Group, parts: number): number[] {
  const sums = new Array<number>(parts).fill(0);
  for (const u of g.units) sums[u.hash % parts] = (sums[u.hash % parts] ?? 0) + u.results;
  return sums;
}

/** The fewest parts (a power of two) whose largest holds at most `perRun` results; never more than one part per host. */
function partsFor(g: Group, perRun: number, limits: Limits): number {
  let parts = 1;
  while (parts < maxParts(limits) && parts < g.units.length && Math.max(...buckets(g, parts)) > perRun) parts *= 2;
  return parts;
}

/**
 * The runs of a layout: the first `keep` groups by name have their own, the rest share "other". By name, not
 * by size: a group that gains or loses findings, or whose hosts could not be read, keeps its category.
 */
function binsFor(named: Group[], keep: number): Group[] {
  const kept = named.filter((g) => g.name !== 'other').slice(0, keep);
  const rest = named.filter((g) => !kept.includes(g));
  if (rest.length === 0) return kept;
  const other: Group = {
    name: 'other',
    units: rest.flatMap((g) => g.units),
    merged: rest.map((g) => g.name).filter((n) => n !== 'other'),
  };
  return [...kept, other].sort((a, b) => a.name.localeCompare(b.name));
}

/** Parts small enough that GitHub stores every result, or undefined when the file has not the runs for them. */
function lossless(bins: Group[], limits: Limits): number[] | undefined {
  const parts = bins.map((g) => partsFor(g, limits.storedPerRun, limits));
  if (sum(parts) > limits.runsPerFile) return undefined;
  return bins.every((g, i) => Math.max(...buckets(g, parts[i] ?? 1)) <= limits.storedPerRun) ? parts : undefined;
}

export function planRuns(units: readonly LayoutUnit[], limits: Limits = GITHUB_LIMITS): PlannedRun[] {
  const byName = new Map<string, Group>();
  for (const u of units) {
    const g = byName.get(u.group) ?? { name: u.group, units: [], merged: [] };
    g.units.push({ key: u.key, results: u.results, hash: bucketHash(u.key) });
    byName.set(u.group, g);
  }
  const named = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  const most = named.length <= limits.runsPerFile ? named.length : limits.runsPerFile - 1;
  // Every result stored when some layout can: as many groups with a run of their own as leaves room for the
  // parts; only then do the last groups by name join "other" (the counts decide how many, never which).
  let bins = binsFor(named, most);
  let parts = lossless(bins, limits);
  for (let keep = most - 1; parts === undefined && keep >= 0; keep--) {
    const fewer = binsFor(named, keep);
    parts = lossless(fewer, limits);
    if (parts !== undefined) bins = fewer;
  }
  if (parts === undefined) {
    // No layout stores every result: the most groups keep their run, and the largest splits give way (by
    // name on a tie) until the file has the runs, keeping the parts GitHub accepts while it can.
    parts = bins.map((g) => partsFor(g, limits.storedPerRun, limits));
    const floor = bins.map((g) => partsFor(g, limits.resultsPerRun, limits));
    while (sum(parts) > limits.runsPerFile) {
      const over = parts.map((n, i) => (n > (floor[i] ?? 1) ? n : 0));
      const pick = Math.max(...over) > 0 ? over : parts;
      const i = pick.indexOf(Math.max(...pick));
      parts[i] = Math.max(1, (parts[i] ?? 1) / 2);
    }
  }
  const chosen = parts;
  return bins.flatMap((g, i) => {
    const n = chosen[i] ?? 1;
    return Array.from({ length: n }, (_, part): PlannedRun => {
      const here = g.units.filter((u) => u.hash % n === part);
      return {
        category: part === 0 ? `${g.name}/` : `${g.name}/part-${part}/`,
        group: g.name,
        part,
        parts: n,
        keys: new Set(here.map((u) => u.key)),
        results: here.reduce((s, u) => s + u.results, 0),
        merged: g.merged,
      };
    });
  });
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
