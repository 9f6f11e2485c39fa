/**
 * Synthetic fleets for the scale benchmarks: N collector documents (rsyncguard/host-raw@1), each host with
 * one of a few realistic configs, so that `eval` of 10,000 hosts has the findings and facts a real fleet has.
 * bench/fleet-docs.ts writes them from the command line; test/fleet-scale.test.ts and bench/fleet-scale.ts use them.
 */
import { writeFileSync } from 'node:fs';
import { HEALTHY_CONFIGS } from '../integration/support/ssh-fleet.ts';
import { hostRawDoc } from './host-doc.ts';

// The SSH test fleet's configs (each fires different rules), so the simulated fleet looks like the real one.
const CONFIGS = HEALTHY_CONFIGS;

export const GROUPS = ['web', 'db', 'batch', 'edge'];

export function fleetDoc(i: number): Record<string, unknown> {
  const text = CONFIGS[i % CONFIGS.length] ?? '';
  return hostRawDoc(`host${String(i).padStart(6, '0')}.example`, text, {
    host: { name: `host${String(i).padStart(6, '0')}.example`, os: 'Linux', kernel: '6.1.0' },
    rsync: { version_line: 'rsync  version 3.4.1  protocol version 32', package: 'rsync 3.4.1-1' },
  });
}

/** N documents as one JSON array, written to `file`; its size in bytes. */
export function writeFleetDocs(n: number, file: string): number {
  const text = `[\n${Array.from({ length: n }, (_, i) => JSON.stringify(fleetDoc(i))).join(',\n')}\n]\n`;
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}
