/**
 * The facts document of a repository file that is not an rsyncd config (src/parse/other-files.ts): no
 * daemon configuration at all (`config.starts`/`serves` false, no modules, no listener), so no daemon,
 * access or exposure rule can fire on it, plus what its kind's analyzer read — the secrets file's entries,
 * the unit that starts the daemon, what the image a Dockerfile builds will run. `target.file_kind` says
 * what the file is.
 */
import type { OtherFile, RsyncdConfig } from '../parse/index.ts';
import { buildFacts, relabelFiles } from './build-facts.ts';
import type { Version } from './access/hosts.ts';
import { imageRunsAsRoot, type Derived } from './effective.ts';
import type { DaemonFacts, FactsDocument, ImageFacts } from './types.ts';

export interface OtherFileOptions {
  /** The target id and the file name as reports show them. */
  display: string;
  rename: (file: string) => string;
  daemonUser: 'root' | 'nonroot';
  rsyncVersion: Version;
  today: string;
}

/** A configuration that starts no daemon: the file is listed (for locations), nothing else is set. */
function noDaemon(parsed: OtherFile): RsyncdConfig {
  return {
    starts: false,
    serves: false,
    partial: false,
    limit: null,
    files: [{ path: parsed.file, sha256: parsed.sha256 }],
    global: {},
    listener: {},
    modules: [],
    diagnostics: parsed.diagnostics,
    inlineWaivers: parsed.inlineWaivers,
    publicDeclarations: [],
  };
}

/**
 * A Dockerfile's USER that is a variable with no value in the Dockerfile (`USER ${RUN_AS}`, `ARG RUN_AS`)
 * names no account we know: only the build command sets it, so root is not ruled out.
 */
function dockerfileRunsAsRoot(user: string | null): Derived {
  if (user?.includes('$')) return { value: true, reason: `User "${user}" is a build argument the Dockerfile gives no value: the account is chosen at build time, so root is not ruled out.` };
  return imageRunsAsRoot(user);
}

function imageFacts(parsed: OtherFile, display: string): ImageFacts | null {
  if (parsed.analysis.analyzer !== 'dockerfile') return null;
  const { config, startsDaemon, lines } = parsed.analysis.image;
  return {
    ref: display,
    digest: null,
    exposed_ports: config.exposed,
    user: config.user,
    runs_as_root: dockerfileRunsAsRoot(config.user),
    entrypoint: config.entrypoint,
    cmd: config.cmd,
    env: config.env,
    files: [],
    layer_secrets: [],
    starts_daemon: startsDaemon,
    lines,
  };
}

/** A unit committed to a repository is the one that gets installed: a systemd unit is taken as enabled. */
function units(analysis: OtherFile['analysis'], path: string): DaemonFacts['units'] {
  if (analysis.analyzer === 'systemd-unit') return [{ kind: 'systemd', path, enabled: true, ...analysis.unit }];
  if (analysis.analyzer === 'xinetd') return [{ kind: 'xinetd', path, enabled: analysis.enabled, user: analysis.user, hardening: [] }];
  return [];
}

export function otherFileDocument(parsed: OtherFile, opts: OtherFileOptions): FactsDocument {
  const { analysis } = parsed;
  const doc = buildFacts({
    target: { kind: 'file', id: opts.display, display: opts.display, file_kind: parsed.fileKind },
    daemonUser: opts.daemonUser,
    rsyncVersion: opts.rsyncVersion,
    // Never rsyncVersionGiven: the version rules judge a daemon, and this file configures none.
    today: opts.today,
    config: noDaemon(parsed),
    secrets: analysis.analyzer === 'secrets' ? [analysis.secrets] : [],
    daemon: { processes: [], listeners: [], units: units(analysis, opts.display), probes: [] },
    image: imageFacts(parsed, opts.display),
  });
  return relabelFiles(doc, opts.rename);
}
