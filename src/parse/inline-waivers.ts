/**
 * Inline waivers: a whole-line comment `# rsyncguard: ignore RSYNC-### reason` directly above a parameter or
 * module header. rsyncd.conf has comments only at line start (a trailing `# …` is part of the value), so a
 * waiver can only be a line of its own; it applies to the next line that is not itself a waiver.
 */
import { diagnostic, type Diagnostic } from '../common/index.ts';

export interface InlineWaiver {
  rule: string;
  reason: string;
  file: string;
  /** The comment's line. */
  line: number;
  /** The line it waives. */
  target_line: number;
}

const WAIVER = /^[ \t]*[#;][ \t]*rsyncguard:[ \t]*ignore\b(.*)$/i;
const PUBLIC_DECLARATION = /^[ \t]*[#;][ \t]*rsyncguard:[ \t]*public\b/i;
const BODY = /^[ \t]+(RSYNC-\d{3})(?:[ \t]+(.*\S))?[ \t]*$/;

export function inlineWaivers(bytes: Uint8Array, file: string): { waivers: InlineWaiver[]; diagnostics: Diagnostic[] } {
  // Quick exit: most files have none, and this runs on every file parsed.
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf('rsyncguard:') < 0) return { waivers: [], diagnostics: [] };
  const lines = Buffer.from(bytes).toString('utf8').split('\n');
  const waivers: InlineWaiver[] = [];
  const diagnostics: Diagnostic[] = [];
  const pending: Omit<InlineWaiver, 'target_line'>[] = [];
  lines.forEach((text, i) => {
    const m = WAIVER.exec(text.replace(/\r$/, ''));
    // A `# rsyncguard: public` declaration may stand between waivers and their line: it is no target.
    if (!m && PUBLIC_DECLARATION.test(text)) return;
    if (!m) {
      for (const w of pending.splice(0)) waivers.push({ ...w, target_line: i + 1 });
      return;
    }
    const body = BODY.exec(m[1] ?? '');
    const at = { file, line: i + 1, column: 1 };
    if (!body?.[1]) {
      diagnostics.push(diagnostic('warning', 'inline-waiver-malformed', 'This rsyncguard waiver comment does not name a rule: it waives nothing.', at, 'Write "# rsyncguard: ignore RSYNC-### why it is acceptable".'));
    } else if (!body[2]) {
      diagnostics.push(diagnostic('warning', 'inline-waiver-without-reason', `The waiver for ${body[1]} gives no reason: it waives nothing.`, at, `Write "# rsyncguard: ignore ${body[1]} why it is acceptable".`));
    } else {
      pending.push({ rule: body[1].toUpperCase(), reason: body[2], file, line: i + 1 });
    }
  });
  return { waivers, diagnostics };
}
