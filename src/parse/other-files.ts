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
import { displayPath, headText, xinetdRunsRsync, type Classified, type FileKindId, type ScanRoot } from '../sources/index.ts';
import { readDockerfile, type DockerfileImage } from './dockerfile.ts';
import { launchFromScript } from './image-config.ts';
import { inlineWaivers, type InlineWaiver } from './inline-waivers.ts';
import { parseSecrets } from './secrets.ts';
import type { SecretsFile } from './secrets-files.ts';
import { parseUnitSettings, type UnitSettings } from './systemd-unit.ts';

export type OtherAnalysis =
  | { analyzer: 'secrets'; secrets: SecretsFile }
  | { analyzer: 'systemd-unit'; unit: UnitSettings }
  /** `enabled`: no `disable = yes` line, read as the host collector reads /etc/xinetd.d/rsync. */
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
}

/** The `Exec…=` values of a unit (prefixes such as `-` and `@` dropped), each read as a command line. */
function unitStartsDaemon(text: string): boolean {
  return [...text.matchAll(/^\s*Exec(Start|StartPre|StartPost|Reload)\s*=\s*[-@+!:]*(.*)$/gm)].some((m) => launchFromScript(m[2] ?? '').daemon);
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
    case 'systemd-unit':
      if (!unitStartsDaemon(text)) return skip(`${kind.label} that starts no rsync daemon, so the host unit rules have nothing to check`);
      return { analyzer: 'systemd-unit', unit: parseUnitSettings(text) };
    case 'xinetd':
      if (!xinetdRunsRsync(text)) return skip(`${kind.label} that does not start rsync --daemon, so the superserver rule has nothing to check`);
      return { analyzer: 'xinetd', enabled: !/^\s*disable\s*=\s*yes\b/m.test(text), user: /^\s*user\s*=\s*(\S+)/m.exec(text)?.[1] ?? null };
    case 'dockerfile': {
      if (!/\brsyncd?\b/i.test(text)) return skip(`${kind.label} that does not mention rsync, so the image rules have nothing to check`);
      const readScript = (contextPath: string): string | null => {
        const opened = scan.open(resolve(dirname(file), contextPath.replace(/^\/+/, '')));
        return opened.kind === 'file' ? headText(opened.bytes) : null;
      };
      return { analyzer: 'dockerfile', image: readDockerfile(text, readScript) };
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
  return { kind: 'other', root, file, fileKind: classified.kind.id, label: classified.kind.label, sha256, analysis, diagnostics: [...diagnostics, ...inline.diagnostics], inlineWaivers: inline.waivers };
}
