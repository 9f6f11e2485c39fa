import { errorMessage } from '../common/index.ts';
import { escapeControls } from '../report/index.ts';
import { asUserError } from '../runner/index.ts';
import { runCommand, wantsHelp } from './run-command.ts';

// A reader that goes away early (`rsyncguard rules | head -1`) ends the output, not the run: the rest is
// dropped quietly and the exit status stays the run's own.
// Any other failure to write (a full disk behind `> report.sarif`) means the output is incomplete: said once,
// in one line, and the run exits 2 whatever it found.
let outputFailed = false;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED' || outputFailed) return;
    outputFailed = true;
    process.exitCode = 2;
    if (stream === process.stdout) process.stderr.write(`rsyncguard: cannot write standard output: ${errorMessage(e)}\n  hint: Free some space or redirect the output elsewhere (--output FILE).\n`);
  });
}

start(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = outputFailed ? 2 : code;
  },
  (e: unknown) => {
    // run() reports user mistakes itself; one that escaped it still gets one line, and only a bug a stack.
    const known = asUserError(e);
    if (known !== undefined) process.stderr.write(`rsyncguard: ${known.where ? `${escapeControls(known.where)}: ` : ''}${escapeControls(known.message)}\n`);
    else process.stderr.write(`rsyncguard: internal error: ${escapeControls(e instanceof Error ? (e.stack ?? e.message) : String(e)).replace(/\\x0a/g, '\n')}\n`);
    process.exitCode = 2;
  },
);

/**
 * `scan` loads its own code only: it is what runs cold and often (a pre-commit hook, a CI step per push), and
 * issue 20 wants one file scanned in ≤ 250 ms. Everything else (other commands, help, the version, mistakes)
 * goes through run.ts and the whole command table. One chunk per command was measured too: the code the
 * commands share then falls into dozens of files, and on Node 20 resolving and linking each ES module cost
 * more than the smaller code saved.
 */
async function start(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'scan' && !wantsHelp(rest)) {
    const { scanCommand } = await import('./commands/scan.ts');
    return runCommand(scanCommand, rest);
  }
  const { run } = await import('./run.ts');
  return run(argv);
}
