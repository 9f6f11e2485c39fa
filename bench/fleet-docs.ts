/** `node --import tsx bench/fleet-docs.ts N FILE`: N simulated host documents (test/support/fleet-docs.ts) as one JSON array. */
import { writeFleetDocs } from '../test/support/fleet-docs.ts';

export { fleetDoc, GROUPS, writeFleetDocs } from '../test/support/fleet-docs.ts';

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? '10000');
  const file = process.argv[3] ?? 'fleet-docs.json';
  console.log(`${writeFleetDocs(n, file)} bytes, ${n} documents → ${file}`);
}
