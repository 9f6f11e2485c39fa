import { escapeControls } from '../report/index.ts';
import { run } from './run.ts';

// A reader that goes away early (`rsyncguard rules | head -1`) ends the output, not the run: the rest is
// dropped quietly and the exit status stays the run's own.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
  });
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // Only bugs get here: user mistakes are reported as values by the commands.
    process.stderr.write(`rsyncguard: internal error: ${escapeControls(e instanceof Error ? (e.stack ?? e.message) : String(e)).replace(/\\x0a/g, '\n')}\n`);
    process.exitCode = 2;
  },
);
