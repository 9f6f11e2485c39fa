/**
 * The file-kind registry: what a file in a repository (or named on the command line) is, decided by its
 * name and by the first bytes of its content, and which analyzer reads it. One entry per kind, like the
 * format registry: a kind nobody analyses is skipped with the sentence a user reads, never parsed as
 * rsyncd.conf (a secrets file read as a daemon config "listens on every interface on port 873").
 *
 * Content decides over the name when the two disagree: a `.conf` holding `[Unit]` and `ExecStart=` is a
 * systemd unit, and `stunnel-rsyncd.conf` holding modules is an rsyncd config. The name decides only when
 * no content test recognises the file (an empty `rsyncd.conf`, a template of placeholders).
 */

/** Which analyzer reads a kind (src/parse maps the id to the code); `none`: skipped with a note. */
export type AnalyzerId = 'rsyncd' | 'secrets' | 'systemd-unit' | 'xinetd' | 'dockerfile' | 'none';

export type FileKindId = 'rsyncd-config' | 'rsync-secrets' | 'systemd-unit' | 'dockerfile' | 'stunnel' | 'xinetd' | 'supervisord' | 'upstart' | 'hcl' | 'shell-script' | 'yaml' | 'markdown' | 'unknown';

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

/** rsyncd.conf(5) parameters that mark `key = value` lines as rsync's, whatever the file is called. */
const RSYNC_PARAMS =
  /^\s*(path|read\s*only|write\s*only|auth\s*users|secrets\s*file|hosts\s*allow|hosts\s*deny|use\s*chroot|max\s*connections|list|uid|gid|comment|motd\s*file|pid\s*file|lock\s*file|log\s*file|transfer\s*logging|refuse\s*options|dont\s*compress|timeout|reverse\s*lookup|strict\s*modes|daemon\s*uid|daemon\s*gid|incoming\s*chmod|outgoing\s*chmod|ignore\s*nonreadable|fake\s*super|munge\s*symlinks|numeric\s*ids|charset|syslog\s*facility|port|address|socket\s*options|exclude|include|filter)\s*=/gim;
const MODULE_PARAMS = /^\s*(path|read\s*only|write\s*only|auth\s*users|secrets\s*file|hosts\s*allow|hosts\s*deny|use\s*chroot|max\s*connections|list|uid|gid|comment)\s*=/gim;

/** Does the start of this file look like an rsyncd config: a [module] header and a `path =` or two rsync parameters? */
export function looksLikeRsyncd(head: string): boolean {
  if (!/^\s*\[[^\]\n/]+\]/m.test(head)) return false;
  if (/^\s*\[(program|unix_http_server|supervisord|Unit|Service|Install|Socket|mysqld|client|defaults)\]/im.test(head)) return false;
  const params = new Set([...head.matchAll(MODULE_PARAMS)].map((m) => (m[1] ?? '').replace(/\s+/g, ' ').toLowerCase()));
  return params.has('path') && params.size >= 2;
}

/** A fragment of globals (`rsyncd.conf.header`, a `&merge` target): rsync parameter lines or directives and nothing of another kind. */
function rsyncdFragment(head: string): boolean {
  if (/^\s*&(include|merge)\s/m.test(head)) return true;
  const params = new Set([...head.matchAll(RSYNC_PARAMS)].map((m) => (m[1] ?? '').replace(/\s+/g, ' ').toLowerCase()));
  return params.size >= 2 || (params.size === 1 && /^\s*\[[^\]\n]+\]\s*$/m.test(head));
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

/** An Exec line of a unit, a supervisord command or an upstart exec that runs `rsync … --daemon`. */
function runsRsyncDaemon(head: string): boolean {
  return /^\s*(Exec\w*|command|exec)\s*=?\s*.*\brsync\b[^\n]*--daemon/im.test(head);
}

/** An xinetd service whose `server` is rsync and whose `server_args` include --daemon. */
export function xinetdRunsRsync(head: string): boolean {
  return /^\s*server\s*=\s*\S*\brsync\s*$/m.test(head) && /^\s*server_args\s*=.*--daemon/m.test(head);
}

const mentionsRsync = (head: string): boolean => /\brsyncd?\b/i.test(head);
const never = (): boolean => false;

/** The registry, in the order content tests are tried: specific signatures first, the loose ones last. */
export const FILE_KINDS: readonly FileKind[] = [
  {
    id: 'shell-script',
    label: 'a shell script',
    analyzer: 'none',
    names: [/\.(sh|bash|ksh|zsh)$/],
    content: (h) => /^#!/.test(h),
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
    concernsRsync: never,
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
    id: 'rsyncd-config',
    label: 'an rsyncd configuration',
    analyzer: 'rsyncd',
    names: [
      /(^|\/)rsyncd\.conf$/,
      /(^|\/)rsyncd\.d\/[^/]+\.(conf|inc)$/,
      /(^|\/)rsyncd?[^/]*\.(conf|inc)(\.(j2|jinja2?|erb|tmpl|gtpl|tpl))$/,
      /(^|\/)rsyncd\.conf\.(j2|jinja2?|erb|tmpl|gtpl|tpl|example|sample|dist)$/,
      // Fragments a build concatenates into rsyncd.conf (rsyncd.conf.header, .footer, .inc).
      /(^|\/)rsyncd?[^/]*\.conf\.(header|footer|head|tail|inc|in|local)$/,
      /(^|\/)rsyncd?[^/]*\.(header|footer)$/,
      // A prefixed copy or template of one (`backup-rsyncd.conf`, `chef-rsyncd.conf.erb`).
      /rsyncd\.conf(\.(j2|jinja2?|erb|tmpl|gtpl|tpl|example|sample|dist|header|footer|inc))?$/,
    ],
    content: (h) => looksLikeRsyncd(h) || rsyncdFragment(h),
    concernsRsync: (h, path) => looksLikeRsyncd(h) || (/rsync/i.test(path) && rsyncdFragment(h)),
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
    label: 'a README or Markdown document',
    analyzer: 'none',
    names: [/\.(md|markdown|mdown|rst|txt)$/i, /(^|\/)README[^/]*$/i],
    concernsRsync: never,
  },
];

const RSYNCD = FILE_KINDS.find((k) => k.id === 'rsyncd-config') as FileKind;
export const UNKNOWN_KIND: FileKind = { id: 'unknown', label: 'a file of a kind rsyncguard does not recognise', analyzer: 'none', names: [], concernsRsync: never };

/**
 * A configuration file named only generically (`.conf`, `.inc`, `.cfg`, or a template of one) whose content no test recognises
 * (comments only, empty) is read as rsyncd.conf, as rsync itself would read any file given to --config.
 */
const GENERIC_CONFIG = /\.(conf|inc|cfg)(\.(j2|jinja2?|erb|tmpl|gtpl|tpl|example|sample|dist))?$/;

/** How much of a file the content tests read: enough for any header, and a bound on the work for a huge file. */
export const HEAD_BYTES = 16 * 1024;

/** The text of a file's first bytes as the content tests read it: no BOM, LF line ends, NUL means binary. */
export function headText(head: Uint8Array | string): string | null {
  const text = typeof head === 'string' ? head : Buffer.from(head).toString('utf8');
  if (text.includes('\0')) return null;
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** What a file is: content first, then its name, then (for a generic config name) rsyncd.conf, else unknown. */
export function classifyFile(path: string, head: Uint8Array | string): Classified {
  const p = path.split('\\').join('/');
  const text = headText(typeof head === 'string' ? head.slice(0, HEAD_BYTES) : head.subarray(0, HEAD_BYTES));
  if (text !== null) {
    for (const kind of FILE_KINDS) if (kind.content?.(text)) return { kind, by: 'content' };
  }
  for (const kind of FILE_KINDS) if (kind.names.some((re) => re.test(p))) return { kind, by: 'name' };
  if (GENERIC_CONFIG.test(p)) return { kind: RSYNCD, by: 'name' };
  return { kind: UNKNOWN_KIND, by: 'none' };
}

/**
 * The names that make a file worth opening during discovery: a kind someone analyses, or a config-like
 * extension. One alternation, built once: discovery tests every path of a repository against it. Case is
 * ignored (opening one file too many costs a read, nothing else).
 */
const SNIFF_NAMES = new RegExp([...FILE_KINDS.filter((k) => k.analyzer !== 'none').flatMap((k) => k.names), /\.(conf|inc|cfg|j2|jinja2?|erb|tmpl|gtpl|tpl|example|sample)$/].map((re) => `(?:${re.source})`).join('|'), 'i');

/** Does the path alone make the file worth opening during discovery? */
export function worthSniffing(path: string): boolean {
  return SNIFF_NAMES.test(path);
}

/** Is this an rsyncd config by its name alone (discovery lists it without reading it)? */
export function rsyncdByName(path: string): boolean {
  return RSYNCD.names.some((re) => re.test(path));
}
