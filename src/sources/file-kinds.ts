/**
 * The file-kind registry: what a file in a repository (or named on the command line) is, decided by its
 * name and by the first bytes of its content, and which analyzer reads it. One entry per kind, like the
 * format registry: a kind nobody analyses is skipped with the sentence a user reads, never parsed as
 * rsyncd.conf (a secrets file read as a daemon config "listens on every interface on port 873").
 *
 * Content decides over the name when the two disagree: a `.conf` holding `[Unit]` and `ExecStart=` is a
 * systemd unit, and `stunnel-rsyncd.conf` holding modules is an rsyncd config. rsync content is tried
 * first, and an rsyncd name lends it weight: an `rsyncd.conf` that rsync would serve modules from is one,
 * whatever `#!` banner or [supervisord] module makes it look like another kind. The name decides only
 * when no content test recognises the file (an empty `rsyncd.conf`, a template of placeholders).
 */
import { readsAsRsyncd, rsyncdShape } from './rsyncd-content.ts';

/** Which analyzer reads a kind (src/parse maps the id to the code); `none`: skipped with a note. */
export type AnalyzerId = 'rsyncd' | 'secrets' | 'systemd-unit' | 'xinetd' | 'dockerfile' | 'none';

export type FileKindId = 'rsyncd-config' | 'rsync-secrets' | 'samba' | 'other-config' | 'systemd-unit' | 'dockerfile' | 'stunnel' | 'xinetd' | 'supervisord' | 'upstart' | 'hcl' | 'shell-script' | 'yaml' | 'markdown' | 'unknown';

export interface FileKind {
  id: FileKindId;
  /** How a sentence names it: "a stunnel configuration". */
  label: string;
  analyzer: AnalyzerId;
  /** Paths (with "/" separators) this kind is recognised by when no content test decides. */
  names: RegExp[];
  /** Does the start of the file (BOM and CRs removed) say it is this kind? */
  content?: (head: string) => boolean;
  /** Directory discovery lists a file of this kind only when this holds: unrelated Dockerfiles stay out. */
  concernsRsync: (head: string, path: string) => boolean;
}

export interface Classified {
  kind: FileKind;
  /** What decided: a content test, the name, or neither (unknown). */
  by: 'content' | 'name' | 'none';
}

/** Template engines whose files are rsyncd.conf with tags in it: Jinja, ERB, Puppet EPP, Go, Terraform, consul-template. */
const TPL = 'j2|jinja2?|erb|epp|tmpl|gtpl|tpl|tftpl|ctmpl';

/**
 * What directory discovery looks for, in the words `scan` uses when a path holds none (issue 18): built from
 * TPL and the rsyncd-config names below, so the sentence cannot fall out of step with the registry.
 */
export function rsyncdDiscoveryNames(): string {
  const templates = TPL.replace('jinja2?', 'jinja|jinja2').split('|');
  // The last clause is SNIFF_NAMES' own extensions: a file of another name is never opened to see what it reads like.
  return `rsyncd.conf, rsyncd.d/*.conf, rsyncd*.conf templates (${templates.map((e) => `.${e}`).join(' ')}), copies and fragments (rsyncd.conf.example, .sample, .dist, .header, .footer, .inc) and *.conf, *.cfg, *.inc or template files that read like one`;
}

/** Does the start of this file read as an rsyncd config without its name's help (rsyncd-content.ts)? */
export function looksLikeRsyncd(head: string): boolean {
  return readsAsRsyncd(rsyncdShape(head), false);
}

/** The lines that say something: not blank, not a `#` comment. */
function significant(head: string): string[] {
  return head.split('\n').filter((l) => l.trim() !== '' && !/^\s*#/.test(l));
}

/** rsync's secrets file: `name:password` (or `@group:password`) lines and comments, nothing else. */
function secretsShape(head: string): boolean {
  const lines = significant(head);
  return lines.length > 0 && lines.every((l) => /^@?[^\s:#=[\]{}&;<>"'`$]+:\S/.test(l) && l.length <= 1024);
}

/** An Exec line of a unit, a supervisord command or an upstart exec that runs `rsync … --daemon`; `\` continuation lines joined (systemd.syntax(7)). */
function runsRsyncDaemon(head: string): boolean {
  return /^[ \t]*(Exec\w*|command|exec)[ \t]*=?[ \t]*.*\brsync\b[^\n]*--daemon/im.test(head.replace(/\\[ \t]*\n/g, ' '));
}

/** An xinetd service whose `server` is rsync and whose `server_args` include --daemon. */
export function xinetdRunsRsync(head: string): boolean {
  return /^\s*server\s*=\s*\S*\brsync\s*$/m.test(head) && /^\s*server_args\s*=.*--daemon/m.test(head);
}

/** rsync named as a word, or a variable rsync reads (`RSYNC_PASSWORD`, `RSYNC_CONNECT_PROG`): `_` is a word character, so `\b` alone misses those. */
export const mentionsRsync = (head: string): boolean => /\brsyncd?\b|\bRSYNC_[A-Z]/i.test(head);
const never = (): boolean => false;

/** The registry, in the order content tests are tried: specific signatures first, the loose ones last. */
export const FILE_KINDS: readonly FileKind[] = [
  {
    id: 'shell-script',
    label: 'a shell script',
    analyzer: 'none',
    names: [/\.(sh|bash|ksh|zsh)$/],
    // An interpreter path: `#!!! managed by puppet !!!` is a comment, to rsync as to a shell.
    content: (h) => /^#![ \t]*\/\S/.test(h),
    concernsRsync: never,
  },
  {
    id: 'dockerfile',
    label: 'a Dockerfile',
    analyzer: 'dockerfile',
    names: [/(^|\/)(Dockerfile|Containerfile)([.-][^/]*)?$/i, /\.(dockerfile|containerfile)$/i],
    // The first instruction of a Dockerfile is FROM (ARG may come before it; parser directives are comments).
    content: (h) => /^(FROM|ARG)\s+\S/i.test(significant(h)[0] ?? '') && /^\s*FROM\s+\S/im.test(h),
    concernsRsync: mentionsRsync,
  },
  {
    id: 'systemd-unit',
    label: 'a systemd unit',
    analyzer: 'systemd-unit',
    names: [/\.(service|socket|timer)(\.in)?$/, /\.(service|socket)\.d\/[^/]+\.conf$/],
    content: (h) => /^\s*\[(Unit|Service|Socket|Install|Timer)\]\s*$/m.test(h) && /^\s*[A-Z][A-Za-z]+=/m.test(h),
    concernsRsync: (h) => runsRsyncDaemon(h),
  },
  {
    id: 'supervisord',
    label: 'a supervisord configuration',
    analyzer: 'none',
    names: [/(^|\/)supervisor(d)?[^/]*\.(conf|ini)$/, /(^|\/)supervisor(d)?\.d\/[^/]+$/],
    content: (h) => /^\s*\[(program:[^\]\n]*|supervisord|supervisorctl|unix_http_server|inet_http_server|eventlistener:[^\]\n]*|group:[^\]\n]*)\]/m.test(h),
    concernsRsync: never,
  },
  {
    id: 'xinetd',
    label: 'an xinetd service',
    analyzer: 'xinetd',
    names: [/(^|\/)xinetd\.d\/[^/]+$/, /(^|\/)[^/]*xinetd[^/]*$/i],
    content: (h) => /^\s*service\s+[\w.-]+\s*(\{|\n\s*\{)/m.test(h) || (/^\s*server\s*=/m.test(h) && /^\s*socket_type\s*=/m.test(h)),
    concernsRsync: (h) => xinetdRunsRsync(h),
  },
  {
    id: 'upstart',
    label: 'an upstart job',
    analyzer: 'none',
    names: [/(^|\/)init\/[^/]+\.conf$/, /\.upstart$/],
    content: (h) => /^\s*(start|stop) on\s+\S/m.test(h) && /^\s*(exec|script|respawn|task|expect|description)\b/m.test(h),
    concernsRsync: never,
  },
  {
    id: 'stunnel',
    label: 'a stunnel configuration',
    analyzer: 'none',
    names: [/(^|\/)stunnel[^/]*\.conf$/],
    content: (h) => /^\s*accept\s*=/m.test(h) && /^\s*(connect|exec|cert|key|CAfile|client)\s*=/m.test(h),
    // Not analysed itself, but a service that accepts and relays (or runs rsync) may be the TLS front end of a
    // loopback daemon in the same root (src/facts/reach.ts), whatever the file is called: Debian's stunnel4
    // reads every /etc/stunnel/*.conf, usually stunnel.conf or rsync.conf.
    concernsRsync: (h) => /^\s*accept\s*=/im.test(h) && /^\s*(connect|exec)\s*=/im.test(h),
  },
  {
    id: 'hcl',
    label: 'a Nomad/HCL file',
    analyzer: 'none',
    names: [/\.(hcl|nomad|tf)$/],
    content: (h) => /^\s*(job|task|group|resource|variable|module|provider|terraform)(\s+"[^"\n]*")*\s*\{/m.test(h),
    concernsRsync: never,
  },
  {
    id: 'samba',
    label: 'a Samba configuration (smb.conf)',
    analyzer: 'none',
    // Templates too (an Ansible role's smb.conf.j2): a share's `path`/`read only` are rsync's words as well.
    names: [new RegExp(`(^|/)smb[^/]*\\.conf(\\.(${TPL}|example|sample|dist))?$`), new RegExp(`(^|/)samba/[^/]+\\.conf(\\.(${TPL}))?$`)],
    content: (h) => rsyncdShape(h).samba > 0,
    concernsRsync: never,
  },
  {
    id: 'rsyncd-config',
    label: 'an rsyncd configuration',
    analyzer: 'rsyncd',
    names: [
      /(^|\/)rsyncd\.conf$/,
      /(^|\/)rsyncd\.d\/[^/]+\.(conf|inc)$/,
      new RegExp(`(^|/)rsyncd?[^/]*\\.(conf|inc)(\\.(${TPL}))$`),
      new RegExp(`(^|/)rsyncd\\.conf\\.(${TPL}|example|sample|dist)$`),
      // Fragments a build concatenates into rsyncd.conf (rsyncd.conf.header, .footer, .inc).
      /(^|\/)rsyncd?[^/]*\.conf\.(header|footer|head|tail|inc|in|local)$/,
      /(^|\/)rsyncd?[^/]*\.(header|footer)$/,
      // A prefixed copy or template of one (`backup-rsyncd.conf`, `chef-rsyncd.conf.erb`).
      new RegExp(`rsyncd\\.conf(\\.(${TPL}|example|sample|dist|header|footer|inc))?$`),
    ],
    // classifyFile tries this first, with the name's help when the name says rsyncd.
    content: looksLikeRsyncd,
    // A path that says rsync (`rsync/globals.inc`) lends the same help as an rsyncd name.
    concernsRsync: (h, path) => readsAsRsyncd(rsyncdShape(h), /rsync/i.test(path)),
  },
  {
    id: 'rsync-secrets',
    label: 'an rsync secrets file',
    analyzer: 'secrets',
    names: [/\.(secrets?|passwd|password)$/i, /(^|\/)rsyncd?[^/]*\.(pass|pwd|scrt)$/i],
    content: secretsShape,
    concernsRsync: (h, path) => secretsShape(h) && /rsync/i.test(path),
  },
  {
    id: 'yaml',
    label: 'a YAML file (Ansible, Salt, Kubernetes, …)',
    analyzer: 'none',
    names: [/\.(ya?ml|sls)$/],
    concernsRsync: never,
  },
  {
    id: 'markdown',
    label: 'a README, Markdown or plain-text document',
    analyzer: 'none',
    names: [/\.(md|markdown|mdown|rst|txt)$/i, /(^|\/)README[^/]*$/i],
    concernsRsync: never,
  },
];

const RSYNCD = FILE_KINDS.find((k) => k.id === 'rsyncd-config') as FileKind;
const SAMBA = FILE_KINDS.find((k) => k.id === 'samba') as FileKind;
export const UNKNOWN_KIND: FileKind = { id: 'unknown', label: 'a file of a kind rsyncguard does not recognise', analyzer: 'none', names: [], concernsRsync: never };
/** A generic `.conf` whose settings are not rsync's (nginx.conf, sysctl.conf): rsync would ignore every one of them, so it configures no daemon. */
const OTHER_CONFIG: FileKind = { id: 'other-config', label: 'a configuration file whose settings are not rsyncd.conf parameters', analyzer: 'none', names: [], concernsRsync: never };

/**
 * A configuration file named only generically (`.conf`, `.inc`, `.cfg`, or a template of one) whose content no test recognises
 * (comments only, empty, template tags, a lone rsync parameter) is read as rsyncd.conf, as rsync itself would read any file given to --config.
 */
const GENERIC_CONFIG = new RegExp(`\\.(conf|inc|cfg)(\\.(${TPL}|example|sample|dist))?$`);

/** How much of a file the content tests read: enough for any header, and a bound on the work for a huge file. */
export const HEAD_BYTES = 16 * 1024;
/** How far the content tests read when the first HEAD_BYTES hold next to nothing but comments (a licence banner, one huge comment line). */
export const MAX_HEAD_BYTES = 256 * 1024;

/** The text of a file's first bytes as the content tests read it: no BOM, LF line ends, NUL means binary. */
export function headText(head: Uint8Array | string): string | null {
  const text = typeof head === 'string' ? head : Buffer.from(head).toString('utf8');
  if (text.includes('\0')) return null;
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Fewer than three lines that are not blank or comments: the content tests have too little to go on. */
export function thinHead(text: string): boolean {
  return significant(text.replace(/^;.*$/gm, '')).length < 3;
}

/** The part of a file the content tests read: HEAD_BYTES, or up to MAX_HEAD_BYTES when that much is only comments. */
export function contentWindow(bytes: Uint8Array): Uint8Array {
  const head = bytes.subarray(0, HEAD_BYTES);
  if (bytes.length <= HEAD_BYTES) return head;
  const text = headText(head);
  return text !== null && thinHead(text) ? bytes.subarray(0, MAX_HEAD_BYTES) : head;
}

/**
 * What a file is. rsync content first, with the name's help when the name says rsyncd (a real rsyncd.conf
 * is never taken for another kind because of a `#!` banner or a module called [Service]); then the other
 * kinds' content tests; then the names; then a generic config name read as rsyncd.conf when nothing in it
 * is foreign to rsync.
 */
export function classifyFile(path: string, head: Uint8Array | string): Classified {
  const p = path.split('\\').join('/');
  const named = rsyncdByName(p);
  const text = headText(typeof head === 'string' ? head.slice(0, MAX_HEAD_BYTES) : contentWindow(head));
  const shape = text === null ? null : rsyncdShape(text);
  if (text !== null && shape !== null) {
    // A Samba-named file (smb.conf.j2, samba/shares.conf) is Samba's share definitions unless its name also says rsync.
    if (!/rsync/i.test(p) && SAMBA.names.some((re) => re.test(p))) return { kind: SAMBA, by: 'name' };
    const other = FILE_KINDS.find((kind) => kind !== RSYNCD && kind.content?.(text));
    // Only keys rsync shares with every INI dialect (`[Service] Name= Path= Port=`): another kind's signature decides.
    const weak = !named && !shape.directive && shape.distinctive + shape.misspelt === 0;
    if (readsAsRsyncd(shape, named) && !(weak && other)) return { kind: RSYNCD, by: 'content' };
    if (other) return { kind: other, by: 'content' };
  }
  for (const kind of FILE_KINDS) if (kind.names.some((re) => re.test(p))) return { kind, by: 'name' };
  if (GENERIC_CONFIG.test(p)) return shape === null || shape.unknown + shape.other === 0 ? { kind: RSYNCD, by: 'name' } : { kind: OTHER_CONFIG, by: 'content' };
  return { kind: UNKNOWN_KIND, by: 'none' };
}

/**
 * The names that make a file worth opening during discovery: a kind someone analyses, or a config-like
 * extension. One alternation, built once: discovery tests every path of a repository against it. Case is
 * ignored (opening one file too many costs a read, nothing else).
 */
const SNIFF_NAMES = new RegExp([...FILE_KINDS.filter((k) => k.analyzer !== 'none').flatMap((k) => k.names), new RegExp(`\\.(conf|inc|cfg|${TPL}|example|sample)$`)].map((re) => `(?:${re.source})`).join('|'), 'i');

/** Does the path alone make the file worth opening during discovery? */
export function worthSniffing(path: string): boolean {
  return SNIFF_NAMES.test(path);
}

/** Is this an rsyncd config by its name alone (discovery lists it without reading it)? */
export function rsyncdByName(path: string): boolean {
  return RSYNCD.names.some((re) => re.test(path));
}
