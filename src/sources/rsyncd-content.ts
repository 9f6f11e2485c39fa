/**
 * Whether text reads as rsyncd.conf, judged the way rsync reads it (params.c, loadparm.c; shared/reference
 * rsyncd.md §1): `#` and `;` lines are comments (a `#!` banner included), `[name]` opens a module whatever
 * the name, parameter names are compared ignoring case and whitespace (`ReadOnly` is `read only`), and a
 * name rsync does not know is ignored. rsync accepts almost any INI file, so "reads as rsyncd.conf" is
 * decided by how many of its settings are rsync's own: an smb.conf, a my.cnf or a sysctl.conf share the
 * syntax but not the parameter names.
 */

/**
 * rsync 3.5.0's parameter labels (daemon-parm.txt; src/parse/rsyncd-params.ts holds the full table, which
 * this stage cannot import), squashed as strwiEQ compares them. test/file-kinds.test.ts keeps the two equal.
 */
export const RSYNC_LABELS: ReadonlySet<string> = new Set(
  'address|daemon chroot|daemon gid|daemon uid|motd file|pid file|proxy protocol hosts|socket options|listen backlog|port|proxy protocol|auth digest|auth users|charset|comment|dont compress|early exec|exclude|exclude from|filter|gid|hosts allow|hosts deny|include|include from|incoming chmod|lock file|log file|log format|name|name converter|outgoing chmod|post-xfer exec|pre-xfer exec|refuse options|secrets file|syslog tag|uid|path|temp dir|max connections|max verbosity|timeout|syslog facility|fake super|forward lookup|ignore errors|ignore nonreadable|insecure links|list|read only|reverse lookup|strict modes|transfer logging|write only|munge symlinks|numeric ids|open noatime|use chroot'
    .split('|')
    .map(squash),
);

/**
 * smb.conf(5) parameters rsync has no parameter of that name for (loadparm.c would log "Unknown Parameter
 * encountered" for each): one of them in a file with Samba's syntax makes it Samba's share definitions.
 */
const SAMBA_ONLY: ReadonlySet<string> = new Set(
  'workgroup|security|netbios name|server string|server role|map to guest|browseable|browsable|writable|writeable|write ok|guest ok|guest only|valid users|invalid users|write list|read list|create mask|create mode|directory mask|directory mode|force user|force group|vfs objects|printable|passdb backend|unix password sync|obey pam restrictions|wins support|dns proxy|printing|load printers|realm|idmap config|usershare allow guests'
    .split('|')
    .map(squash),
);

/** loadparm.c strwiEQ's key: case and every whitespace character ignored (underscores and hyphens count). */
function squash(name: string): string {
  return name.replace(/\s+/g, '').toLowerCase();
}

/** What a text holds, counted as rsync would read its lines. */
export interface RsyncdShape {
  /** Distinct rsync parameters set anywhere. */
  known: number;
  /** Lines setting an rsync parameter. */
  knownLines: number;
  /** `name = value` lines whose name is no rsync parameter. */
  unknown: number;
  /** Lines rsync would call badly formed (no `=`, not a header, comment or directive); template tags excluded. */
  other: number;
  /** Distinct Samba-only parameters. */
  samba: number;
  /** A module (a section other than [global]) sets `path`, rsync's one required module parameter. */
  moduleWithPath: boolean;
  /** A `&` directive line (`&include`, `&merge`, or a misspelt one rsync refuses). */
  directive: boolean;
}

/** A line that is a template engine's tag, not a setting: Jinja/Go `{{ }}`/`{% %}`, ERB/EPP `<% %>`, consul `{{ }}`. */
const TEMPLATE_TAG = /^\s*(\{\{|\{%|\{#|<%|%>|-?%\}|\}\})/;

/** Count a text's lines as rsync reads them; continuation lines (`\` at the end) are joined first. */
export function rsyncdShape(text: string): RsyncdShape {
  const shape: RsyncdShape = { known: 0, knownLines: 0, unknown: 0, other: 0, samba: 0, moduleWithPath: false, directive: false };
  const known = new Set<string>();
  const samba = new Set<string>();
  let inModule = false;
  for (const line of text.replace(/\\[ \t]*\n/g, ' ').split('\n')) {
    const t = line.trim();
    if (t === '' || t.startsWith('#') || t.startsWith(';')) continue;
    if (t.startsWith('[')) {
      const name = /^\[([^\]]*)\]/.exec(t)?.[1];
      if (name === undefined) shape.other++;
      else inModule = squash(name) !== 'global';
      continue;
    }
    // `&` lines are rsync's own syntax (params.c), a misspelt directive included: no other INI dialect has them.
    if (t.startsWith('&')) {
      shape.directive = true;
      continue;
    }
    const eq = t.indexOf('=');
    if (eq <= 0) {
      if (!TEMPLATE_TAG.test(t)) shape.other++;
      continue;
    }
    const key = squash(t.slice(0, eq).replace(/^\\/, ''));
    if (RSYNC_LABELS.has(key)) {
      known.add(key);
      shape.knownLines++;
      if (key === 'path' && inModule) shape.moduleWithPath = true;
    } else if (!TEMPLATE_TAG.test(t)) {
      shape.unknown++;
      if (SAMBA_ONLY.has(key)) samba.add(key);
    }
  }
  shape.known = known.size;
  shape.samba = samba.size;
  return shape;
}

/**
 * Does the text read as rsyncd.conf? `named`: the file's name says rsyncd (rsyncd.conf, a template of it),
 * so rsync content decides over any other kind's look-alike (a `#!` banner, a module called [supervisord]
 * or [Service]): a few rsync parameters and no more foreign settings than rsync ones are enough. Without
 * the name, a module with `path`, two rsync parameters or a directive, and no more foreign lines than rsync ones.
 */
export function readsAsRsyncd(shape: RsyncdShape, named: boolean): boolean {
  const foreign = shape.unknown + shape.other;
  if (named) return shape.samba < 2 && (shape.known >= 1 || shape.directive) && foreign <= shape.knownLines;
  if (shape.samba > 0) return false;
  return (shape.moduleWithPath || shape.known >= 2 || shape.directive) && foreign <= shape.knownLines;
}
