import { setFlagsFromString } from 'node:v8';

/**
 * A repository scan allocates steadily and keeps little (targets stream to the report), but V8's defaults
 * are tuned for the opposite: each scavenge that sees many survivors doubles a young generation (up to
 * 3 × 16 MiB, in the main thread and in each policy thread), and the old generation may grow to several
 * times what is live before it is collected. That headroom, not live data, set the peak RSS of a scan
 * (issue 20: ≤ 250 MB at 8,000 and 50,000 configs). Measured in bench/results.md ("scan heap").
 */
const SMALL_HEAP = ['--semi-space-growth-factor=1', '--heap-growing-percent=100'];
let small = false;

/** From now on, for the rest of the process: a young generation that does not grow, an old one that grows to twice what is live. */
export function keepHeapSmall(): void {
  small = true;
  applyHeapGrowth();
}

/**
 * Node sets V8's flags back to the command line's when a worker thread starts (measured: the growth factor
 * set before the policy threads started was lost once they had), so startWorker applies them again once
 * each thread is online. V8 reads both at each resize, so a late setting still holds from then on.
 */
export function applyHeapGrowth(): void {
  if (small) for (const flag of SMALL_HEAP) setFlagsFromString(flag);
}
