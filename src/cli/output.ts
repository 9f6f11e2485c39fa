import { writeSync } from 'node:fs';
import { errorMessage, UserError } from '../common/index.ts';
import { escapeControls, escapeJsonText } from '../report/index.ts';
import { type OutputTarget, openOutput } from './output-file.ts';

/**
 * One line for the user on standard error. Host names, image paths and messages in it may hold text from
 * files, hosts or images: its control characters are escaped so that none reaches the terminal raw.
 */
export function warnLine(line: string): void {
  process.stderr.write(`${escapeControls(line)}\n`);
}

/**
 * The file --output names, or undefined for standard output: `-o -` is standard output, as `eval -` reads
 * standard input (never a file called `-`; `-o ./-` writes one).
 */
export function outputFile(given: string | undefined): string | undefined {
  return given === '-' ? undefined : given;
}

/** The report or document to stdout or --output; an unwritable --output comes back as the error. */
export function writeOutput(raw: string, output: string | undefined): UserError | undefined {
  return writeOutputChunks((write) => write(raw), output);
}

/** Pieces are gathered up to this size before a write: fewer system calls, and never much more held. */
const CHUNK = 1 << 20;

/**
 * As writeOutput, for a document produced in pieces (`produce` calls `write` for each): at most about one
 * MiB of it is held at a time. Standard output to a file or a pipe is written synchronously on Linux, so a
 * slow reader slows the writer instead of the report piling up in memory.
 */
export function writeOutputChunks(produce: (write: (chunk: string) => void) => void, output: string | undefined): UserError | undefined {
  const file = outputFile(output);
  let target: OutputTarget | undefined;
  let failed: UserError | undefined;
  const fault = (e: unknown) => new UserError(`cannot write the output: ${errorMessage(e)}`, file ?? '(standard output)', 'Choose a writable path for --output.');
  try {
    target = file === undefined ? undefined : openOutput(file);
  } catch (e) {
    return fault(e);
  }
  const sink = target?.fd;
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    const text = escapeJsonText(pending.join(''));
    pending = [];
    size = 0;
    // After a failed write the rest is produced but dropped: the error is what the command returns.
    if (failed !== undefined) return;
    try {
      if (sink === undefined) process.stdout.write(text);
      else {
        const bytes = Buffer.from(text, 'utf8');
        for (let at = 0; at < bytes.length; ) at += writeSync(sink, bytes, at);
      }
    } catch (e) {
      failed = fault(e);
    }
  };
  let complete = false;
  try {
    produce((chunk) => {
      pending.push(chunk);
      size += chunk.length;
      if (size >= CHUNK) flush();
    });
    flush();
    complete = true;
  } finally {
    // Only a complete document replaces the previous output.
    if (complete && failed === undefined) {
      try {
        target?.commit();
      } catch (e) {
        failed = fault(e);
      }
    } else target?.abort();
  }
  return failed;
}
