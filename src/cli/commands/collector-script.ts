/**
 * The collector script that `host` runs here and `sweep` sends over SSH. It ships beside the bundle
 * (dist/rsync-facts.sh; collectors/rsync-facts.sh in a checkout); an install without it is broken, which
 * the user is told in those words rather than by sh's "cannot open".
 */
import { MiB, type InputSpec, type Result } from '../../common/index.ts';
import { collectorPath } from '../../runner/index.ts';
import { readInputFile } from '../../sources/index.ts';

const COLLECTOR_INPUT: InputSpec = {
  what: 'the collector script',
  maxBytes: MiB,
  hint: 'Reinstall rsyncguard: the collector ships as dist/rsync-facts.sh (collectors/rsync-facts.sh in a checkout).',
};

export function readCollector(): Result<Buffer> {
  return readInputFile(collectorPath(), COLLECTOR_INPUT);
}
