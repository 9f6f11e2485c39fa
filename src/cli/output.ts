import { writeFileSync } from 'node:fs';
import { UserError } from '../common/index.ts';

export function writeOutput(text: string, file: string | undefined): void {
  if (file === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(file, text);
  } catch (e) {
    throw new UserError(`cannot write the output: ${e instanceof Error ? e.message : String(e)}`, file, 'Choose a writable path for --output.');
  }
}
