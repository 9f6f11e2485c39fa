/**
 * The rsyncd configs of an image, parsed with what they pull in. The parser is synchronous and asks a
 * ConfigSource for each `&include`/`&merge`; an image reads content lazily, so the parse runs again after
 * each batch of files it asked for was read (a fixed point). Every config of the image is parsed in the
 * same round and their wants (includes, secrets files) read in one batch, so each layer is walked at most
 * once a round, whatever the number of configs; and the rounds are bounded. A config still waiting for
 * files when the rounds run out could not be evaluated: it is never reported from a partial parse.
 */
import { posix } from 'node:path';
import { diagnostic, NO_INCLUDES } from '../common/index.ts';
import { imageConfigSource, type ImageFs } from '../sources/index.ts';
import type { ParsedConfig } from './host-configs.ts';
import { parseRsyncdConf, type RsyncdConfig } from './rsyncd-config.ts';
import { parseSecrets } from './secrets.ts';
import { moduleSecretsPaths, namedSecrets, type SecretsFile } from './secrets-files.ts';

/**
 * Rounds of lazy reads for all the configs together. Includes the usual names (`*.conf`, `*.inc`) were
 * read while indexing; each round reads one more level of the others, so this is a chain of that many
 * files no indexing pass read, and each round may walk every layer again.
 */
export const MAX_ROUNDS = 64;

export interface ImageRsyncdConfig extends ParsedConfig {
  /** Still waiting for files when the rounds ran out: not evaluated. */
  incomplete: boolean;
  /** Provenance of every config and secrets file it rests on (image-relative path, the layer that wrote it). */
  layers: { path: string; layer: string }[];
  /** The texts reports may quote, by image-relative path (a secrets file's is never kept). */
  texts: [string, string][];
}

/**
 * rsync compares parameter names ignoring case and blanks, so `Secrets File` and `S E C R E T S
 * F I L E` are the same (loadparm.c, strwicmp): a file without those letters in order is no config naming one.
 */
const NAMES_SECRETS_FILE = /s\s*e\s*c\s*r\s*e\s*t\s*s\s*f\s*i\s*l\s*e\s*=/i;

/**
 * The `secrets file` values (global and modules) of one file of an image layer read on its own as an
 * rsyncd config, includes not followed; none when it names none. What the indexer follows in each layer,
 * so a secrets file a later layer deleted, with the config that named it, is still found (layer-index.ts).
 */
export function secretsNamedIn(path: string, bytes: Buffer): string[] {
  if (!NAMES_SECRETS_FILE.test(bytes.toString('latin1'))) return [];
  return namedSecrets(parseRsyncdConf(`/${path}`, bytes, NO_INCLUDES)).map((n) => n.path);
}

/** The secrets files a config's modules name, as paths in the image. */
function secretsPaths(config: RsyncdConfig, configPath: string): { named: string; at: string }[] {
  return moduleSecretsPaths(config).map((p) => ({ named: p, at: posix.isAbsolute(p) ? p : posix.join(posix.dirname(configPath), p) }));
}

/** Every secrets file the modules name, with mode and owner from the tar headers and derived facts only. */
function imageSecrets(fs: ImageFs, config: RsyncdConfig, configPath: string): SecretsFile[] {
  return secretsPaths(config, configPath).map(({ named: p, at }): SecretsFile => {
    const s = fs.stat(at);
    // A directory, FIFO or device is no secrets file: rsync reads no password from it, so every login fails
    // as when nothing is there, and nothing secret sits in a layer.
    if (s?.kind !== 'file') return { path: p, stat: null };
    const bytes = fs.content(at);
    const parsed = bytes ? parseSecrets(bytes, `/${s.path}`) : undefined;
    return { path: p, file: `/${s.path}`, stat: { mode: s.mode, uid: s.uid, gid: s.gid }, ...(parsed ? { entries: parsed.entries, diagnostics: parsed.diagnostics } : {}) };
  });
}

/** A config the image reaches through a link (`/etc/rsyncd.conf -> /srv/x.cfg`) is read as its target, and says so. */
function throughLink(fs: ImageFs, path: string, config: RsyncdConfig): RsyncdConfig {
  const real = `/${fs.stat(path)?.path ?? path.replace(/^\/+/, '')}`;
  if (real === path) return config;
  const note = diagnostic('info', 'found-through-link', `Found through a link: ${path} → ${real}; read as ${real}.`, { file: path, line: 1, column: 1 });
  return { ...config, diagnostics: [note, ...config.diagnostics] };
}

const relative = (p: string) => p.replace(/^\/+/, '');

/** What the image holds of one parsed config: modes, owners, layers and texts of the files it reads. */
function describe(fs: ImageFs, path: string, config: RsyncdConfig, incomplete: boolean): ImageRsyncdConfig {
  const secrets = imageSecrets(fs, config, path);
  const files = [...config.files.map((f) => f.path), ...secrets.flatMap((x) => (x.file ? [x.file] : []))];
  const texts: [string, string][] = [];
  for (const cf of config.files) {
    const c = fs.content(cf.path);
    if (c) texts.push([relative(cf.path), c.toString('utf8')]);
  }
  for (const s of secrets) if (s.file) texts.push([relative(s.file), '']);
  return {
    path,
    config: throughLink(fs, path, config),
    secrets,
    incomplete,
    fileStats: new Map(config.files.map((cf) => [cf.path, { mode: fs.stat(cf.path)?.mode ?? 0o644, uid: fs.stat(cf.path)?.uid ?? 0 }] as const)),
    layers: [...new Set(files)].flatMap((p) => {
      const f = fs.stat(p);
      return f ? [{ path: relative(p), layer: f.layer }] : [];
    }),
    texts,
  };
}

/** Parse the configs at `paths` (regular files whose content is loaded), reading includes and secrets files in batches. */
export async function parseImageConfigs(fs: ImageFs, paths: string[]): Promise<ImageRsyncdConfig[]> {
  const attempted = new Set<string>();
  for (let round = 0; ; round++) {
    const parsed = paths.map((path) => {
      const wants = new Set<string>();
      const config = parseRsyncdConf(path, fs.content(path) ?? Buffer.alloc(0), imageConfigSource(fs, wants, attempted));
      for (const { at } of secretsPaths(config, path)) if (fs.stat(at)?.kind === 'file' && !fs.content(at) && !attempted.has(at)) wants.add(at);
      return { path, config, wants };
    });
    const wanted = new Set(parsed.flatMap((p) => [...p.wants]));
    if (wanted.size === 0 || round >= MAX_ROUNDS) return parsed.map(({ path, config, wants }) => describe(fs, path, config, wants.size > 0));
    await fs.load(wanted);
    for (const w of wanted) attempted.add(w);
  }
}
