/**
 * Which of the catalog's rules can judge a target: junit lists a testcase only for those, so the count of
 * tests of a Dockerfile's suite is what was checked there, not the 61 rules of an rsyncd config.
 *
 * No rule declares what it applies to (the catalog has no such field, and the file kinds of
 * src/sources/file-kinds.ts name analyzers, not rules). A rule can fire only where the facts it reads can hold
 * something, so its scope is derived from the inputs of its policy (policies/rsyncguard/rules/*):
 *
 * - the daemon configuration (`config.modules`, `config.global`, `config.listener`, `config.starts`): an rsyncd
 *   config, a host, an image. A repository file of another kind has none (src/facts/other-file.ts).
 * - the secrets files (`secrets`): those, and a secrets file committed on its own.
 * - the running daemon (`daemon.listeners/processes/probes`): a host only; file modes and owners
 *   (`config.files[].mode`, RSYNC-082): a host, and an image, whose layers record them.
 * - the superserver and systemd units (`daemon.units`): a host, and an xinetd file or a systemd unit committed.
 * - the image (`image`): an image, and a Dockerfile (what the image it builds will run); layers (RSYNC-092): an image.
 *
 * A rule of another policy (a custom one) is not in the table and applies to every target. A rule that fired on
 * a target applies to it whatever the table says (the caller adds it): a result is never dropped.
 */
import type { RuleInfo } from '../engine/index.ts';
import type { TargetReport } from './model.ts';

/** What a target is, as far as rules care. */
export type TargetShape = 'rsyncd-config' | 'rsync-secrets' | 'systemd-unit' | 'xinetd' | 'dockerfile' | 'other-file' | 'host' | 'image';

const CONFIG: readonly TargetShape[] = ['rsyncd-config', 'host', 'image'];
const SECRETS: readonly TargetShape[] = ['rsyncd-config', 'rsync-secrets', 'host', 'image'];

const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `RSYNC-${String(from + i).padStart(3, '0')}`);

const SCOPES: ReadonlyMap<string, readonly TargetShape[]> = new Map<string, readonly TargetShape[]>([
  ...range(1, 15).map((id) => [id, CONFIG] as const),
  ...range(20, 25).map((id) => [id, CONFIG] as const),
  ...range(30, 34).map((id) => [id, SECRETS] as const),
  // Secrets files named inside exported paths or world-writable directories: read from the configuration.
  ...range(35, 36).map((id) => [id, CONFIG] as const),
  ...range(40, 51).map((id) => [id, CONFIG] as const),
  ...range(60, 63).map((id) => [id, CONFIG] as const),
  ...range(70, 72).map((id) => [id, CONFIG] as const),
  ['RSYNC-080', ['host']],
  ['RSYNC-081', ['host']],
  ['RSYNC-082', ['host', 'image']],
  ['RSYNC-083', ['host', 'xinetd']],
  ['RSYNC-084', ['host', 'systemd-unit']],
  ...range(85, 87).map((id) => [id, ['host'] as readonly TargetShape[]] as const),
  ['RSYNC-090', ['image', 'dockerfile']],
  ['RSYNC-091', ['image', 'dockerfile']],
  ['RSYNC-092', ['image']],
  ['RSYNC-093', ['image', 'dockerfile']],
  ...range(100, 101).map((id) => [id, CONFIG] as const),
]);

/** The ids the table covers (a test holds it to the built catalog, so a new rule cannot be left out). */
export const SCOPED_RULES: readonly string[] = [...SCOPES.keys()];

/** Our own policies' package prefix: a custom policy that reuses an id is not judged by our table. */
const OWN_PACKAGE = /^rsyncguard\.rules\./;

const FILE_SHAPES: Readonly<Record<string, TargetShape>> = { 'rsync-secrets': 'rsync-secrets', 'systemd-unit': 'systemd-unit', xinetd: 'xinetd', dockerfile: 'dockerfile' };

/** A file target's facts say what it is (`target.file_kind`, absent for an rsyncd config). */
export function shapeOf(t: Pick<TargetReport, 'kind' | 'facts'>): TargetShape {
  if (t.kind !== 'file') return t.kind;
  const target: unknown = 'target' in t.facts ? t.facts.target : null;
  const kind = typeof target === 'object' && target !== null && 'file_kind' in target ? target.file_kind : undefined;
  if (typeof kind !== 'string') return 'rsyncd-config';
  return FILE_SHAPES[kind] ?? 'other-file';
}

/** The rules that can judge this target, in the catalog's order. */
export function rulesApplying(t: Pick<TargetReport, 'kind' | 'facts'>, rules: readonly RuleInfo[]): RuleInfo[] {
  const shape = shapeOf(t);
  return rules.filter((r) => {
    const scope = OWN_PACKAGE.test(r.package) ? SCOPES.get(r.id) : undefined;
    return scope === undefined || scope.includes(shape);
  });
}
