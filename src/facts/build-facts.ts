/**
 * Normalization: one parsed configuration (plus whatever else the source could see) becomes the facts
 * document the policies read. Per module it adds what an arbitrary outside client would get, so a policy
 * can ask "open to the world?" without re-implementing rsync's access rules.
 */
import { diagnostic, type Diagnostic, type Location } from '../common/index.ts';
import { declarationFor, type Param, type RsyncdConfig, type StunnelService } from '../parse/index.ts';
import { withheldValue } from './withheld-values.ts';
import { classifyHostList } from './access/acl-tokens.ts';
import { describeAuthRules, maskIgnoredOptions } from './access/auth-users.ts';
import { offlineResolve } from './access/offline-resolve.ts';
import { simulateAccess, type ModuleAccess } from './access/simulate.ts';
import { judgeCves } from './cve-judgement.ts';
import { effectiveDaemon, effectiveModule } from './effective.ts';
import { listenerFailure, type ReachInput, reachOf } from './reach.ts';
import { type NameDatabase, namesSeenByDaemon } from './usable.ts';
import type { HostToken } from './access/acl-tokens.ts';
import type { Version } from './access/hosts.ts';
import { FACTS_SCHEMA, type AccessSummary, type DaemonFacts, type DeclaredPublic, type FactsDiagnostic, type ImageFacts, type FactsDocument, type RsyncFacts, type SecretsEntryFacts, type SecretsFacts } from './types.ts';

/** Documentation addresses (RFC 5737 / RFC 3849): clients that no hosts rule names, with no reverse DNS. */
export const OUTSIDE_CLIENTS = { ipv4: '203.0.113.7', ipv6: '2001:db8::7' } as const;

export interface SecretsInput {
  /** As the configuration names it. */
  path: string;
  /** Where it was read, when it was. */
  file?: string;
  /** null: the file does not exist; undefined: it could not be known. */
  /** uid/gid null: the owner is not known (a file in a repository, where git records only the mode). */
  stat?: { mode: number; uid: number | null; gid: number | null } | null;
  /** Every config (display path) that names this file, when several do and this document reports it. */
  namedBy?: string[];
  /** false: a repository scan read it under --root, outside the repository. */
  inRepository?: false;
  entries?: SecretsEntryFacts[];
  diagnostics?: Diagnostic[];
}

export interface FactsInput {
  target: FactsDocument['target'];
  daemonUser: 'root' | 'nonroot';
  rsyncVersion: Version;
  today: string;
  /** What the target shows of its rsync (version, package, distro, range, why unknown); `cves` are judged here. */
  rsync?: RsyncInput;
  /** The user named `rsyncVersion` (`--rsync-version`): it is the target's version, source "--rsync-version". */
  rsyncVersionGiven?: boolean;
  config: RsyncdConfig;
  secrets?: SecretsInput[];
  /** Mode and owner of config files where the source knows them (a live host), by path. */
  fileStats?: Map<string, { mode: number; uid: number }>;
  daemon?: DaemonFacts;
  image?: ImageFacts | null;
  /** stunnel services beside the config (a repository's scan root): a TLS front end widens who can connect (reach.ts). */
  frontEnds?: StunnelService[];
  /** An image's `rsync --daemon` arguments, its scripts followed (src/parse/image-launch.ts): reach reads --address, --port, -M there. */
  imageDaemonArgs?: string[][];
  /** The account names `uid`/`gid` resolve against, where the target shows them (an image's etc/passwd and etc/group). */
  names?: NameDatabase;
}

export function buildFacts(input: FactsInput): FactsDocument {
  const { config } = input;
  const opts = { daemonUser: input.daemonUser, version: input.rsyncVersion, resolve: offlineResolve, ...(input.names ? { names: input.names } : {}) };
  const v4 = simulateAccess(config, { addr: OUTSIDE_CLIENTS.ipv4 }, opts);
  const v6 = simulateAccess(config, { addr: OUTSIDE_CLIENTS.ipv6 }, opts);
  const daemon = effectiveDaemon(input.daemonUser, config.global);
  const modules = config.modules.map((m, i) => {
    // A password written after "user:" by mistake never reaches the document (maskIgnoredOptions).
    const auth = maskIgnoredOptions(describeAuthRules(text(m.params['auth users']?.value), input.rsyncVersion));
    return {
      name: m.name,
      header: { file: m.header.file, line: m.header.line, column: m.header.column },
      ...(m.reopened.length > 0 ? { reopened: m.reopened.map((h) => ({ file: h.file, line: h.line, column: h.column })) } : {}),
      shadowed: m.shadowed,
      params: withCredentialsWithheld(withAuthUsers(m.params, auth.hide)),
      access: summarize(v4.modules[i], v6.modules[i]),
      acl: { allow: hostList(m.params['hosts allow']?.value), deny: hostList(m.params['hosts deny']?.value) },
      auth_rules: auth.rules,
      effective: effectiveModule(m.params, daemon.root.value, input.rsyncVersion, namesSeenByDaemon(config.global, input.names)),
      declared_public: declaredPublic(m.header, config),
    };
  });
  const secrets = (input.secrets ?? []).map((s) => secretsFacts(s, config));
  const reachInput = {
    listener: config.listener,
    processes: input.daemon?.processes ?? [],
    listeners: input.daemon?.listeners ?? [],
    units: input.daemon?.units ?? [],
    image: input.image ? { ...input.image, ...(input.imageDaemonArgs ? { daemon_args: input.imageDaemonArgs } : {}) } : null,
    frontEnds: input.frontEnds ?? [],
  };
  // An `address` getaddrinfo never resolves stops the daemon at startup (exit 10): nothing starts or serves.
  const refused = listenerRefusal(config, reachInput);
  const diagnostics = [...config.diagnostics, ...(refused ? [refused] : []), ...(input.secrets ?? []).flatMap((s) => s.diagnostics ?? [])];
  return {
    schema: FACTS_SCHEMA,
    target: input.target,
    context: { daemon_user: input.daemonUser, rsync_version: input.rsyncVersion.join('.'), today: input.today },
    rsync: rsyncFacts(input),
    config: {
      starts: config.starts && !refused,
      serves: config.serves && !refused,
      partial: config.partial,
      files: config.files.map((f) => ({ ...f, mode: input.fileStats?.get(f.path)?.mode ?? null, uid: input.fileStats?.get(f.path)?.uid ?? null })),
      // A global `auth users` is what every module inherits: masked as the modules' copies are.
      global: withCredentialsWithheld(withAuthUsers(config.global, maskIgnoredOptions(describeAuthRules(text(config.global['auth users']?.value), input.rsyncVersion)).hide)),
      listener: config.listener,
      modules,
      diagnostics: diagnostics.map(toFactsDiagnostic),
      inline_waivers: config.inlineWaivers,
      effective: { ...daemon, reach: reachOf(reachInput) },
    },
    secrets,
    daemon: input.daemon ?? { processes: [], listeners: [], units: [], probes: [] },
    image: input.image ?? null,
  };
}

/** What a source knows of the target's rsync; the fields it does not know are null. */
export type RsyncInput = Pick<RsyncFacts, 'version' | 'source'> &
  Partial<Omit<RsyncFacts, 'version' | 'source' | 'cves'>> & {
    /** Why there is no distro although the target has an os-release ("os-release unreadable: …"): every basis says it. */
    distroUnknown?: string;
  };

/** The target's rsync as facts. An explicit --rsync-version is the user's statement and wins over what the target shows. */
export function rsyncFacts(input: Pick<FactsInput, 'rsync' | 'rsyncVersionGiven' | 'rsyncVersion' | 'target'>): RsyncFacts {
  const shown = input.rsync ?? { version: null, source: null };
  // The package string would contradict the stated version: judged by what the user said, the distro kept.
  const r = input.rsyncVersionGiven ? { ...shown, version: input.rsyncVersion.join('.'), source: '--rsync-version', package: null, range: null } : shown;
  const fallback = input.target.kind === 'file' ? 'a configuration file does not say which rsync reads it (give --rsync-version)' : 'the target shows no rsync version';
  const known = {
    version: r.version,
    source: r.source,
    package: r.package ?? null,
    distro: r.distro ?? null,
    range: r.range ?? null,
    unknown: r.version !== null ? null : (r.unknown ?? fallback),
    // What the target's own binary lists; a stated --rsync-version speaks of another build.
    compress: input.rsyncVersionGiven ? null : (r.compress ?? null),
  };
  const cves = judgeCves(known);
  // The distro's backports were not considered because its os-release could not be read: say so, not just "upstream".
  const why = known.distro === null && known.package !== null ? r.distroUnknown : undefined;
  return { ...known, cves: why === undefined ? cves : cves.map((c) => ({ ...c, basis: `${c.basis} (distro unknown, ${why}; judged by upstream)` })) };
}

function listenerRefusal(config: RsyncdConfig, reach: ReachInput): Diagnostic | null {
  const why = config.starts ? listenerFailure(reach) : null;
  const at = config.listener['address'];
  if (why === null || !at?.file) return null;
  return diagnostic(
    'fatal',
    'daemon-refuses-to-start',
    `rsync --daemon refuses to start: ${why}`,
    { file: at.file, line: at.line ?? 1, column: at.column ?? 1 },
    'Write only the address on the line: rsync keeps a comment after a value as part of it, and takes an IPv6 address without brackets.',
  );
}

/**
 * A config file on its own (`access`), with nothing else that decides the bound address: as buildFacts
 * judges it, a daemon whose `address` never resolves neither starts nor serves, and says why.
 */
export function fileAsStarted(config: RsyncdConfig): RsyncdConfig {
  const refused = listenerRefusal(config, { listener: config.listener, processes: [], listeners: [], units: [], image: null, frontEnds: [] });
  return refused ? { ...config, starts: false, serves: false, diagnostics: [...config.diagnostics, refused] } : config;
}

/** A `# rsyncguard: public` comment covering the module (src/parse/public-declarations.ts); .rsyncguard.yaml entries are added by the runner. */
function declaredPublic(header: Location, config: RsyncdConfig): DeclaredPublic | null {
  const d = declarationFor(header, config.publicDeclarations);
  return d ? { reason: d.reason, source: 'comment', file: d.file, line: d.line } : null;
}

/** A comment's file is a config file like any other; a .rsyncguard.yaml entry names the waiver file, kept as given. */
function relabelDeclared(d: DeclaredPublic | null, rename: (file: string) => string): DeclaredPublic | null {
  return d?.source === 'comment' ? { ...d, file: rename(d.file) } : d;
}

/** Credentials written into values withheld (withheld-values.ts): a hook shows its program, a URL no password. */
function withCredentialsWithheld(params: Record<string, Param>): Record<string, Param> {
  let out: Record<string, Param> | undefined;
  for (const [name, p] of Object.entries(params)) {
    if (typeof p.value !== 'string') continue;
    const value = withheldValue(name, p.value);
    if (value === p.value) continue;
    out ??= { ...params };
    out[name] = { ...p, value, raw: typeof p.raw === 'string' ? withheldValue(name, p.raw) : p.raw };
  }
  return out ?? params;
}

/** The params with `auth users` (value and raw text) passed through `hide`. */
function withAuthUsers(params: Record<string, Param>, hide: (text: string) => string): Record<string, Param> {
  const p = params['auth users'];
  if (!p || typeof p.value !== 'string' || hide(p.value) === p.value) return params;
  return { ...params, 'auth users': { ...p, value: hide(p.value), raw: typeof p.raw === 'string' ? hide(p.raw) : p.raw } };
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function hostList(v: unknown): HostToken[] | null {
  const tokens = classifyHostList(text(v));
  return tokens.length === 0 ? null : tokens;
}

function summarize(a: ModuleAccess | undefined, b: ModuleAccess | undefined): AccessSummary {
  if (!a || !b) throw new Error('simulateAccess returned fewer modules than the configuration has');
  return {
    listed: a.listed,
    auth_required: a.auth_required,
    open_to_any_host: a.host_allowed || b.host_allowed,
    host_allowed: { ipv4: a.host_allowed, ipv6: b.host_allowed },
    anonymous_read: a.anonymous_read || b.anonymous_read,
    anonymous_write: a.anonymous_write || b.anonymous_write,
    read: a.read,
    write: a.write,
    reasons: a.reasons,
    assumptions: [...new Set([...a.assumptions, ...b.assumptions])],
  };
}

function secretsFacts(s: SecretsInput, config: RsyncdConfig): SecretsFacts {
  const referencedBy = config.modules.filter((m) => m.params['secrets file']?.value === s.path).map((m) => m.name);
  const stat = s.stat;
  return {
    path: s.path,
    file: s.file ?? null,
    exists: stat === undefined ? null : stat !== null,
    mode: stat ? stat.mode & 0o7777 : null,
    uid: stat ? stat.uid : null,
    gid: stat ? stat.gid : null,
    owner_is_root: stat && stat.uid !== null ? stat.uid === 0 : null,
    other_accessible: stat ? (stat.mode & 0o006) !== 0 : null,
    referenced_by: referencedBy,
    entries: s.entries ?? [],
    ...(s.namedBy !== undefined && s.namedBy.length > 1 ? { named_by: s.namedBy } : {}),
    ...(s.inRepository === false ? { in_repository: false } : {}),
  };
}

function toFactsDiagnostic(d: Diagnostic): FactsDiagnostic {
  const out: FactsDiagnostic = { severity: d.severity, code: d.code, message: d.message, file: d.at.file, line: d.at.line, column: d.at.column };
  if (d.hint !== undefined) out.hint = d.hint;
  return out;
}

/**
 * The same document with every file name rewritten, e.g. from the absolute paths the parser read to the
 * repository-relative paths a report shows. Secrets paths are configuration values, not file names: kept.
 */
export function relabelFiles(doc: FactsDocument, renameFile: (file: string) => string): FactsDocument {
  // A document names a handful of files ~60 times per module (every parameter's origin): each is renamed once
  // (path.relative was 18% of a repository scan's profile).
  const renamed = new Map<string, string>();
  const rename = (file: string): string => {
    let name = renamed.get(file);
    if (name === undefined) {
      name = renameFile(file);
      renamed.set(file, name);
    }
    return name;
  };
  const params = (record: Record<string, Param>): Record<string, Param> => Object.fromEntries(Object.entries(record).map(([k, p]) => [k, p.file === null ? p : { ...p, file: rename(p.file) }]));
  const { config } = doc;
  return {
    ...doc,
    config: {
      ...config,
      files: config.files.map((f) => ({ ...f, path: rename(f.path) })),
      global: params(config.global),
      listener: params(config.listener),
      modules: config.modules.map((m) => ({
        ...m,
        header: { ...m.header, file: rename(m.header.file) },
        ...(m.reopened ? { reopened: m.reopened.map((h) => ({ ...h, file: rename(h.file) })) } : {}),
        params: params(m.params),
        declared_public: relabelDeclared(m.declared_public, rename),
      })),
      diagnostics: config.diagnostics.map((d) => ({ ...d, file: rename(d.file) })),
      inline_waivers: config.inline_waivers.map((w) => ({ ...w, file: rename(w.file) })),
    },
    secrets: doc.secrets.map((s) => (s.file === null ? s : { ...s, file: rename(s.file) })),
  };
}
