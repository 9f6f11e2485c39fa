/**
 * SIGINT and SIGTERM during a long run (a sweep): the first one aborts the signal so the run can stop its
 * children and keep what it finished; a second one exits at once with the signal's status (128 + number).
 * Release the handlers as soon as the interruptible part is over, so later signals act as usual.
 */
import { constants } from 'node:os';

export interface SignalStop {
  signal: AbortSignal;
  /** The first signal received, or null. */
  readonly received: 'SIGINT' | 'SIGTERM' | null;
  release(): void;
}

export function stopOnSignals(): SignalStop {
  const controller = new AbortController();
  let received: 'SIGINT' | 'SIGTERM' | null = null;
  const handler = (name: 'SIGINT' | 'SIGTERM') => {
    if (received !== null) process.exit(128 + constants.signals[name]);
    received = name;
    controller.abort();
  };
  const onInt = () => handler('SIGINT');
  const onTerm = () => handler('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return {
    signal: controller.signal,
    get received() {
      return received;
    },
    release() {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
    },
  };
}
