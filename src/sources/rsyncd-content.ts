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
const LABELS =
  'address|daemon chroot|daemon gid|daemon uid|motd file|pid file|proxy protocol hosts|socket options|listen backlog|port|proxy protocol|auth digest|auth users|charset|comment|dont compress|early exec|exclude|exclude from|filter|gid|hosts allow|hosts deny|include|include from|incoming chmod|lock file|log file|log format|name|name converter|outgoing chmod|post-xfer exec|pre-xfer exec|refuse options|secrets file|syslog tag|uid|path|temp dir|max connections|max verbosity|timeout|syslog facility|fake super|forward lookup|ignore errors|ignore nonreadable|insecure links|list|read only|reverse lookup|strict modes|transfer logging|write only|munge symlinks|numeric ids|open noatime|use chroot'.split(
    '|',
  );
export const RSYNC_LABELS: ReadonlySet<string> = new Set(LABELS.map(squash));

/**
 * smb.conf(5) [global] parameters rsync has no parameter of that name for: one of them makes a file
 * Samba's. Share parameters (`writable`, `browseable`, `guest ok`, `valid users`) are not evidence: people
 * who know Samba write them into rsyncd.conf, and rsync serves the module anyway, only logging "IGNORING
 * unknown parameter" (reference §1.3; real rsync 3.5.0 accepts an anonymous upload to such a module).
 */
const SAMBA_ONLY: ReadonlySet<string> = new Set(
  'workgroup|security|netbios name|server string|server role|map to guest|passdb backend|unix password sync|obey pam restrictions|wins support|dns proxy|printing|load printers|realm|idmap config|usershare allow guests|pam password change|log level|server min protocol|server max protocol'
    .split('|')
    .map(squash),
);

/**
 * rsync parameters that are also everyday INI keys (setup.cfg's `exclude`, a .gitmodules `path`, a desktop
 * entry's `Name`/`Comment`, my.cnf's `port`/`timeout`, systemd-networkd's `Address`): they carry no weight as
 * evidence that a file is rsyncd.conf. The rest (read only, auth users, uid, use chroot …) are rsync's own.
 */
const COMMON_INI: ReadonlySet<string> = new Set('name|comment|path|address|port|timeout|exclude|include|filter|list'.split('|').map(squash));

/** Multi-word rsync labels with their words run together: `auth_users`/`hosts-allow` squash to one of these once `_`/`-` go. */
const JOINED_LABELS: ReadonlySet<string> = new Set(LABELS.filter((l) => l.includes(' ')).map((l) => l.replace(/[\s-]/g, '').toLowerCase()));

/** A name rsync ignores that is one of its multi-word parameters spelt with `_` or `-` (`auth_users`, `hosts-allow`). */
function misspeltLabel(key: string): boolean {
  return /[_-]/.test(key) && JOINED_LABELS.has(key.replace(/[_-]/g, ''));
}

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
  /** Distinct rsync parameters set anywhere that are not everyday INI keys (COMMON_INI). */
  distinctive: number;
  /** Distinct names rsync ignores that are its multi-word parameters with `_`/`-` between the words. */
  misspelt: number;
  /** Distinct Samba-only [global] parameters. */
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
  const shape: RsyncdShape = { known: 0, knownLines: 0, unknown: 0, other: 0, distinctive: 0, misspelt: 0, samba: 0, moduleWithPath: false, directive: false };
  const known = new Set<string>();
  const misspelt = new Set<string>();
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
      if (misspeltLabel(key)) misspelt.add(key);
    }
  }
  shape.known = known.size;
  shape.distinctive = [...known].filter((k) => !COMMON_INI.has(k)).length;
  shape.misspelt = misspelt.size;
  shape.samba = samba.size;
  return shape;
}

/**
 * Does the text read as rsyncd.conf? `named`: the file's name says rsyncd (rsyncd.conf, a template of it),
 * so rsync content decides over any other kind's look-alike (a `#!` banner, a module called [supervisord]
 * or [Service], Samba share words): a few rsync parameters and no more foreign settings than rsync ones
 * are enough. Without the name, evidence that is rsync's own: a directive; a module with `path` (the one
 * parameter rsync requires) and a parameter only rsync has, or one of them misspelt (rsync still serves
 * the module, ignoring the misspelt protection), or nothing foreign at all; or two rsync-only parameters
 * and no more foreign lines than rsync ones. Samba [global] parameters make it Samba's either way.
 */
export function readsAsRsyncd(shape: RsyncdShape, named: boolean): boolean {
  if (shape.samba > 0) return false;
  const foreign = shape.unknown + shape.other;
  if (shape.directive || (named && shape.known >= 1 && foreign <= shape.knownLines)) return true;
  if (shape.moduleWithPath && (shape.distinctive + shape.misspelt >= 1 || foreign === 0)) return true;
  return shape.distinctive >= 2 && foreign <= shape.knownLines;
}
