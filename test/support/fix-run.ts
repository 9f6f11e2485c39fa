/**
 * The `fix` truth tests drive the command line exactly as a user does (`node --import tsx src/cli/main.ts`),
 * from inside the repository under test, so display paths are the repository's own; and they judge the result
 * with an independent `scan`, never with what `fix` says about itself.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const PROJECT = resolve(import.meta.dirname, '..', '..');
const MAIN = join(PROJECT, 'src', 'cli', 'main.ts');
// Resolved here: the command runs from a temporary repository where a bare `tsx` would not resolve.
const TSX = import.meta.resolve('tsx');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function cli(cwd: string, args: string[]): CliRun {
  const r = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], { cwd, encoding: 'utf8', timeout: 180_000, maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** A finding as the JSON report has it (the fields the truth tests compare). */
export interface ScannedFinding {
  rule_id: string;
  severity: 'critical' | 'high' | 'medium' | 'low';
  target: string;
  module: string | null;
  path: string;
  message: string;
  location?: { file: string; line: number } | null;
  cves?: string[];
}

export interface Scanned {
  findings: ScannedFinding[];
  errors: { target: string; message: string }[];
  /** Parse diagnostics (notes) per target: code → count. */
  notes: Map<string, Map<string, number>>;
}

/** `scan --format json` of `paths` from `cwd`. */
export function scan(cwd: string, paths: string[] = ['.'], extra: string[] = []): Scanned {
  const r = cli(cwd, ['scan', ...paths, '--format', 'json', '--fail-on', 'none', ...extra]);
  if (r.status !== 0 && r.status !== 2) throw new Error(`scan exited ${r.status}: ${r.stderr}`);
  const report = JSON.parse(r.stdout) as { targets: { target: string; findings: ScannedFinding[]; notes: { code: string }[] }[]; errors: { target: string; message: string }[] };
  const notes = new Map<string, Map<string, number>>();
  for (const t of report.targets) {
    const counts = new Map<string, number>();
    for (const n of t.notes) counts.set(n.code, (counts.get(n.code) ?? 0) + 1);
    notes.set(t.target, counts);
  }
  return { findings: report.targets.flatMap((t) => t.findings), errors: report.errors, notes };
}

/**
 * A finding's identity without its line (what fingerprints and the fix contract use). A CVE finding is one per
 * CVE and target, placed on the first module that meets its condition ("and 2 more modules"): when a fix takes
 * that module out, the same finding moves to the next one, which is not a new finding.
 */
export function identity(f: Pick<ScannedFinding, 'rule_id' | 'target' | 'module' | 'path' | 'cves'>): string {
  if (f.cves !== undefined && f.cves.length > 0) return [f.rule_id, f.target, f.cves.join(',')].join('|');
  return [f.rule_id, f.target, f.module ?? '', f.path].join('|');
}

export const SEVERITY_RANK: Record<string, number> = { low: 1, medium: 2, high: 3, critical: 4 };

/** Every regular file under `dir` (relative path → bytes), for byte-exact before/after comparisons. */
export function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

/** The files whose bytes differ between two snapshots (added and removed files count). */
export function changed(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => !(a.get(n)?.equals(b.get(n) ?? Buffer.alloc(0)) && a.has(n) === b.has(n))).sort();
}
