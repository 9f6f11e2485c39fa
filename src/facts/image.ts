/**
 * A container image's facts: for each rsyncd config it holds, the config with what the image says about
 * it — the account the container runs as, the rsync package's release, what Entrypoint/Cmd start, the
 * ports it exposes, its Env (credentials withheld), and the layer that wrote each file.
 */
import type { ImageRsyncdConfig, RsyncRelease } from '../parse/index.ts';
import { buildFacts, relabelFiles } from './build-facts.ts';
import { layerSecretsConfig, withNamedSecrets, type LayerConfig } from './image-layer-secrets.ts';
import { modelledVersion } from './daemon.ts';
import { imageRunsAsRoot } from './effective.ts';
import type { FactsDocument, ImageFacts } from './types.ts';
import type { NameDatabase } from './usable.ts';

/** What the image shows apart from its configs. */
export interface ImageTarget {
  /** The repository part of the reference: the stable part of every target id. */
  repository: string;
  /** The reference as messages and reports may show it (never a credential). */
  ref: string;
  /** The image as the user named it and as it names itself (`img.tar (test/rsyncd:1)`), for the target's display; `ref` when absent. */
  label?: string;
  digest: string | null;
  config: { user: string | null; entrypoint: string[]; cmd: string[]; exposed: string[]; env: ImageFacts['env'] };
  layerSecrets: ImageFacts['layer_secrets'];
  startsDaemon: boolean;
  /** The words after `rsync` of each `rsync --daemon` the launch runs, scripts followed: where it listens (reach.ts). */
  daemonArgs?: string[][];
  /** Which rsync the image holds, from its package databases and os-release (src/parse/rsync-release.ts). */
  release: RsyncRelease | null;
  /** The names in the image's /etc/passwd and /etc/group (src/parse/account-names.ts); null where a file is missing, unreadable or defers to NIS. */
  accounts?: { passwd: string[] | null; group: string[] | null };
}

/** The context's daemon user for an image: what `imageRunsAsRoot` says, so the two can never disagree. */
export function imageDaemonUser(user: string | null): 'root' | 'nonroot' {
  return imageRunsAsRoot(user).value ? 'root' : 'nonroot';
}

/** What every document of the image says of it: `files` the provenance of what the target rests on. */
function imageFacts(image: ImageTarget, files: ImageFacts['files'], layerSecrets: ImageFacts['layer_secrets']): ImageFacts {
  const { config: cfg } = image;
  return {
    ref: image.ref,
    digest: image.digest,
    exposed_ports: cfg.exposed,
    user: cfg.user,
    runs_as_root: imageRunsAsRoot(cfg.user),
    entrypoint: cfg.entrypoint,
    cmd: cfg.cmd,
    env: cfg.env,
    files,
    layer_secrets: layerSecrets,
    starts_daemon: image.startsDaemon,
  };
}

/** The facts document of one config of the image. */
export function imageDocument(image: ImageTarget, parsed: ImageRsyncdConfig, today: string): FactsDocument {
  const { config: cfg, release } = image;
  const doc = buildFacts({
    target: { kind: 'image', id: `${image.repository}:${parsed.path}`, display: `${image.label ?? image.ref} ${parsed.path}` },
    daemonUser: imageDaemonUser(cfg.user),
    rsyncVersion: modelledVersion(release?.version ?? null),
    today,
    rsync: release ?? { version: null, source: null, unknown: 'the image was not searched for an rsync package' },
    config: parsed.config,
    secrets: parsed.secrets,
    fileStats: parsed.fileStats,
    ...imageNames(image.accounts, cfg.env),
    ...(image.daemonArgs ? { imageDaemonArgs: image.daemonArgs } : {}),
    image: imageFacts(image, parsed.layers, withNamedSecrets(image.layerSecrets, parsed)),
  });
  return relabelFiles(doc, (file) => file.replace(/^\/+/, ''));
}

/**
 * The document of an image whose layers hold secrets files while no config of its final filesystem was
 * evaluated (deleted by a later layer, missing, unreadable): named by the config, in some layer, that
 * named a secrets file (else by `path`, the config the daemon reads), so a waiver or baseline of the
 * image's target still matches; its layer kept in `image.files`.
 */
export function imageLayerSecretsDocument(image: ImageTarget, namer: LayerConfig | undefined, path: string, today: string): FactsDocument {
  const { config: cfg, release } = image;
  const name = namer ? `/${namer.path}` : path;
  const doc = buildFacts({
    target: { kind: 'image', id: `${image.repository}:${name}`, display: `${image.label ?? image.ref} ${name}` },
    daemonUser: imageDaemonUser(cfg.user),
    rsyncVersion: modelledVersion(release?.version ?? null),
    today,
    rsync: release ?? { version: null, source: null, unknown: 'the image was not searched for an rsync package' },
    config: layerSecretsConfig(namer, image.ref),
    ...imageNames(image.accounts, cfg.env),
    image: imageFacts(image, namer ? [{ path: namer.path, layer: namer.layer }] : [], image.layerSecrets),
  });
  return relabelFiles(doc, (file) => file.replace(/^\/+/, ''));
}

/**
 * The image's account files as the daemon's getpwnam/getgrnam read them (the container's own root, with the
 * `files` backend images use): a name neither lists makes rsync refuse the module (src/facts/usable.ts).
 */
function imageNames(accounts: ImageTarget['accounts'], env: ImageFacts['env']): { names?: NameDatabase } {
  return {
    names: {
      source: "the image's",
      // The daemon's environment for %VAR% (usable.ts): the image's Env, a credential's value withheld (null).
      env: new Map(env.map((e) => [e.name, e.value])),
      ...(accounts?.passwd ? { users: new Set(accounts.passwd) } : {}),
      ...(accounts?.group ? { groups: new Set(accounts.group) } : {}),
    },
  };
}
