import { escapeControls } from '../report/index.ts';
import { asUserError } from '../runner/index.ts';
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
    // run() reports user mistakes itself; one that escaped it still gets one line, and only a bug a stack.
    const known = asUserError(e);
    if (known !== undefined) process.stderr.write(`rsyncguard: ${known.where ? `${escapeControls(known.where)}: ` : ''}${escapeControls(known.message)}\n`);
    else process.stderr.write(`rsyncguard: internal error: ${escapeControls(e instanceof Error ? (e.stack ?? e.message) : String(e)).replace(/\\x0a/g, '\n')}\n`);
    process.exitCode = 2;
  },
);
