/**
 * toSarif's document written as the targets come (stream.ts). Each result and notification is serialized when
 * its target arrives and kept in a spool; what the run's head needs of all of them is kept apart and small:
 * how many results of each severity (GitHub's limit keeps the most severe), and the raised severities and CVE
 * ids each descriptor's help names. A result's ruleIndex is only known once every descriptor is: it is
 * written as a mark and set when the result is copied out.
 */
import type * as Sarif from 'sarif';
import type { Finding, RuleInfo, Severity } from '../engine/index.ts';
import { reportFingerprints } from './baseline-identity.ts';
import type { TargetError, TargetReport } from './model.ts';
import { unusedPublicLines, unusedWaiverLines } from './declared-public.ts';
import { anchorOf } from './sarif-identity.ts';
import { resultsLeftOutCounts } from './sarif-notices.ts';
import { Regions } from './sarif-region.ts';
import { descriptorId, descriptorKeys } from './sarif-severity.ts';
import { descriptor, fixedResult, INFORMATION_URI, LIMITS, NOTHING_SCANNED, notification, placedOf, result, SARIF_SCHEMA, type SarifOptions, TOOL_NAME } from './sarif.ts';
import { shownName } from './shown-name.ts';
import type { Spool, SpoolFactory } from './spool.ts';
import type { ReportHead, ReportStream, ReportTail } from './stream.ts';

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low'] as const;
const RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };
/** ruleIndex until the descriptors are known; no real index is negative but -1. */
const INDEX_MARK = -2147483647;
const MARKED = `"ruleIndex": ${INDEX_MARK}`;
/** In `order`: the result has no record (its rule is not among the run's descriptors). */
const NO_RECORD = 4;

/** One byte per result, in the order the targets gave them: its severity's rank, plus NO_RECORD. */
class ByteList {
  private bytes = new Uint8Array(1024);
  length = 0;
  push(b: number): void {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.length++] = b;
  }
  at(i: number): number {
    return this.bytes[i] ?? 0;
  }
}

/** Something a descriptor's help names (a raised severity's reason, a CVE id), and the first result that names it. */
interface Named<T> {
  value: T;
  /** That result's severity rank and its place among the results of that severity. */
  rank: number;
  k: number;
}

export class SarifStream implements ReportStream {
  private readonly rules: RuleInfo[];
  private readonly byId: Map<string, RuleInfo>;
  private readonly notes: Spool;
  private readonly results: Spool;
  private readonly order = new ByteList();
  private readonly counts = [0, 0, 0, 0];
  private readonly errors: TargetError[] = [];
  private readonly raised = new Map<string, Named<Pick<Finding, 'rule_id' | 'severity' | 'context'>>>();
  private readonly cves = new Map<string, Named<{ descriptor: string; cve: string }>>();

  constructor(
    private readonly head: ReportHead,
    private readonly opts: Omit<SarifOptions, 'texts'>,
    spool: SpoolFactory,
  ) {
    this.rules = head.rules.slice(0, LIMITS.rules).sort((a, b) => a.id.localeCompare(b.id));
    if (head.rules.length > LIMITS.rules) opts.warn(`${head.rules.length} rules exceed GitHub's limit of ${LIMITS.rules}; the rest are left out`);
    this.byId = new Map(this.rules.map((r) => [r.id, r]));
    this.notes = spool();
    this.results = spool();
  }

  target(t: TargetReport, texts: ReadonlyMap<string, string>): void {
    for (const n of t.notes) this.notes.add(JSON.stringify(notification(n.level, n.code, n.message, n.location), null, 2));
    // A target's fingerprints alone: the identity holds the target, so they number as over the whole report.
    const prints = reportFingerprints({ targets: [t] });
    const regions = new Regions(texts);
    const marked = { get: () => INDEX_MARK };
    for (const p of placedOf(t, this.opts.suppressions)) {
      const f = p.finding;
      const rank = RANK[f.severity];
      const k = this.counts[rank] ?? 0;
      this.counts[rank] = k + 1;
      const rule = this.byId.get(f.rule_id);
      if (rule === undefined) {
        this.order.push(rank + NO_RECORD);
        continue;
      }
      this.order.push(rank);
      const id = descriptorId(rule, f.severity);
      if (f.severity !== rule.severity) {
        const key = JSON.stringify([f.rule_id, f.severity, f.context]);
        if (!this.raised.has(key)) this.raised.set(key, { value: { rule_id: f.rule_id, severity: f.severity, context: f.context }, rank, k });
      }
      for (const cve of f.cves ?? []) {
        const key = JSON.stringify([id, cve]);
        if (!this.cves.has(key)) this.cves.set(key, { value: { descriptor: id, cve }, rank, k });
      }
      const r = fixedResult(result(p, id, marked, regions, anchorOf(f), prints.get(f)), p, t.fixes);
      // The JSON text holds no raw NUL (JSON.stringify escapes it): the descriptor id follows the first one.
      this.results.add(`${JSON.stringify(r, null, 2)}\u0000${id}`);
    }
  }

  error(e: TargetError): void {
    this.errors.push(e);
  }

  end(tail: ReportTail, write: (chunk: string) => void): void {
    const total = this.order.length;
    const truncated = total > LIMITS.results;
    // GitHub's limit keeps the most severe: every result of the ranks that fit, the first ones of the rank cut.
    const keep = [0, 0, 0, 0];
    let room = truncated ? LIMITS.results : total;
    for (let r = 0; r < 4; r++) {
      keep[r] = Math.min(this.counts[r] ?? 0, room);
      room -= keep[r] ?? 0;
    }
    const kept = (n: Named<unknown>) => n.k < (keep[n.rank] ?? 0);
    const limited: Sarif.Notification[] = [];
    if (truncated) {
      this.opts.warn(`${total} results exceed GitHub's limit of ${LIMITS.results} per run; the most severe are kept`);
      const left = Object.fromEntries(SEVERITY_ORDER.map((s) => [s, (this.counts[RANK[s]] ?? 0) - (keep[RANK[s]] ?? 0)])) as Record<Severity, number>;
      limited.push(resultsLeftOutCounts(left, total, LIMITS.results));
    }
    const keys = descriptorKeys(
      this.rules,
      [...this.raised.values()].filter(kept).map((n) => n.value),
    );
    const index = new Map(keys.map((k, i) => [descriptorId(k.rule, k.severity), i]));
    const cvesOf = new Map<string, Set<string>>();
    for (const n of this.cves.values()) if (kept(n)) cvesOf.set(n.value.descriptor, (cvesOf.get(n.value.descriptor) ?? new Set()).add(n.value.cve));
    const runEnd = [
      ...this.errors.map((e) => notification('error', 'target-error', `${shownName(e)}: ${e.message}`, null)),
      ...unusedPublicLines(tail).map((u) => notification('warning', 'public-entry-unused', u.message, { file: u.file, line: u.line, column: 1 })),
      ...unusedWaiverLines(tail).map((u) => notification('warning', 'waiver-unused', u.message, { file: u.file, line: u.line, column: 1 })),
      ...(tail.empty_paths ?? []).map((e) => notification('warning', NOTHING_SCANNED, e.message, null)),
      ...limited,
    ];
    const log = {
      $schema: SARIF_SCHEMA,
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: TOOL_NAME, semanticVersion: this.head.tool.version, informationUri: INFORMATION_URI, rules: keys.map((k) => descriptor(k, [...(cvesOf.get(descriptorId(k.rule, k.severity)) ?? [])].sort())) } },
          automationDetails: { id: this.opts.category },
          invocations: [{ executionSuccessful: this.errors.length === 0, toolExecutionNotifications: NOTIFICATIONS }],
          columnKind: 'utf16CodeUnits',
          originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The directory the scan ran in (the repository root in CI).' } } },
          results: RESULTS,
        },
      ],
    };
    const whole = `${JSON.stringify(log, null, 2)}\n`;
    const [before, between, after] = splitAt(whole, [NOTIFICATIONS, RESULTS]);
    write(before.text);
    writeArray(write, before.indent, (each) => {
      this.notes.forEach(each);
      for (const n of runEnd) each(JSON.stringify(n, null, 2));
    });
    write(between.text);
    writeArray(write, between.indent, (each) => {
      const out = (record: string) => {
        const cut = record.indexOf('\u0000');
        each(record.slice(0, cut).replace(MARKED, `"ruleIndex": ${index.get(record.slice(cut + 1)) ?? -1}`));
      };
      if (!truncated) this.results.forEach(out);
      // Most severe first, each severity in the order found (toSarif's stable sort), as many as fit.
      else for (let rank = 0; rank < 4; rank++) this.recordsOfRank(rank, keep[rank] ?? 0, out);
    });
    write(after.text);
  }

  /** The first `n` result records of a severity rank, in the order they came. */
  private recordsOfRank(rank: number, n: number, each: (record: string) => void): void {
    let cursor = 0;
    const seen = [0, 0, 0, 0];
    this.results.forEach((record) => {
      // The next result with a record is this one; those without are counted as they were placed.
      let e = this.order.at(cursor++);
      while (e >= NO_RECORD) {
        seen[e - NO_RECORD] = (seen[e - NO_RECORD] ?? 0) + 1;
        e = this.order.at(cursor++);
      }
      const k = seen[e] ?? 0;
      seen[e] = k + 1;
      if (e === rank && k < n) each(record);
    });
  }

  close(): void {
    this.notes.close();
    this.results.close();
  }
}

const NOTIFICATIONS = '\u0000notifications';
const RESULTS = '\u0000results';

interface Piece {
  text: string;
  /** The indentation of the line the hole after this piece is on. */
  indent: string;
}

/** The document's text around its two holes. */
function splitAt(whole: string, holes: [string, string]): [Piece, Piece, Piece] {
  const out: Piece[] = [];
  let from = 0;
  for (const hole of holes) {
    const written = JSON.stringify(hole);
    const at = whole.indexOf(written, from);
    const lineStart = whole.lastIndexOf('\n', at) + 1;
    out.push({ text: whole.slice(from, at), indent: /^ */.exec(whole.slice(lineStart, at))?.[0] ?? '' });
    from = at + written.length;
  }
  const [a, b] = out;
  if (a === undefined || b === undefined) throw new Error('a SARIF hole was not written');
  return [a, b, { text: whole.slice(from), indent: '' }];
}

/** An array as JSON.stringify(…, null, 2) writes it at `indent`, from items already stringified at depth 0. */
function writeArray(write: (chunk: string) => void, indent: string, items: (each: (item: string) => void) => void): void {
  const inner = `${indent}  `;
  let n = 0;
  items((item) => write(`${n++ === 0 ? '[' : ','}\n${inner}${item.replaceAll('\n', `\n${inner}`)}`));
  write(n === 0 ? '[]' : `\n${indent}]`);
}
