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
    } else if (c === '#' && !inWord) {
      const nl = text.indexOf('\n', i);
      i = (nl < 0 ? text.length : nl) - 1;
    } else if (OPERATORS.has(c)) {
      endCommand();
    } else if (c === ' ' || c === '\t' || c === '\r' || c === '(' || c === ')' || c === '{' || c === '}') {
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
