/**
 * A container image without a daemon, read the way Trivy's fanal reads one: every layer walked into an
 * index without content, whiteouts applied, then the analyzers ask for the paths they need — the usual
 * config places, the configs and scripts the Entrypoint/Cmd name, what those configs include, their
 * secrets files, the package databases — and only those are read, links resolved inside the image root.
 * Then targets → facts: each config parsed (src/parse), joined with what the image says (src/facts). A
 * daemon the image starts whose config cannot be read is an error for that target, never a clean result.
 */
import { DEFAULT_CONFIG_PATH, errorMessage, fail, ok, USUAL_CONFIG_PATHS, type UserError, type Result } from '../common/index.ts';
import type { TargetError } from '../report/index.ts';
import { imageLabel } from './image-label.ts';
import { imageDocument, imageLayerSecretsDocument, type FactsDocument, type ImageTarget } from '../facts/index.ts';
import {
  ACCOUNT_FILES,
  accountNames,
  followScripts,
  imageRsyncRelease,
  inImage,
  launchFromArgv,
  MAX_ROUNDS,
  PACKAGE_DB_MAX_BYTES,
  parseImageConfigs,
  prefetchInImage,
  readImageConfig,
  RELEASE_FILES,
  secretsNamedIn,
  type FollowedLaunch,
} from '../parse/index.ts';
import {
  displayRef,
  EnvironmentFailure,
  failureKind,
  indexImage,
  isLocalPath,
  isLocalTransport,
  isReadFailure,
  MAX_IMAGE_FILE_BYTES,
  openImage,
  readDockerConfig,
  readImageLimits,
  unusableConfig,
  type FailureKind,
  type ImageFs,
  type OpenedImage,
  type LayerProgress,
  type RegistryOptions,
} from '../sources/index.ts';

// Package databases and os-release: which rsync the image holds (src/parse/rsync-release.ts).
const PACKAGE_DBS = RELEASE_FILES;
const PACKAGE_DB_SET = new Set(RELEASE_FILES);
// Where `uid`/`gid` names resolve: a name the image lacks makes rsync refuse the module, unless
// nsswitch.conf sends lookups elsewhere too.
const ACCOUNT_DBS = [ACCOUNT_FILES.passwd, ACCOUNT_FILES.group, ACCOUNT_FILES.nsswitch];

export interface ImageScan {
  /** One facts document per config, and an error for each config the image needs but lacks. */
  facts: (FactsDocument | TargetError)[];
  repository: string;
  /** What each target id is shown as (image-label.ts): the image as the user named it. */
  labels: Map<string, string>;
  warnings: string[];
  texts: Map<string, string>;
}

/** One target of an image: its facts (or why it has none), and the texts a report may quote. */
interface ImageTargetResult {
  target: FactsDocument | TargetError;
  texts: [string, string][];
}

/**
 * Why an image was not scanned. `setting`: this run's own settings are wrong (a limit variable that is not
 * a number, a --docker-config that cannot be read) — the command's error, with its hint, before anything is
 * read. Otherwise the image or its registry: a result that every report format carries, of the kind the
 * failure was (admission lets only `environment` through under --fail-open).
 */
export type ImageScanFailure = { kind: 'setting'; error: UserError } | { kind: FailureKind; message: string };

/** What messages, targets and facts say of a reference: never a credential someone wrote into it. */
export function imageDisplayRef(fullRef: string): string {
  return isLocalTransport(fullRef) ? fullRef : displayRef(fullRef);
}

/** The image indexed, its launch followed into scripts, and the files every analyzer needs read. */
interface ReadImage {
  fs: ImageFs;
  target: Omit<ImageTarget, 'ref' | 'release'>;
  launch: FollowedLaunch;
  /** The configs the daemon the image starts reads. */
  required: string[];
}

async function readImage(image: OpenedImage, onLayer?: (progress: LayerProgress) => void): Promise<ReadImage> {
  const { config, argv, workdir, expand } = readImageConfig(image.config);
  const direct = launchFromArgv(argv);
  const hints = new Set(
    [...direct.configs, ...direct.programs].flatMap((w) => {
      const p = expand(w);
      return p === null ? [] : [inImage(p, workdir).slice(1)];
    }),
  );
  // The usual places and what the Entrypoint/Cmd names are read under a budget of their own: an image
  // that fills the speculative budget with `*.conf` files cannot crowd out the config the daemon reads.
  const needed = new Set([...hints, ...[...USUAL_CONFIG_PATHS, ...PACKAGE_DBS, ...ACCOUNT_DBS].map((p) => p.slice(1))]);
  const fs = await indexImage(
    image.layers,
    (p) => hints.has(p) || prefetchInImage(p),
    (p) => needed.has(p),
    onLayer,
    secretsNamedIn,
  );
  const launch = await followScripts(fs, direct, workdir, expand);
  const required = launch.daemon && launch.unresolved.length === 0 ? (launch.configs.length > 0 ? launch.configs : [DEFAULT_CONFIG_PATH]) : launch.configs;
  // Configs first: a big package database takes what budget is left, never the config's. It may exceed the usual per-file cap.
  await fs.load([...required, ...USUAL_CONFIG_PATHS, ...ACCOUNT_DBS, ...PACKAGE_DBS], (p) => (PACKAGE_DB_SET.has(p) ? PACKAGE_DB_MAX_BYTES : MAX_IMAGE_FILE_BYTES));
  const nsswitch = fs.content(ACCOUNT_FILES.nsswitch)?.toString('utf8');
  const accounts = { passwd: names(fs, ACCOUNT_FILES.passwd, nsswitch, 'passwd'), group: names(fs, ACCOUNT_FILES.group, nsswitch, 'group') };
  return { fs, launch, required, target: { repository: image.repository, digest: image.digest, config, layerSecrets: fs.secrets, startsDaemon: launch.daemon, daemonArgs: launch.daemonArgs, accounts } };
}

/** The names a regular file of the image lists (content() follows links inside the image root only), or null. */
function names(fs: ImageFs, path: string, nsswitch: string | undefined, database: 'passwd' | 'group'): string[] | null {
  const bytes = fs.content(path);
  return bytes ? accountNames(bytes.toString('utf8'), nsswitch === undefined ? undefined : { text: nsswitch, database }) : null;
}

/** targets → facts: every config the daemon reads or the usual places hold, in order; errors for those it cannot. */
async function* imageTargets({ fs, target, launch, required }: ReadImage, ref: string, label: string, today: string): AsyncGenerator<ImageTargetResult> {
  const release = await imageRsyncRelease(fs);
  const error = (path: string, message: string, hint: string): ImageTargetResult => ({ target: { target: `${target.repository}:${path}`, label: `${label} ${path}`, message, hint }, texts: [] });
  for (const word of launch.unresolved) {
    yield error(
      word,
      `${ref}: rsync --daemon, started by ${launch.startedBy.join(' and ')}, reads the config --config=${word}, which only the run-time environment resolves`,
      'Set the variable in the image (ENV) so the path is known, or scan the config the container really gets with `rsyncguard scan`.',
    );
  }
  const usable: string[] = [];
  const done = new Set<string>();
  for (const path of [...new Set([...required, ...USUAL_CONFIG_PATHS])]) {
    const why = unusableConfig(fs, path);
    if (why !== null) {
      if (required.includes(path)) {
        yield error(
          path,
          `${ref}: rsync --daemon, started by ${launch.startedBy.join(' and ')}, reads the config ${path}, which ${why}`,
          'Fix the --config path (or the link) in the image; if the config is mounted at run time, scan that file with `rsyncguard scan` instead.',
        );
      } else if (fs.stat(path)?.kind === 'file') {
        // A config in the usual place that was too big to read is not "no config": say so.
        yield error(path, `${ref}: the config ${path} ${why}`, 'Extract the file and scan it with `rsyncguard scan`.');
      }
      continue;
    }
    const real = fs.stat(path)?.path ?? path;
    if (done.has(real)) continue;
    done.add(real);
    usable.push(path);
  }
  let documents = 0;
  for (const parsed of await parseImageConfigs(fs, usable)) {
    if (parsed.incomplete) {
      yield error(
        parsed.path,
        `${ref}: the config ${parsed.path} pulls in files through more than ${MAX_ROUNDS} levels of includes that had to be read one level at a time; not evaluated`,
        'Extract the config and what it includes and scan them with `rsyncguard scan`.',
      );
      continue;
    }
    const doc = imageDocument({ ...target, ref, label, release }, parsed, today);
    documents++;
    yield { target: doc, texts: parsed.texts };
    // A package database or os-release that is there but was refused: the findings stand, but the rsync
    // version (so its CVEs) was not read as the image has it, and a clean result must not look complete.
    if (release.refused && release.refused.length > 0) {
      yield {
        target: {
          target: doc.target.id,
          label: doc.target.display,
          message: `${ref}: not fully read: ${release.refused.join('; ')}; the rsync version and its vulnerabilities rest on what could be read`,
          hint: 'Repair or regenerate the file in the image (the package manager rewrites its database), then scan it again; the message names each file and why.',
        },
        texts: [],
      };
    }
  }
  // A secrets file baked into a layer is in the image for anyone who pulls it, even when the config that
  // named it was deleted with it (or the config the daemon reads is missing): reported on a target of its
  // own when no config's document carries it. An image that shows no rsync at all (no config in any layer
  // naming a secrets file, no daemon started) is left alone: a file merely named like one is not enough.
  const namer = fs.secretsNamers[0];
  if (documents === 0 && fs.secrets.length > 0 && (namer !== undefined || launch.daemon)) {
    const doc = imageLayerSecretsDocument({ ...target, ref, label, release }, namer, required[0] ?? DEFAULT_CONFIG_PATH, today);
    yield { target: doc, texts: [] };
  }
}

/** The settings a scan depends on, checked before anything is read: an invalid one is never "no limit" or "no credentials". */
function checkSettings(fullRef: string, opts: RegistryOptions & { paths?: boolean }): UserError | undefined {
  const limits = readImageLimits();
  if (!limits.ok) return limits.error;
  // The default Docker config matters only to a registry; one named with --docker-config always does.
  if (opts.dockerConfig === undefined && (isLocalTransport(fullRef) || (opts.paths === true && isLocalPath(fullRef)))) return undefined;
  const config = readDockerConfig(opts.dockerConfig);
  return config.ok ? undefined : config.error;
}

/**
 * The image's targets, or why it was not scanned (see ImageScanFailure). Only a bug throws: every failure
 * the image, the registry or the settings can cause comes back as the value.
 */
export async function scanImage(fullRef: string, opts: RegistryOptions & { today: string; paths?: boolean; onLayer?: (progress: LayerProgress) => void }): Promise<Result<ImageScan, ImageScanFailure>> {
  const setting = checkSettings(fullRef, opts);
  if (setting !== undefined) return fail({ kind: 'setting', error: setting });
  let image: OpenedImage;
  try {
    image = await openImage(fullRef, opts, { paths: opts.paths === true });
  } catch (e) {
    return readFailure(e);
  }
  try {
    const read = await readImage(image, opts.onLayer);
    const shown = imageDisplayRef(fullRef);
    const scan: ImageScan = { facts: [], repository: image.repository, labels: new Map(), warnings: [], texts: new Map() };
    for await (const { target, texts } of imageTargets(read, shown, imageLabel(shown, image, opts.paths === true), opts.today)) {
      scan.facts.push(target);
      if ('schema' in target) scan.labels.set(target.target.id, target.target.display);
      else if (target.label !== undefined) scan.labels.set(target.target, target.label);
      for (const [path, text] of texts) scan.texts.set(path, text);
    }
    return ok({ ...scan, warnings: [...(image.warnings ?? []), ...read.fs.warnings] });
  } catch (e) {
    // The layer reader words a dropped connection as a broken layer: the registry knows better.
    const lost = image.unavailable?.();
    return readFailure(lost !== undefined && !(e instanceof EnvironmentFailure) ? new EnvironmentFailure(lost) : e);
  } finally {
    image.close();
  }
}

/** A failure to read the image as the value scanImage returns; anything else is a bug, and thrown on. */
function readFailure(e: unknown): Result<never, ImageScanFailure> {
  if (!isReadFailure(e)) throw e;
  return fail({ kind: failureKind(e), message: errorMessage(e) });
}
