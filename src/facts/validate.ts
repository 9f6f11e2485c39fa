/** Facts documents enter the engine as `unknown` and leave this function typed, or with the reasons they are not. */
import { Ajv, type ValidateFunction } from 'ajv';
import schema from './schema/facts.schema.json' with { type: 'json' };
import { effectiveDaemon, effectiveModule, imageRunsAsRoot, versionOf } from './effective.ts';
import type { EffectiveModule } from './effective.ts';
import { reachOf } from './reach.ts';
import type { Version } from './access/hosts.ts';
import { rsyncFacts } from './build-facts.ts';
import { judgeCves } from './cve-judgement.ts';
import type { TransferIdentity } from './effective-transfer.ts';
import type { FactsDocument, ImageFacts, ModuleFacts, RsyncFacts } from './types.ts';

let compiled: ValidateFunction | undefined;

/** A valid document as the schema allows it: the derived facts may be missing (made before they existed). */
type ValidatedDocument = Omit<FactsDocument, 'config' | 'image' | 'rsync'> & {
  rsync: Pick<RsyncFacts, 'version' | 'source'> & Partial<RsyncFacts>;
  image: (Omit<ImageFacts, 'runs_as_root'> & { runs_as_root?: ImageFacts['runs_as_root'] }) | null;
  config: Omit<FactsDocument['config'], 'effective' | 'modules'> & {
    effective?: Omit<FactsDocument['config']['effective'], 'reach'> & Partial<Pick<FactsDocument['config']['effective'], 'reach'>>;
    modules: (Omit<ModuleFacts, 'effective' | 'declared_public'> & { effective?: Omit<EffectiveModule, keyof TransferIdentity> & Partial<TransferIdentity>; declared_public?: ModuleFacts['declared_public'] })[];
  };
};

export function validateFacts(doc: unknown): { ok: true; value: FactsDocument } | { ok: false; errors: string[] } {
  compiled ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
  if (compiled(doc)) return { ok: true, value: withEffective(doc as ValidatedDocument) };
  const errors = (compiled.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
  return { ok: false, errors };
}

/**
 * Documents written before the derived facts (`effective` or one of its fields, `image.runs_as_root`) existed (`rsyncguard eval`
 * of facts an Ansible role or an older rsyncguard made) lack them. They are computed here from the
 * document's own params, context and image User, by the same code `facts` uses, rather than refused:
 * facts@1 stays readable, and the rules see what they would have seen had the document been built today.
 * Facts a document does carry are kept as given.
 */
function withEffective(doc: ValidatedDocument): FactsDocument {
  const given = doc.config.effective ?? effectiveDaemon(doc.context.daemon_user, doc.config.global);
  // A document made before `reach` existed gains it from its own listener params, daemon and image.
  const reach = doc.config.effective?.reach ?? reachOf({ listener: doc.config.listener, processes: doc.daemon.processes, listeners: doc.daemon.listeners, units: doc.daemon.units, image: doc.image });
  const daemon = { ...given, reach };
  const version = versionOf(doc.context.rsync_version);
  // Per fact, so a document with `chroot` and `disabled` but made before `transfer_*_root` gains only those.
  // A document made before declarations existed declares nothing public.
  const modules = doc.config.modules.map((m) => ({ ...m, effective: { ...effectiveModule(m.params, daemon.root.value, version), ...m.effective }, declared_public: m.declared_public ?? null }));
  const image = doc.image && { ...doc.image, runs_as_root: doc.image.runs_as_root ?? imageRunsAsRoot(doc.image.user) };
  return { ...doc, rsync: withRsync(doc.rsync), config: { ...doc.config, effective: daemon, modules }, image };
}

/**
 * A document made before the rsync block grew (package, distro, range, unknown, cves) reads as knowing none of
 * them. Its `cves` are judged again from what it says of the rsync, with this build's table: a list written by
 * hand, by Ansible or by an older rsyncguard (before a CVE was added) must not stand for the current data.
 */
function withRsync(r: ValidatedDocument['rsync']): RsyncFacts {
  const unknown = r.unknown !== undefined ? r.unknown : r.version === null ? 'the facts document names no rsync version' : null;
  const known = { version: r.version, source: r.source, package: r.package ?? null, distro: r.distro ?? null, range: r.range ?? null, unknown, compress: r.compress ?? null };
  return { ...known, cves: judgeCves(known) };
}

/**
 * `eval --rsync-version X.Y.Z`: the user's statement wins over what the document says, as it does for `scan`:
 * the rsync block is that release (the distro kept, the package and range dropped), its CVEs judged, the
 * modelled version in `context` set, and the modules' version-dependent facts derived again from their
 * params. `unusable` stays as the document has it when it has it: it may rest on account names (an image's
 * passwd) the document no longer carries.
 */
export function withStatedRsyncVersion(doc: FactsDocument, version: Version): FactsDocument {
  const rsync = rsyncFacts({ rsync: doc.rsync, rsyncVersionGiven: true, rsyncVersion: version, target: doc.target });
  const stated = version.join('.');
  if (stated === doc.context.rsync_version) return { ...doc, rsync };
  const root = doc.config.effective.root.value;
  const modules = doc.config.modules.map((m) => {
    const derived = effectiveModule(m.params, root, version);
    return { ...m, effective: { ...m.effective, ...derived, unusable: m.effective.unusable ?? derived.unusable } };
  });
  return { ...doc, context: { ...doc.context, rsync_version: stated }, rsync, config: { ...doc.config, modules } };
}
