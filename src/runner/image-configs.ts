/**
 * The rsyncd configs of an image, parsed with what they pull in. The parser is synchronous and asks a
 * ConfigSource for each `&include`/`&merge`; an image reads content lazily, so the parse runs again after
 * each batch of files it asked for was read (a fixed point). Every config of the image is parsed in the
 * same round and their wants (includes, secrets files) read in one batch, so each layer is walked at most
 * once a round, whatever the number of configs; and the rounds are bounded. A config still waiting for
 * files when the rounds run out could not be evaluated: it is never reported from a partial parse.
 */
import { posix } from 'node:path';
import type { ConfigSource, IncludeTarget } from '../common/index.ts';
import { parseRsyncdConf, parseSecrets } from '../parse/index.ts';
import type { SecretsInput } from '../facts/index.ts';
import type { ImageFs } from '../sources/index.ts';

type RsyncdConfig = ReturnType<typeof parseRsyncdConf>;

/**
 * Rounds of lazy reads for all the configs together. Includes the usual names (`*.conf`, `*.inc`) were
 * read while indexing; each round reads one more level of the others, so this is a chain of that many
 * files no indexing pass read, and each round may walk every layer again.
 */
export const MAX_ROUNDS = 64;

/** An include source over the image; paths not read yet are collected in `wanted`. */
function imageSource(fs: ImageFs, wanted: Set<string>, attempted: ReadonlySet<string>): ConfigSource {
  return {
    resolve(target: string, from: string): IncludeTarget {
      const path = posix.isAbsolute(target) ? target : posix.join(posix.dirname(from), target);
      const st = fs.stat(path);
      if (!st) return { kind: 'missing', path, reason: 'no such file or directory in the image (or a symlink that leads nowhere inside it)' };
      if (st.kind === 'dir') return { kind: 'dir', path, entries: fs.list(path) ?? [] };
      if (st.kind !== 'file') return { kind: 'other', path };
      const bytes = fs.content(path);
      if (bytes) return { kind: 'file', path, bytes };
      if (attempted.has(path)) return { kind: 'not-followed', path, reason: `not read from the image: ${fs.unreadable(path) ?? 'unreadable'}` };
      wanted.add(path);
      return { kind: 'missing', path, reason: 'not read yet' };
    },
  };
}

export interface ImageConfig {
  path: string;
  config: RsyncdConfig;
  secrets: SecretsInput[];
  /** Still waiting for files when the rounds ran out: not evaluated. */
  incomplete: boolean;
}

/** The secrets files a config's modules name, as paths in the image. */
function secretsPaths(config: RsyncdConfig, configPath: string): { named: string; at: string }[] {
  const named = [...new Set(config.modules.map((m) => m.params['secrets file']?.value).filter((v): v is string => typeof v === 'string' && v !== ''))];
  return named.map((p) => ({ named: p, at: posix.isAbsolute(p) ? p : posix.join(posix.dirname(configPath), p) }));
}

/** Every secrets file the modules name, with mode and owner from the tar headers and derived facts only. */
function imageSecrets(fs: ImageFs, config: RsyncdConfig, configPath: string): SecretsInput[] {
  return secretsPaths(config, configPath).map(({ named: p, at }): SecretsInput => {
    const s = fs.stat(at);
    if (!s) return { path: p, stat: null };
    const bytes = fs.content(at);
    const parsed = bytes ? parseSecrets(bytes, `/${s.path}`) : undefined;
    return { path: p, file: `/${s.path}`, stat: { mode: s.mode, uid: s.uid, gid: s.gid }, ...(parsed ? { entries: parsed.entries, diagnostics: parsed.diagnostics } : {}) };
  });
}

/** Parse the configs at `paths` (regular files whose content is loaded), reading includes and secrets files in batches. */
export async function parseImageConfigs(fs: ImageFs, paths: string[]): Promise<ImageConfig[]> {
  const attempted = new Set<string>();
  for (let round = 0; ; round++) {
    const parsed = paths.map((path) => {
      const wants = new Set<string>();
      const config = parseRsyncdConf(path, fs.content(path) ?? Buffer.alloc(0), imageSource(fs, wants, attempted));
      for (const { at } of secretsPaths(config, path)) if (fs.stat(at)?.kind === 'file' && !fs.content(at) && !attempted.has(at)) wants.add(at);
      return { path, config, wants };
    });
    const wanted = new Set(parsed.flatMap((p) => [...p.wants]));
    if (wanted.size === 0 || round >= MAX_ROUNDS) {
      return parsed.map(({ path, config, wants }) => ({ path, config, secrets: imageSecrets(fs, config, path), incomplete: wants.size > 0 }));
    }
    await fs.load(wanted);
    for (const w of wanted) attempted.add(w);
  }
}
