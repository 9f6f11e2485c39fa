/**
 * Files of a repository that are not rsyncd configs, read by the analyzer the file-kind registry
 * (src/sources/file-kinds.ts) names for their kind: a secrets file gets the secrets-file analysis (weak,
 * shared and dead entries) as a target of its own, a systemd unit that starts `rsync --daemon` its unit
 * settings (for the host unit rules), an xinetd service that starts it whether it is enabled (RSYNC-083), a Dockerfile that mentions rsync what the image will do (for the
 * image rules). Everything else is skipped with a sentence naming its kind. None of them is ever a daemon
 * configuration, so no daemon finding can come from them.
 */
import { dirname, resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../common/index.ts';
import { displayPath, headText, mentionsRsync, xinetdRunsRsync, type Classified, type FileKindId, type ScanRoot } from '../sources/index.ts';
import { readDockerfile, type DockerfileImage } from './dockerfile.ts';
import { launchFromScript } from './image-config.ts';
import { inlineWaivers, type InlineWaiver } from './inline-waivers.ts';
import { parseSecrets } from './secrets.ts';
import type { SecretsFile } from './secrets-files.ts';
import { parseUnitSettings, type UnitSettings } from './systemd-unit.ts';

export type OtherAnalysis =
  | { analyzer: 'secrets'; secrets: SecretsFile }
  | { analyzer: 'systemd-unit'; unit: UnitSettings }
  /** `enabled`: the service block that runs `rsync --daemon` has no `disable = yes` (the first such block that is enabled). */
  | { analyzer: 'xinetd'; enabled: boolean; user: string | null }
  | { analyzer: 'dockerfile'; image: DockerfileImage }
  /** Not analysed: `reason` is the sentence a user reads. */
  | { analyzer: 'none'; reason: string };

/** A file that is not an rsyncd config, as its kind's analyzer read it. */
export interface OtherFile {
  kind: 'other';
  root: string;
  file: string;
  fileKind: FileKindId;
  /** "a Dockerfile", "an rsync secrets file". */
  label: string;
  sha256: string;
  analysis: OtherAnalysis;
  /** What the reader should know about how the file was read (its kind; why it was skipped). */
  diagnostics: Diagnostic[];
  /** `# rsyncguard: ignore RSYNC-### reason` above a line, as in rsyncd.conf: every analyzed kind has `#` comments. */
  inlineWaivers: InlineWaiver[];
  /**
   * The text its findings point into, for a report's regions (SARIF line extents), as a config's files are:
   * never a secrets file's (a line's extent would tell its password's length), nor a skipped file's (no findings).
   */
  text?: string;
}

/**
 * The `Exec…=` values of a unit (prefixes such as `-` and `@` dropped), each read as a command line. Lines
 * ending in `\` are joined first (systemd.syntax(7)), and an empty `ExecStart=` (the reset every drop-in
 * override starts with, systemd.service(5)) is a value of its own: `[ \t]`, never `\s`, so no match
 * runs on into the next line.
 */
export function unitStartsDaemon(text: string): boolean {
  const joined = text.replace(/\\[ \t]*\n/g, ' ');
  return [...joined.matchAll(/^[ \t]*Exec(Start|StartPre|StartPost|Reload)[ \t]*=[ \t]*[-@+!:]*(.*)$/gm)].some((m) => launchFromScript(m[2] ?? '').daemon);
}

/** One `service name { … }` block of an xinetd file, its attributes (`=`, `+=`, `-=` alike) by name. */
interface XinetdService {
  attrs: Map<string, string>;
}

/** xinetd.conf(5): attributes belong to the service block they are written in, never to the whole file. */
export function xinetdServices(text: string): XinetdService[] {
  const out: XinetdService[] = [];
  let current: XinetdService | null = null;
  const loose: XinetdService = { attrs: new Map() };
  let pending = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (/^service\s+\S+/.test(line)) {
      pending = true;
      if (!line.includes('{')) continue;
    }
    if (pending && line.includes('{')) {
      current = { attrs: new Map() };
      out.push(current);
      pending = false;
      continue;
    }
    if (line.startsWith('}')) {
      current = null;
      continue;
    }
    const m = /^(\w+)\s*[-+]?=\s*(.*)$/.exec(line);
    if (m?.[1]) (current ?? loose).attrs.set(m[1], m[2] ?? '');
  }
  // A fragment of attributes with no block around it (a template's body) is one service.
  return out.length > 0 ? out : [loose];
}

/** The rsync daemon services of an xinetd file: the first enabled one decides, else the first disabled one. */
function xinetdRsync(text: string): { enabled: boolean; user: string | null } {
  const rsync = xinetdServices(text).filter((s) => /(^|\/)rsync$/.test(s.attrs.get('server') ?? '') && /--daemon/.test(s.attrs.get('server_args') ?? ''));
  const on = (s: XinetdService) => !/^yes\b/.test(s.attrs.get('disable') ?? '');
  const chosen = rsync.find(on) ?? rsync[0];
  return { enabled: chosen !== undefined && on(chosen), user: chosen?.attrs.get('user')?.split(/\s+/)[0] ?? null };
}

function analyze(classified: Classified, file: string, text: string, bytes: Uint8Array, scan: ScanRoot, modes: Map<string, number>, root: string): OtherAnalysis {
  const { kind } = classified;
  const skip = (why: string): OtherAnalysis => ({ analyzer: 'none', reason: why });
  switch (kind.analyzer) {
    case 'secrets': {
      const parsed = parseSecrets(bytes, file);
      // As for a secrets file a config names: whoever can read the repository can read it, so git's mode is the honest one.
      const mode = modes.get(scan.rel(file));
      return {
        analyzer: 'secrets',
        secrets: { path: displayPath(root, file), file, ...(mode !== undefined ? { stat: { mode, uid: null, gid: null } } : {}), entries: parsed.entries, diagnostics: parsed.diagnostics },
      };
    }
    case 'systemd-unit': {
      // A drop-in (`rsync.service.d/override.conf`) is read after the unit it overrides (systemd.unit(5)):
      // judged alone, the distro unit's sandboxing would be missing and RSYNC-084 would say so wrongly.
      const base = /\.(service|socket)\.d\/[^/]+\.conf$/.test(file) ? scan.open(file.replace(/\.d\/[^/]+\.conf$/, '')) : null;
      const unitText = base === null ? text : base.kind === 'file' ? `${headText(base.bytes) ?? ''}\n${text}` : null;
      if (!unitStartsDaemon(unitText ?? text)) return skip(`${kind.label} that starts no rsync daemon, so the host unit rules have nothing to check`);
      if (unitText === null) return skip(`a systemd drop-in that starts rsync --daemon, over a unit that is not in the scan, so the host unit rules cannot judge the whole unit`);
      return { analyzer: 'systemd-unit', unit: parseUnitSettings(unitText) };
    }
    case 'xinetd':
      if (!xinetdRunsRsync(text)) return skip(`${kind.label} that does not start rsync --daemon, so the superserver rule has nothing to check`);
      return { analyzer: 'xinetd', ...xinetdRsync(text) };
    case 'dockerfile': {
      if (!mentionsRsync(text)) return skip(`${kind.label} that does not mention rsync, so the image rules have nothing to check`);
      const readScript = (contextPath: string): string | null => {
        const opened = scan.open(resolve(dirname(file), contextPath.replace(/^\/+/, '')));
        return opened.kind === 'file' ? headText(opened.bytes) : null;
      };
      const image = readDockerfile(text, readScript);
      if (image === null) return skip(`${kind.label} whose stages build on each other past what rsyncguard reads (a million copied settings), so what the image runs is unknown`);
      return { analyzer: 'dockerfile', image };
    }
    default:
      return skip(kind.id === 'unknown' ? kind.label : `${kind.label}, for which rsyncguard has no analyzer`);
  }
}

/** Read a file the registry says is not an rsyncd config (text: its bytes as the registry read them). */
export function readOtherFile(root: string, file: string, bytes: Uint8Array, classified: Classified, scan: ScanRoot, modes: Map<string, number>, sha256: string): OtherFile {
  const text = headText(bytes) ?? '';
  const analysis = analyze(classified, file, text, bytes, scan, modes, root);
  const at = { file, line: 1, column: 1 };
  const how = classified.by === 'content' ? ' (recognised by its content)' : classified.by === 'name' ? ' (recognised by its name)' : '';
  const diagnostics =
    analysis.analyzer === 'none'
      ? [diagnostic('info', 'not-analyzed', `Skipped: ${analysis.reason}${how}; it was not read as an rsyncd configuration.`, at, 'Nothing to do if this is not an rsync daemon file; exclude it with --exclude to silence this note.')]
      : [diagnostic('info', 'file-kind', `Read as ${classified.kind.label}${how}, not as an rsyncd configuration.`, at)];
  const inline = analysis.analyzer === 'none' ? { waivers: [], diagnostics: [] } : inlineWaivers(bytes, file);
  const regions = analysis.analyzer === 'secrets' || analysis.analyzer === 'none' ? {} : { text };
  return { kind: 'other', root, file, fileKind: classified.kind.id, label: classified.kind.label, sha256, analysis, diagnostics: [...diagnostics, ...inline.diagnostics], inlineWaivers: inline.waivers, ...regions };
}
