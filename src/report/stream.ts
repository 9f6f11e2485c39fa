/**
 * A report written as its targets come (issue 20): each target is handed over once evaluated, turned into
 * its part of the document and dropped, and the document is written at the end from those parts and the few
 * totals its head needs. Same bytes as the format's whole-report writer for the same targets.
 */
import type { Report, TargetError, TargetReport } from './model.ts';

/** What is known before the first target: the tool and the rules of the run's policies. */
export type ReportHead = Pick<Report, 'tool' | 'rules'>;

/** What is known after the last: the waivers and `public:` entries the run did not use. */
export type ReportTail = Pick<Report, 'expired_waivers' | 'unused_public' | 'unused_waivers' | 'empty_paths'>;

export interface ReportStream {
  /** One evaluated target, with the texts of its files (SARIF regions). */
  target(t: TargetReport, texts: ReadonlyMap<string, string>): void;
  error(e: TargetError): void;
  /** The whole document, handed to `write` in pieces. */
  end(tail: ReportTail, write: (chunk: string) => void): void;
  /** Frees the spools; called whether or not `end` was. */
  close(): void;
}
