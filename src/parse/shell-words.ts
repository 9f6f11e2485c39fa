/**
 * Just enough of the POSIX shell to read the command lines images run: words with their quotes removed,
 * split into simple commands at `;`, `&&`, `||`, `|`, `&` and newlines. No expansion: `$VAR` stays as
 * written, because the image config cannot say what it will hold at run time.
 */

export type SimpleCommand = string[];

const OPERATORS = new Set([';', '&', '|', '\n']);

/** The simple commands of a shell string, each a list of words; unbalanced quotes end the word at the end. */
export function shellCommands(text: string): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '\\' && i + 1 < text.length) {
      const next = text[++i] ?? '';
      if (next !== '\n') {
        word += next;
        inWord = true;
      }
    } else if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      const end = close < 0 ? text.length : close;
      word += c === '"' ? text.slice(i + 1, end).replace(/\\(["\\$`])/g, '$1') : text.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '$' && (text[i + 1] === '{' || text[i + 1] === '(')) {
      // ${NAME:-default} and $(cmd) stay one word, braces and all, for expandWord to read.
      const open = text[i + 1] ?? '';
      const close = open === '{' ? '}' : ')';
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === open) depth++;
        else if (text[j] === close && --depth === 0) break;
      }
      word += text.slice(i, j + 1);
      inWord = true;
      i = j;
    } else if (c === '#' && !inWord) {
      const nl = text.indexOf('\n', i);
      i = (nl < 0 ? text.length : nl) - 1;
    } else if (OPERATORS.has(c)) {
      endCommand();
    } else if (c === ' ' || c === '\t' || c === '\r' || (!inWord && '(){}'.includes(c))) {
      endWord();
    } else {
      word += c;
      inWord = true;
    }
  }
  endCommand();
  return commands;
}

/** The command word of a simple command, past `VAR=value` assignments and wrappers that run their arguments. */
export function commandWords(words: SimpleCommand): SimpleCommand {
  let i = 0;
  for (;;) {
    const w = words[i];
    if (w === undefined) return [];
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w)) i++;
    else if (['exec', 'command', 'nohup', 'env', 'sudo', 'su-exec', 'gosu', 'tini', 'dumb-init', 'then', 'do', 'else', '!', 'time'].includes(w.replace(/^.*\//, ''))) {
      i++;
      // su-exec/gosu take a user first; tini/dumb-init may take "--".
      if (['su-exec', 'gosu'].includes(w.replace(/^.*\//, ''))) i++;
      if (words[i] === '--') i++;
    } else return words.slice(i);
  }
}

/**
 * A word with `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME-default}` expanded from the image's Env
 * (what the container starts with); null when something is left that only run time knows (`$(…)`, an
 * unset variable without a default).
 */
export function expandWord(word: string, env: ReadonlyMap<string, string>): string | null {
  let unknown = false;
  const out = word.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_all, braced: string | undefined, op: string | undefined, fallback: string | undefined, bare: string | undefined) => {
    const value = env.get(braced ?? bare ?? '');
    if (value !== undefined && !(op === ':-' && value === '')) return value;
    if (op !== undefined) return fallback ?? '';
    unknown = true;
    return '';
  });
  return unknown || /\$|`/.test(out) ? null : out;
}
