/**
 * uvu runs a suite's `before` hooks inside a try whose `finally` returns: an error a hook throws is dropped
 * unprinted, and the suite only shows "(0 / N)". Wrapped in this, the hook's error is printed first (then
 * rethrown, so the suite still fails), and a set-up that breaks says why.
 */
export function saidHook<S>(name: string, hook: (state: S) => Promise<void> | void): (state: S) => Promise<void> {
  return async (state) => {
    try {
      await hook(state);
    } catch (e) {
      process.stderr.write(`\n${name}: set-up failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      throw e;
    }
  };
}
