#!/usr/bin/env node
import { createRequire as __rgCreateRequire } from 'node:module';
import { fileURLToPath as __rgFileURLToPath } from 'node:url';
const require = __rgCreateRequire(import.meta.url);
const __rgDirname = __rgFileURLToPath(new URL('.', import.meta.url));
import {
  asUserError,
  runCommand,
  wantsHelp
} from "./chunk-RDKPFQEM.js";
import {
  errorMessage,
  escapeControls
} from "./chunk-ARSZWGJY.js";

// src/cli/main.ts
var outputFailed = false;
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e.code === "EPIPE" || e.code === "ERR_STREAM_DESTROYED" || outputFailed) return;
    outputFailed = true;
    process.exitCode = 2;
    if (stream === process.stdout) process.stderr.write(`rsyncguard: cannot write standard output: ${errorMessage(e)}
  hint: Free some space or redirect the output elsewhere (--output FILE).
`);
  });
}
start(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = outputFailed ? 2 : code;
  },
  (e) => {
    const known = asUserError(e);
    if (known !== void 0) process.stderr.write(`rsyncguard: ${known.where ? `${escapeControls(known.where)}: ` : ""}${escapeControls(known.message)}
`);
    else process.stderr.write(`rsyncguard: internal error: ${escapeControls(e instanceof Error ? e.stack ?? e.message : String(e)).replace(/\\x0a/g, "\n")}
`);
    process.exitCode = 2;
  }
);
async function start(argv) {
  const [name, ...rest] = argv;
  if (name === "scan" && !wantsHelp(rest)) {
    const { scanCommand } = await import("./chunk-WSXEUS54.js");
    return runCommand(scanCommand, rest);
  }
  const { run } = await import("./chunk-AORKW3UO.js");
  return run(argv);
}
