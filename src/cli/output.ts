import { writeFileSync } from 'node:fs';
import { errorMessage, UserError } from '../common/index.ts';
import { escapeControls, escapeJsonText } from '../report/index.ts';

/**
 * One line for the user on standard error. Host names, image paths and messages in it may hold text from
 * files, hosts or images: its control characters are escaped so that none reaches the terminal raw.
 */
export function warnLine(line: string): void {
  process.stderr.write(`${escapeControls(line)}\n`);
}

/** The report or document to stdout or --output; an unwritable --output comes back as the error. */
export function writeOutput(raw: string, file: string | undefined): UserError | undefined {
  // Text and Markdown arrive escaped already; JSON and SARIF get the controls JSON.stringify leaves raw.
  const text = escapeJsonText(raw);
  if (file === undefined) {
    process.stdout.write(text);
    return undefined;
  }
  try {
    writeFileSync(file, text);
    return undefined;
  } catch (e) {
    return new UserError(`cannot write the output: ${errorMessage(e)}`, file, 'Choose a writable path for --output.');
  }
}
