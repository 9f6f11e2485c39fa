/**
 * The files the Action writes where an input says (sarif-file, fix-patch). A path like `reports/rsyncguard.sarif`
 * is the workflow's plan for a later step (upload-sarif, upload-artifact), not a mistake: the directory is
 * created when missing. What still cannot be written (a directory of that name, a parent that is a file, no
 * permission) is the input's error in one line, never a stack.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { errorMessage, fail, ok, UserError, type Result } from '../common/index.ts';

export function writeOutputFile(input: 'sarif-file' | 'fix-patch', path: string, content: string): Result<void> {
  try {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    writeFileSync(path, content);
    return ok(undefined);
  } catch (e) {
    return fail(new UserError(`Input "${input}": ${path} cannot be written: ${errorMessage(e)}`, undefined, `Give ${input} a file path in the workspace (missing directories are created).`));
  }
}
