/**
 * One sentence of a rule's help for a table cell: the first prose sentence, without headings, "Avoid:" or
 * "Prefer:" snippet labels and code blocks. A sentence ends at `.`, `!` or `?` outside inline code, not after
 * an abbreviation ("e.g.") and not inside a number ("3.4.0"). Prose that leads into a short snippet
 * ("bind rsync to loopback:") takes the snippet inline; a longer one ends the sentence there.
 */
const ABBREVIATIONS = /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|cf|approx)\.$/i;
const LABEL = /^(?:avoid|prefer|instead|example|for example)\b[^:]*:$/i;
const MAX_INLINE_LINES = 3;

interface Block {
  prose: string[];
  code: string[];
}

/** Paragraphs of prose, each with the code block that follows it (if any). */
function blocks(markdown: string): Block[] {
  const out: Block[] = [];
  let current: Block = { prose: [], code: [] };
  let fence = false;
  const flush = (): void => {
    if (current.prose.length > 0) out.push(current);
    current = { prose: [], code: [] };
  };
  for (const raw of markdown.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('```')) {
      fence = !fence;
      if (!fence) flush();
      continue;
    }
    if (fence) {
      current.code.push(line);
      continue;
    }
    if (line === '') {
      // A blank line between prose and its snippet ("…from a mounted file:", blank, code) keeps them together.
      if (!current.prose.at(-1)?.endsWith(':')) flush();
      continue;
    }
    if (line.startsWith('#') || LABEL.test(line)) {
      flush();
      continue;
    }
    if (current.code.length > 0) flush();
    current.prose.push(line.replace(/^(?:[-*+]|\d+\.)\s+/, ''));
  }
  flush();
  return out;
}

/** The index just past the first sentence end in `text`, or -1. */
function sentenceEnd(text: string): number {
  let code = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '`') code = !code;
    if (code || (c !== '.' && c !== '!' && c !== '?')) continue;
    let j = i + 1;
    while (text[j] === ')' || text[j] === '"' || text[j] === "'") j++;
    if (j >= text.length) return j;
    if (!/\s/.test(text[j] ?? '')) continue; // "3.4.0", "rsyncd.conf"
    if (c === '.' && ABBREVIATIONS.test(text.slice(0, i + 1))) continue;
    return j;
  }
  return -1;
}

function strip(text: string): string {
  return text
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function firstSentence(block: Block): string | undefined {
  const text = strip(block.prose.join(' '));
  const end = sentenceEnd(text);
  if (end > 0) return text.slice(0, end);
  if (!text.endsWith(':')) return undefined;
  const code = block.code.filter((l) => l !== '');
  if (code.length > 0 && code.length <= MAX_INLINE_LINES && code.every((l) => !l.includes('`'))) {
    return `${text} ${code.map((l) => `\`${l}\``).join(', ')}.`;
  }
  return `${text.slice(0, -1)}.`;
}

/** The first full sentence of `help`; when the help has none, the first of `fallback` (the description). */
export function fixSentence(help: string, fallback = ''): string {
  for (const source of [help, fallback]) {
    for (const block of blocks(source)) {
      const s = firstSentence(block);
      if (s) return s;
    }
  }
  return '';
}
