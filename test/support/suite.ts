/**
 * uvu's `suite`, whose `before` and `after` hooks say why they failed. uvu runs them around the tests
 * inside a try whose `finally` returns: an error a `before` hook throws is dropped unprinted and the suite
 * only shows "(0 / N)", so a set-up that broke in CI (a server that would not start, a tool missing) left
 * no cause, and uvu still exits 0, its count of failures holding only tests. Here the error is printed
 * with the suite's name and rethrown (the suite shows its tests as not passed), and the process exits 1.
 */
import { suite as uvuSuite, type Callback, type Test } from 'uvu';

function said<T>(what: string, hook: Callback<T>): Callback<T> {
  return async (state) => {
    try {
      await hook(state);
    } catch (e) {
      process.stderr.write(`\n${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      // uvu sets the exit code from failed tests alone once all have run; 'exit' comes after that.
      process.once('exit', () => {
        process.exitCode = 1;
      });
      throw e;
    }
  };
}

export function suite<T extends object = Record<string, unknown>>(title: string, context?: T): Test<T> {
  const s = uvuSuite<T>(title, context);
  const { before, after } = s;
  s.before = Object.assign((hook: Callback<T>) => before(said(`${title}: set-up`, hook)), { each: before.each });
  s.after = Object.assign((hook: Callback<T>) => after(said(`${title}: tear-down`, hook)), { each: after.each });
  return s;
}
