/**
 * The rsyncd configs of an image, parsed with what they pull in. The parser is synchronous and asks a
 * ConfigSource for each `&include`/`&merge`; an image reads content lazily, so the parse runs again after
 * each batch of files it asked for was read (a fixed point: configs rarely include more than one level,
 * and the usual places were read while indexing).
 */
import { posix } from 'node:path';
import type { ConfigSource, IncludeTarget } from '../common/index.ts';
import { parseRsyncdConf, parseSecrets } from '../parse/index.ts';
import type { SecretsInput } from '../facts/index.ts';
import type { ImageFs } from '../sources/index.ts';

type RsyncdConfig = ReturnType<typeof parseRsyncdConf>;

/** Deeper than any include chain rsync itself would follow before failing. */
const MAX_ROUNDS = 64;

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

/** Parse the config at `path` (a regular file whose content is loaded), reading includes as asked. */
export async function parseImageConfig(fs: ImageFs, path: string): Promise<RsyncdConfig> {
  const attempted = new Set<string>();
  for (let round = 0; ; round++) {
    const wanted = new Set<string>();
    const config = parseRsyncdConf(path, fs.content(path) ?? Buffer.alloc(0), imageSource(fs, wanted, attempted));
    if (wanted.size === 0 || round >= MAX_ROUNDS) return config;
    await fs.load(wanted);
    for (const w of wanted) attempted.add(w);
  }
}

/** Every secrets file the modules name, with mode and owner from the tar headers and derived facts only. */
export async function imageSecrets(fs: ImageFs, config: RsyncdConfig, configPath: string): Promise<SecretsInput[]> {
  const named = [...new Set(config.modules.map((m) => m.params['secrets file']?.value).filter((v): v is string => typeof v === 'string' && v !== ''))];
  const where = (p: string) => (posix.isAbsolute(p) ? p : posix.join(posix.dirname(configPath), p));
  await fs.load(named.map(where));
  return named.map((p): SecretsInput => {
    const s = fs.stat(where(p));
    if (!s) return { path: p, stat: null };
    const bytes = fs.content(where(p));
    const parsed = bytes ? parseSecrets(bytes, `/${s.path}`) : undefined;
    return { path: p, file: `/${s.path}`, stat: { mode: s.mode, uid: s.uid, gid: s.gid }, ...(parsed ? { entries: parsed.entries, diagnostics: parsed.diagnostics } : {}) };
  });
}
