/**
 * A container image without a daemon, read the way Trivy's fanal reads one: every layer walked into an
 * index without content, whiteouts applied, then the analyzers ask for the paths they need — the usual
 * config places, the configs and scripts the Entrypoint/Cmd name, what those configs include, their
 * secrets files, the package databases — and only those are read, links resolved inside the image root.
 * The same parser and facts as files and hosts follow. A daemon the image starts whose config cannot be
 * read is an error for that target, never a clean result.
 */
import { diagnostic } from '../common/index.ts';
import type { TargetError } from '../report/index.ts';
import { buildFacts, relabelFiles, type FactsDocument } from '../facts/index.ts';
import { displayRef, EnvironmentFailure, imageLimits, indexImage, launchFromArgv, openImage, readImageConfig, type ImageFs, type RegistryOptions } from '../sources/index.ts';
import { followScripts, inImage } from './image-launch.ts';
import { MAX_ROUNDS, parseImageConfigs, type ImageConfig } from './image-configs.ts';

const USUAL_CONFIGS = ['/etc/rsyncd.conf', '/etc/rsync/rsyncd.conf', '/usr/local/etc/rsyncd.conf', '/usr/local/etc/rsync/rsyncd.conf'];
/** rsync's compiled-in config path (RSYNCD_SYSCONF) when --daemon runs without --config. */
const DEFAULT_CONFIG = '/etc/rsyncd.conf';
const PACKAGE_DBS = ['/var/lib/dpkg/status', '/lib/apk/db/installed'];

/** Small files the analyzers will want, read while indexing so most images need a single pass. */
const PREFETCH = [
  /^(usr\/local\/)?etc\/rsync/,
  /^etc\/(xinetd\.d|default|sysconfig)\/rsync/,
  /^(etc|lib|usr\/lib)\/systemd\/system\/rsync/,
  /^var\/lib\/dpkg\/status$/,
  /^lib\/apk\/db\/installed$/,
  /^etc\/(os-release|passwd|group)$/,
  /(^|\/)[^/]*secret[^/]*$/i,
  /(^|\/)[^/]*\.(sh|conf|inc)$/,
];

export interface ImageScan {
  /** One facts document per config, and an error for each config the image needs but lacks. */
  facts: (FactsDocument | TargetError)[];
  repository: string;
  warnings: string[];
  texts: Map<string, string>;
}

/** The rsync package's upstream version from dpkg or apk, if the image has either. */
function rsyncVersion(fs: ImageFs): { version: string; source: string } | null {
  const dpkg = fs.content('/var/lib/dpkg/status')?.toString('utf8');
  const deb = dpkg ? /^Package: rsync\n(?:[^\n]+\n)*?Version: (?:\d+:)?(\d+\.\d+\.\d+)/m.exec(dpkg) : null;
  if (deb?.[1]) return { version: deb[1], source: 'dpkg status' };
  const apk = fs.content('/lib/apk/db/installed')?.toString('utf8');
  const alp = apk ? /^P:rsync\nV:(\d+\.\d+\.\d+)/m.exec(apk) : null;
  return alp?.[1] ? { version: alp[1], source: 'apk database' } : null;
}

/** Why a config the daemon needs cannot be evaluated, or null when it can. */
function unusable(fs: ImageFs, path: string): string | null {
  const st = fs.stat(path);
  if (!st) return 'is not in the image (missing, deleted by a later layer, or a symlink that leads nowhere inside the image)';
  if (st.kind !== 'file') return `is not a regular file (${st.kind === 'dir' ? 'a directory' : 'a device, FIFO or socket'})`;
  const why = fs.unreadable(path);
  return why === null ? null : `could not be read: ${why}`;
}

/** What messages, targets and facts say of a reference: never a credential someone wrote into it. */
export function imageDisplayRef(fullRef: string): string {
  return /^(oci|oci-archive|docker-archive):/.test(fullRef) ? fullRef : displayRef(fullRef);
}

export async function scanImage(fullRef: string, opts: RegistryOptions & { today: string }): Promise<ImageScan> {
  // A limit set to something that is not a number is an error before anything is read, never no limit.
  imageLimits();
  const image = await openImage(fullRef, opts);
  const ref = imageDisplayRef(fullRef);
  try {
    const { config: cfg, argv, workdir, expand } = readImageConfig(image.config);
    const direct = launchFromArgv(argv);
    const hints = new Set([...direct.configs, ...direct.programs].flatMap((w) => {
      const p = expand(w);
      return p === null ? [] : [inImage(p, workdir).slice(1)];
    }));
    // The usual places and what the Entrypoint/Cmd names are read under a budget of their own: an image
    // that fills the speculative budget with `*.conf` files cannot crowd out the config the daemon reads.
    const needed = new Set([...hints, ...[...USUAL_CONFIGS, ...PACKAGE_DBS].map((p) => p.slice(1))]);
    const fs = await indexImage(image.layers, (p) => hints.has(p) || PREFETCH.some((re) => re.test(p)), (p) => needed.has(p));
    const launch = await followScripts(fs, direct, workdir, expand);
    const required = launch.daemon && launch.unresolved.length === 0 ? (launch.configs.length > 0 ? launch.configs : [DEFAULT_CONFIG]) : launch.configs;
    await fs.load([...required, ...USUAL_CONFIGS, ...PACKAGE_DBS]);
    const version = rsyncVersion(fs);
    const daemonUser = cfg.user === null || /^(root|0)(:|$)/.test(cfg.user) ? 'root' : 'nonroot';
    const texts = new Map<string, string>();
    const facts: (FactsDocument | TargetError)[] = [];
    const done = new Set<string>();
    for (const word of launch.unresolved) {
      facts.push({
        target: `${image.repository}:${word}`,
        message: `${ref}: rsync --daemon, started by ${launch.startedBy.join(' and ')}, reads the config --config=${word}, which only the run-time environment resolves`,
        hint: 'Set the variable in the image (ENV) so the path is known, or scan the config the container really gets with `rsyncguard scan`.',
      });
    }
    const usable: string[] = [];
    for (const path of [...new Set([...required, ...USUAL_CONFIGS])]) {
      const why = unusable(fs, path);
      if (why !== null) {
        if (required.includes(path)) {
          facts.push({
            target: `${image.repository}:${path}`,
            message: `${ref}: rsync --daemon, started by ${launch.startedBy.join(' and ')}, reads the config ${path}, which ${why}`,
            hint: 'Fix the --config path (or the link) in the image; if the config is mounted at run time, scan that file with `rsyncguard scan` instead.',
          });
        } else if (fs.stat(path)?.kind === 'file') {
          // A config in the usual place that was too big to read is not "no config": say so.
          facts.push({ target: `${image.repository}:${path}`, message: `${ref}: the config ${path} ${why}`, hint: 'Extract the file and scan it with `rsyncguard scan`.' });
        }
        continue;
      }
      const real = fs.stat(path)?.path ?? path;
      if (done.has(real)) continue;
      done.add(real);
      usable.push(path);
    }
    for (const { path, config, secrets, incomplete } of await parseImageConfigs(fs, usable)) {
      if (incomplete) {
        facts.push({
          target: `${image.repository}:${path}`,
          message: `${ref}: the config ${path} pulls in files through more than ${MAX_ROUNDS} levels of includes that had to be read one level at a time; not evaluated`,
          hint: 'Extract the config and what it includes and scan them with `rsyncguard scan`.',
        });
        continue;
      }
      const files = [...config.files.map((f) => f.path), ...secrets.flatMap((x) => (x.file ? [x.file] : []))];
      const doc = buildFacts({
        target: { kind: 'image', id: `${image.repository}:${path}`, display: `${ref} ${path}` },
        daemonUser,
        rsyncVersion: version ? (version.version.split('.').map(Number) as [number, number, number]) : [3, 5, 0],
        today: opts.today,
        rsync: version ? { version: version.version, source: version.source } : { version: null, source: null },
        config: throughLink(fs, path, config),
        secrets,
        fileStats: new Map(config.files.map((cf) => [cf.path, { mode: fs.stat(cf.path)?.mode ?? 0o644, uid: fs.stat(cf.path)?.uid ?? 0 }] as const)),
        image: {
          ref,
          digest: image.digest,
          exposed_ports: cfg.exposed,
          user: cfg.user,
          entrypoint: cfg.entrypoint,
          cmd: cfg.cmd,
          env: cfg.env,
          files: [...new Set(files)].flatMap((p) => {
            const f = fs.stat(p);
            return f ? [{ path: p.replace(/^\/+/, ''), layer: f.layer }] : [];
          }),
          layer_secrets: fs.secrets,
          starts_daemon: launch.daemon,
        },
      });
      facts.push(relabelFiles(doc, (file) => file.replace(/^\/+/, '')));
      for (const cf of config.files) {
        const c = fs.content(cf.path);
        if (c) texts.set(cf.path.replace(/^\/+/, ''), c.toString('utf8'));
      }
      for (const s of secrets) if (s.file) texts.set(s.file.replace(/^\/+/, ''), '');
    }
    return { facts, repository: image.repository, warnings: fs.warnings, texts };
  } catch (e) {
    // The layer reader words a dropped connection as a broken layer: the registry knows better.
    const lost = image.unavailable?.();
    if (lost !== undefined && !(e instanceof EnvironmentFailure)) throw new EnvironmentFailure(lost);
    throw e;
  } finally {
    image.close();
  }
}

/** A config the image reaches through a link (`/etc/rsyncd.conf -> /srv/x.cfg`) is read as its target, and says so. */
function throughLink(fs: ImageFs, path: string, config: ImageConfig['config']): ImageConfig['config'] {
  const real = `/${fs.stat(path)?.path ?? path.replace(/^\/+/, '')}`;
  if (real === path) return config;
  const note = diagnostic('info', 'found-through-link', `Found through a link: ${path} → ${real}; read as ${real}.`, { file: path, line: 1, column: 1 });
  return { ...config, diagnostics: [note, ...config.diagnostics] };
}
