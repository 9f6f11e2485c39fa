/**
 * The one line a report shows under a finding as "fix:": the first full sentence of the rule's help. The help
 * is Markdown written for GitHub (an instruction, then Avoid/Prefer config snippets in code fences); people
 * reading a terminal or a table cell need the instruction, not the snippet (issue 18). A sentence that ends in a
 * colon to introduce a snippet of one or two short lines keeps them inline as code (`bind rsync to loopback:
 * `address = 127.0.0.1``), since the sentence means nothing without them; longer snippets are left out.
 */
import type { RuleInfo } from '../engine/index.ts';
import { escapeControls } from './escape-controls.ts';

/** A hint longer than this (a custom policy's help without a full stop) is cut, with an ellipsis. */
export const MAX_HINT_CHARS = 300;

/** Inline at most this many snippet lines, of at most this many characters in all, after a colon. */
const INLINE_LINES = 2;
const INLINE_CHARS = 60;

/** Abbreviations whose full stop does not end a sentence ("e.g. `openssl rand -base64 24`"). */
const ABBREVIATIONS = /(?:^|[\s(])(?:e\.g|i\.e|cf|vs|etc|approx|incl)\.$/i;

interface Block {
  kind: 'prose' | 'code';
  lines: string[];
}

/** Paragraphs of prose and fenced code blocks, in order; headings and blank lines separate them. */
function blocks(markdown: string): Block[] {
  const out: Block[] = [];
  let current: Block | undefined;
  let fence: string | undefined;
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const marker = /^\s*(```+|~~~+)/.exec(line)?.[1];
    if (fence !== undefined) {
      if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) {
        fence = undefined;
        current = undefined;
      } else current?.lines.push(line);
      continue;
    }
    if (marker !== undefined) {
      fence = marker;
      current = { kind: 'code', lines: [] };
      out.push(current);
      continue;
    }
    if (line.trim() === '' || /^\s*#{1,6}\s/.test(line)) {
      current = undefined;
      continue;
    }
    if (current?.kind !== 'prose') {
      current = { kind: 'prose', lines: [] };
      out.push(current);
    }
    current.lines.push(line.trim());
  }
  return out;
}

/** "Avoid:", "Prefer (a drop box):": a label for the snippet after it, not an instruction. */
const isLabel = (text: string): boolean => /^(avoid|prefer|example|instead)\b[^.]*:$/i.test(text);

/** List markers and emphasis go; inline code stays (it reads as code in a terminal as in Markdown). */
function plain(line: string): string {
  return line
    .replace(/^(?:[-*+]|\d+[.)])\s+/, '')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/__([^_]+)__/g, '$1');
}

/** The text up to the first full stop, question or exclamation mark that ends a sentence (outside code and brackets), or null. */
function firstSentence(text: string): string | null {
  let code = false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '`') code = !code;
    if (code) continue;
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if ((c === '.' || c === '!' || c === '?') && depth === 0) {
      const next = text[i + 1];
      if (next !== undefined && !/\s/.test(next)) continue;
      const sentence = text.slice(0, i + 1);
      if (c === '.' && ABBREVIATIONS.test(sentence)) continue;
      return sentence;
    }
  }
  return null;
}

/** A code block short enough to read inline: `a`, `b`. */
function inlineSnippet(block: Block | undefined): string | null {
  const lines = (block?.lines ?? []).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  if (lines.length === 0 || lines.length > INLINE_LINES || lines.join('').length > INLINE_CHARS || lines.some((l) => l.includes('`'))) return null;
  return lines.map((l) => `\`${l}\``).join(', ');
}

/** One line for any format: a custom policy's help may hold control characters, shown escaped like every message. */
function capped(text: string): string {
  const line = escapeControls(text);
  return line.length <= MAX_HINT_CHARS ? line : `${line.slice(0, MAX_HINT_CHARS - 1).trimEnd()}…`;
}

/** The rule's fix in one sentence, from its help (raw, not escaped: its newlines separate blocks); null when it has no prose. */
export function fixHint(rule: Pick<RuleInfo, 'help'>): string | null {
  const all = blocks(rule.help);
  for (const [i, block] of all.entries()) {
    if (block.kind !== 'prose') continue;
    const text = block.lines.map(plain).join(' ').replace(/\s+/g, ' ').trim();
    if (text === '' || isLabel(text)) continue;
    const sentence = firstSentence(text);
    if (sentence !== null) return capped(sentence);
    // No full stop in the paragraph: a lead-in to the snippet after it ("… and bind rsync to loopback:").
    if (text.endsWith(':')) {
      const snippet = inlineSnippet(all[i + 1]?.kind === 'code' ? all[i + 1] : undefined);
      return capped(snippet === null ? `${text.slice(0, -1).trimEnd()}.` : `${text} ${snippet}.`);
    }
    return capped(text);
  }
  return null;
}

/** Every rule's hint by id, for a formatter that shows one per finding. */
export function fixHints(rules: readonly Pick<RuleInfo, 'id' | 'help'>[]): Map<string, string | null> {
  return new Map(rules.map((r) => [r.id, fixHint(r)]));
}
