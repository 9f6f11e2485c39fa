/**
 * A container image without a daemon: its layers merged as the container would see them, then the same
 * parser and facts as files and hosts — configs, secrets files (mode and owner from the tar headers,
 * passwords reduced to derived facts), the rsync package version, the image config, and every secrets
 * file any layer ever held.
 */
import { posix } from 'node:path';
import type { ConfigSource, IncludeTarget } from '../common/index.ts';
import { buildFacts, relabelFiles, type FactsDocument, type SecretsInput } from '../facts/index.ts';
import { parseRsyncdConf, parseSecrets } from '../parse/index.ts';
import { mergeLayers, openImage, type ImageFile, type MergedImage, type RegistryOptions } from '../sources/index.ts';
import { isObject } from '../common/index.ts';

const USUAL_CONFIGS = ['/etc/rsyncd.conf', '/etc/rsync/rsyncd.conf', '/usr/local/etc/rsyncd.conf', '/usr/local/etc/rsync/rsyncd.conf'];

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

interface ImageConfig {
  user: string | null;
  entrypoint: string[];
  cmd: string[];
  exposed: string[];
  env: { name: string; value: string | null }[];
}

// An image config is public to anyone who can pull the image, but a report is public to more people still.
const CREDENTIAL_NAME = /PASS|SECRET|TOKEN|KEY|CRED|AUTH/i;

function envVar(entry: string): { name: string; value: string | null } {
  const eq = entry.indexOf('=');
  const name = eq < 0 ? entry : entry.slice(0, eq);
  return { name, value: eq < 0 || CREDENTIAL_NAME.test(name) ? null : entry.slice(eq + 1) };
}

function imageConfig(config: unknown): ImageConfig {
  const c = isObject(config) && isObject(config['config']) ? config['config'] : {};
  return {
    user: typeof c['User'] === 'string' && c['User'] !== '' ? c['User'] : null,
    entrypoint: strings(c['Entrypoint']),
    cmd: strings(c['Cmd']),
    exposed: isObject(c['ExposedPorts']) ? Object.keys(c['ExposedPorts']).sort() : [],
    env: strings(c['Env']).map(envVar),
  };
}

/** Follow symlinks inside the image root only; a link that leaves it, or loops, resolves to nothing. */
function lookup(merged: MergedImage, path: string): ImageFile | undefined {
  let current = posix.normalize(path).replace(/^\/+/, '');
  for (let hops = 0; hops < 40; hops++) {
    const parts = current.split('/');
    let resolved = '';
    let link: ImageFile | undefined;
    for (let i = 0; i < parts.length; i++) {
      const candidate = resolved === '' ? (parts[i] ?? '') : `${resolved}/${parts[i] ?? ''}`;
      const f = merged.files.get(candidate);
      if (f?.kind === 'symlink') {
        const target = f.target ?? '';
        const base = target.startsWith('/') ? target : posix.join(posix.dirname(`/${candidate}`), target);
        // posix.normalize of an absolute path never climbs above "/": the image root confines it.
        current = posix.normalize(`/${base}/${parts.slice(i + 1).join('/')}`).replace(/^\/+/, '').replace(/\/+$/, '');
        link = f;
        break;
      }
      resolved = candidate;
    }
    if (!link) return merged.files.get(current);
  }
  return undefined;
}

function imageSource(merged: MergedImage): ConfigSource {
  return {
    resolve(target: string, from: string): IncludeTarget {
      const path = posix.isAbsolute(target) ? target : posix.join(posix.dirname(from), target);
      const f = lookup(merged, path);
      if (!f) return { kind: 'missing', path, reason: 'no such file or directory in the image' };
      if (f.kind === 'dir') {
        const prefix = `${f.path}/`;
        const entries = [...merged.files.keys()].filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/')).map((p) => p.slice(prefix.length));
        return { kind: 'dir', path, entries };
      }
      if (!f.content) return { kind: 'not-followed', path, reason: 'not read from the image (size cap)' };
      return { kind: 'file', path, bytes: f.content };
    },
  };
}

/** The rsync package's upstream version from dpkg or apk, if the image has either. */
function rsyncVersion(merged: MergedImage): { version: string; source: string } | null {
  const dpkg = lookup(merged, '/var/lib/dpkg/status')?.content?.toString('utf8');
  const deb = dpkg ? /^Package: rsync\n(?:[^\n]+\n)*?Version: (?:\d+:)?(\d+\.\d+\.\d+)/m.exec(dpkg) : null;
  if (deb?.[1]) return { version: deb[1], source: 'dpkg status' };
  const apk = lookup(merged, '/lib/apk/db/installed')?.content?.toString('utf8');
  const alp = apk ? /^P:rsync\nV:(\d+\.\d+\.\d+)/m.exec(apk) : null;
  return alp?.[1] ? { version: alp[1], source: 'apk database' } : null;
}

/** Whether the container starts rsync --daemon: in its arguments, or in an entrypoint script it runs. */
function startsDaemon(merged: MergedImage, cfg: ImageConfig): boolean {
  const args = [...cfg.entrypoint, ...cfg.cmd];
  if (args.some((a) => a === '--daemon' || /\brsync\b.*--daemon/.test(a))) return true;
  return args.some((a) => a.startsWith('/') && /\brsync\b[^\n]*--daemon/.test(lookup(merged, a)?.content?.toString('utf8') ?? ''));
}

function configPaths(cfg: ImageConfig): string[] {
  const args = [...cfg.entrypoint, ...cfg.cmd];
  const fromArgs = args.flatMap((a, i) => (a.startsWith('--config=') ? [a.slice(9)] : a === '--config' && args[i + 1] ? [args[i + 1] as string] : []));
  return [...new Set([...fromArgs, ...USUAL_CONFIGS])];
}

function provenance(merged: MergedImage, paths: string[]): { path: string; layer: string }[] {
  return [...new Set(paths)].flatMap((p) => {
    const f = lookup(merged, p);
    return f ? [{ path: p.replace(/^\/+/, ''), layer: f.layer }] : [];
  });
}

export interface ImageScan {
  facts: FactsDocument[];
  repository: string;
  warnings: string[];
  texts: Map<string, string>;
}

export async function scanImage(ref: string, opts: RegistryOptions & { today: string }): Promise<ImageScan> {
  const image = await openImage(ref, opts);
  try {
    const cfg = imageConfig(image.config);
    const scripts = new Set([...cfg.entrypoint, ...cfg.cmd].filter((a) => a.startsWith('/')).map((a) => a.replace(/^\/+/, '')));
    const merged = await mergeLayers(image.layers, scripts);
    const version = rsyncVersion(merged);
    const daemonUser = cfg.user === null || /^(root|0)(:|$)/.test(cfg.user) ? 'root' : 'nonroot';
    const texts = new Map<string, string>();
    const facts: FactsDocument[] = [];
    for (const path of configPaths(cfg)) {
      const f = lookup(merged, path);
      if (!f?.content) continue;
      const config = parseRsyncdConf(path, f.content, imageSource(merged));
      const secrets: SecretsInput[] = [...new Set(config.modules.map((m) => m.params['secrets file']?.value).filter((v): v is string => typeof v === 'string' && v !== ''))].map((p) => {
        const s = lookup(merged, posix.isAbsolute(p) ? p : posix.join(posix.dirname(path), p));
        if (!s) return { path: p, stat: null };
        const parsed = s.content ? parseSecrets(s.content, `/${s.path}`) : undefined;
        return { path: p, file: `/${s.path}`, stat: { mode: s.mode, uid: s.uid, gid: s.gid }, ...(parsed ? { entries: parsed.entries, diagnostics: parsed.diagnostics } : {}) };
      });
      const doc = buildFacts({
        target: { kind: 'image', id: `${image.repository}:${path}`, display: `${ref} ${path}` },
        daemonUser,
        rsyncVersion: version ? (version.version.split('.').map(Number) as [number, number, number]) : [3, 5, 0],
        today: opts.today,
        rsync: version ? { version: version.version, source: version.source } : { version: null, source: null },
        config,
        secrets,
        fileStats: new Map(
          config.files.map((cf) => {
            const f = lookup(merged, cf.path);
            return [cf.path, { mode: f?.mode ?? 0o644, uid: f?.uid ?? 0 }] as const;
          }),
        ),
        image: { ref, digest: image.digest, exposed_ports: cfg.exposed, user: cfg.user, entrypoint: cfg.entrypoint, cmd: cfg.cmd, env: cfg.env, files: provenance(merged, [...config.files.map((f) => f.path), ...secrets.flatMap((x) => (x.file ? [x.file] : []))]), layer_secrets: merged.secrets, starts_daemon: startsDaemon(merged, cfg) },
      });
      facts.push(relabelFiles(doc, (file) => file.replace(/^\/+/, '')));
      for (const cf of config.files) {
        const c = lookup(merged, cf.path)?.content;
        if (c) texts.set(cf.path.replace(/^\/+/, ''), c.toString('utf8'));
      }
      for (const s of secrets) if (s.file) texts.set(s.file.replace(/^\/+/, ''), '');
    }
    return { facts, repository: image.repository, warnings: merged.warnings, texts };
  } finally {
    image.close();
  }
}
