/**
 * The human report in the step's log. The runner reads every line of standard output that starts with `::`
 * as a workflow command, and the report holds the repository's file names at the start of a line (the text
 * heading, a csv row): a pull request adding `::stop-commands::x/rsyncd.conf` silenced every annotation after
 * it, `::warning::…` forged one, `::add-mask::…` hid log text (adv2 #2). GitHub's documented way to print
 * text the runner must not interpret: `::stop-commands::TOKEN` before it and `::TOKEN::` after, with a token
 * the text cannot know.
 */
import { randomBytes } from 'node:crypto';

export function writeUninterpreted(text: string, write: (s: string) => void = (s) => process.stdout.write(s)): void {
  if (text === '') return;
  let token = randomBytes(16).toString('hex');
  // 128 random bits are not in the text; were they, another draw would be.
  while (text.includes(token)) token = randomBytes(16).toString('hex');
  write(`::stop-commands::${token}\n${text}${text.endsWith('\n') ? '' : '\n'}::${token}::\n`);
}
