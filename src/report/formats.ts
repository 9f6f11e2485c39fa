/**
 * Output formats by name, one registry per kind of output (a report, a fleet report, the rule catalog). The
 * CLI's --format choices and help, the Action's `format` input and its file names all read these tables, so
 * a format exists everywhere or nowhere; an unknown name is an error listing the known ones, never a fallback.
 */
import { fail, ok, UserError, type Result } from '../common/index.ts';
import type { RuleInfo } from '../engine/index.ts';
import { paint } from './colour.ts';
import { toCsv, toFleetCsv } from './csv.ts';
import { toFleetMarkdown, toGroupedSarif, writeGroupedSarif } from './fleet.ts';
import { toGitlab } from './gitlab.ts';
import { toHtml, toTrendHtml } from './html/index.ts';
import { JsonStream, toJson, writeJson } from './json.ts';
import { toJunit } from './junit.ts';
import { toMarkdown } from './markdown.ts';
import type { Report } from './model.ts';
import type { TrendReport } from './trend-model.ts';
import type { SweptHost } from './trend-record.ts';
import { toTrendJson } from './trend-json.ts';
import { toTrendMarkdown } from './trend-markdown.ts';
import type { CveListing } from './cve-catalog.ts';
import { cvesJson, cvesMarkdown, cvesText } from './cve-list.ts';
import { rulesJson, rulesMarkdown, rulesText } from './rules-catalog.ts';
import { toSarif } from './sarif.ts';
import { SarifStream } from './sarif-stream.ts';
import type { SpoolFactory } from './spool.ts';
import type { ReportHead, ReportStream } from './stream.ts';
import { TextStream, toText } from './text.ts';

/** One format: every renderer of a registry has the same signature; what it needs beyond the subject is in ctx. */
export interface Format<Subject, Context> {
  render(subject: Subject, ctx: Context): string;
  /** The same text as render, handed to `write` in pieces: for output larger than one string may be (a fleet's JSON). */
  write?(subject: Subject, ctx: Context, write: (chunk: string) => void): void;
  /** With its dot: a file name for this format is `<name><extension>`. */
  extension: string;
  mediaType: string;
  description: string;
}

export type FormatRegistry<Subject, Context> = Readonly<Record<string, Format<Subject, Context>>>;

/** What the report formats may need beyond the report; each reads only its own part. */
export interface RenderContext {
  /** ANSI colour in text: the caller decides (a terminal that wants it), never the formatter. */
  colour: boolean;
  /** File texts for SARIF regions and fingerprints, by path or by `textKey(target, path)`. */
  texts: ReadonlyMap<string, string>;
  /** SARIF automationDetails.id. */
  category: string;
  /** Waived findings as suppressed SARIF results. */
  suppressions: boolean;
  /** Where a format says it had to leave something out (SARIF's limits). */
  warn: (message: string) => void;
  /** --explain: text and Markdown list every CVE considered and why it is not reported (JSON always has it). */
  explain?: boolean;
  /** Text: a "fix:" line under each finding (src/report/fix-hint.ts); false with --no-hints. Absent means shown. */
  hints?: boolean;
  /** `sweep --history DIR`: the fleet's history including this run, for the HTML report's trend chart. */
  trend?: TrendReport;
}

export const REPORT_FORMATS = {
  text: {
    render: (report, ctx) => toText(report, paint(ctx.colour), { explain: ctx.explain === true, hints: ctx.hints !== false }),
    extension: '.txt',
    mediaType: 'text/plain',
    description: 'Findings grouped by target and module, for a terminal',
  },
  json: {
    render: (report) => toJson(report),
    write: (report, _ctx, write) => writeJson(report, write),
    extension: '.json',
    mediaType: 'application/json',
    description: 'The rsyncguard/report@1 document: facts, findings, waived findings and errors',
  },
  markdown: {
    render: (report, ctx) => toMarkdown(report, { explain: ctx.explain === true }),
    extension: '.md',
    mediaType: 'text/markdown',
    description: 'A summary and a findings table, for a pull-request comment',
  },
  sarif: {
    render: (report, ctx) => toSarif(report, { category: ctx.category, suppressions: ctx.suppressions, texts: ctx.texts, warn: ctx.warn }),
    extension: '.sarif',
    mediaType: 'application/sarif+json',
    description: 'SARIF 2.1.0 for GitHub code scanning',
  },
  html: {
    render: (report, ctx) => toHtml(report, ctx),
    extension: '.html',
    mediaType: 'text/html',
    description: 'One self-contained page (no network): overview, a findings table that sorts and filters, each finding with its config lines and fix',
  },
  junit: {
    render: (report) => toJunit(report),
    extension: '.xml',
    mediaType: 'application/xml',
    description: 'JUnit XML for Jenkins and GitLab test reports: a testsuite per target, a testcase per rule, a failure per finding',
  },
  gitlab: {
    render: (report) => toGitlab(report),
    extension: '.codequality.json',
    mediaType: 'application/json',
    description: "GitLab Code Quality JSON (artifacts:reports:codequality), fingerprints stable like SARIF's",
  },
  csv: {
    render: (report) => toCsv(report),
    extension: '.csv',
    mediaType: 'text/csv',
    description: 'One row per target: status, findings per severity, the rules that fire most (RFC 4180, safe to open in a spreadsheet)',
  },
} as const satisfies FormatRegistry<Report, RenderContext>;

export type ReportFormatName = keyof typeof REPORT_FORMATS;

/**
 * The report formats that can be written as the targets come (stream.ts), each giving the same bytes as its
 * REPORT_FORMATS writer: a repository scan then holds no target after it is evaluated (issue 20).
 */
export const REPORT_STREAMS: Readonly<Partial<Record<ReportFormatName, (head: ReportHead, ctx: RenderContext, spool: SpoolFactory) => ReportStream>>> = {
  text: (head, ctx, spool) => new TextStream(head, paint(ctx.colour), { explain: ctx.explain === true, hints: ctx.hints !== false }, spool),
  json: (head, _ctx, spool) => new JsonStream(head, spool),
  sarif: (head, ctx, spool) => new SarifStream(head, { category: ctx.category, suppressions: ctx.suppressions, warn: ctx.warn }, spool),
};

/** A sweep's report: which host and which inventory group each target belongs to. */
export interface FleetContext extends RenderContext {
  hostOf: (target: string) => string;
  groupOf: (target: string) => string;
  /** Every host the sweep tried and what became of it (unreachable, timeout, …), for the CSV's row per host; eval of documents has none. */
  swept?: readonly SweptHost[];
}

/**
 * The same names as REPORT_FORMATS (a test holds them equal): Markdown becomes a fleet overview and SARIF
 * one run per inventory group; text and JSON are the report's own.
 */
export const FLEET_FORMATS = {
  text: REPORT_FORMATS.text,
  json: REPORT_FORMATS.json,
  markdown: { ...REPORT_FORMATS.markdown, render: (report, ctx) => toFleetMarkdown(report, ctx.hostOf, { explain: ctx.explain === true }), description: 'Hosts × severity, the rules that fire most, the hosts not evaluated' },
  sarif: {
    ...REPORT_FORMATS.sarif,
    // The run categories come from the groups (`<category><group>/`), so the prefix is the fleet's.
    render: (report, ctx) => toGroupedSarif(report, ctx.groupOf, ctx.category, { suppressions: ctx.suppressions, texts: ctx.texts, warn: ctx.warn }, ctx.hostOf),
    write: (report, ctx, write) => writeGroupedSarif(report, ctx.groupOf, ctx.category, { suppressions: ctx.suppressions, texts: ctx.texts, warn: ctx.warn }, write, ctx.hostOf),
    description: 'SARIF 2.1.0 with one run per inventory group, split by host past GitHub limits',
  },
  html: {
    ...REPORT_FORMATS.html,
    // With --history the sweep passes ctx.trend: the page gains the trend chart.
    render: (report, ctx) => toHtml(report, ctx, { hostOf: ctx.hostOf, groupOf: ctx.groupOf }),
    description: 'One self-contained page: hosts by group as a heat map, findings that sort and filter by group and host, the hosts not evaluated',
  },
  junit: REPORT_FORMATS.junit,
  gitlab: REPORT_FORMATS.gitlab,
  csv: {
    ...REPORT_FORMATS.csv,
    render: (report, ctx) => toFleetCsv(report, ctx),
    description: 'One row per host: group, status (evaluated, unreachable, …), findings per severity, the rules that fire most',
  },
} as const satisfies FormatRegistry<Report, FleetContext>;

/** The rule catalog needs nothing beyond the rules. */
export type NoContext = Readonly<Record<string, never>>;

export const RULES_FORMATS = {
  text: { render: (rules) => rulesText(rules), extension: '.txt', mediaType: 'text/plain', description: 'One rule per line: id, severity, title, CWE, NIST/PCI/CIS controls' },
  json: { render: (rules) => rulesJson(rules), extension: '.json', mediaType: 'application/json', description: 'Every rule with its metadata, and the compliance controls table' },
  markdown: { render: (rules) => rulesMarkdown(rules), extension: '.md', mediaType: 'text/markdown', description: 'A table of the rules' },
} as const satisfies FormatRegistry<RuleInfo[], NoContext>;

/** `rules --cves`: the same names as RULES_FORMATS, for the vulnerability data. */
export const CVE_FORMATS = {
  text: { render: (cves) => cvesText(cves), extension: '.txt', mediaType: 'text/plain', description: 'One vulnerability per line: id, severity, fixed version, rule, condition' },
  json: { render: (cves) => cvesJson(cves), extension: '.json', mediaType: 'application/json', description: 'Every vulnerability with its data' },
  markdown: { render: (cves) => cvesMarkdown(cves), extension: '.md', mediaType: 'text/markdown', description: 'A table of the vulnerabilities' },
} as const satisfies FormatRegistry<CveListing, NoContext>;

/** `rsyncguard trend DIR`: a fleet's history (sweep --history) per host and per rule. */
export const TREND_FORMATS = {
  json: { render: (trend) => toTrendJson(trend), extension: '.json', mediaType: 'application/json', description: 'The rsyncguard/trend@1 document: runs, hosts and rules with every finding' },
  markdown: { render: (trend) => toTrendMarkdown(trend), extension: '.md', mediaType: 'text/markdown', description: 'Sweeps, hosts not swept, open, fixed and regressed findings per host and rule' },
  html: { render: (trend) => toTrendHtml(trend), extension: '.html', mediaType: 'text/html', description: 'The trend as one self-contained page: a chart, sweeps, hosts, rules and findings that sort and filter' },
} as const satisfies FormatRegistry<TrendReport, NoContext>;

export function formatNames<S, C>(registry: FormatRegistry<S, C>): string[] {
  return Object.keys(registry);
}

/** The sentence every front end uses for a name the registry does not have. */
export function unknownFormatMessage<S, C>(registry: FormatRegistry<S, C>, name: string): string {
  return `must be one of ${formatNames(registry).join(', ')}, not "${name}"`;
}

/** The format called `name`; an unknown name is an error naming `option` and the known names. */
export function pickFormat<S, C>(registry: FormatRegistry<S, C>, name: string, option = '--format'): Result<Format<S, C>> {
  const format = Object.hasOwn(registry, name) ? registry[name] : undefined;
  return format !== undefined ? ok(format) : fail(new UserError(`${option} ${unknownFormatMessage(registry, name)}`));
}

/** A type guard for inputs read as plain strings (the Action's). */
export function isFormatName<R extends FormatRegistry<unknown, never>>(registry: R, name: string): name is Extract<keyof R, string> {
  return Object.hasOwn(registry, name);
}
