import { run } from './run.ts';

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // Only bugs get here: user mistakes are reported as values by the commands.
    process.stderr.write(`rsyncguard: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
