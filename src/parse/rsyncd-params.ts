/**
 * rsync 3.5.0's parameter table (daemon-parm.txt), with the first release that knows each label.
 * Reference: shared/reference/rsyncd.md §2. There are no aliases: `bind_address|address` there means
 * "C variable | label", so only the label is accepted.
 */
export type ParamType = 'string' | 'path' | 'integer' | 'enum' | 'bool' | 'bool3';
export type ParamClass = 'global' | 'local';

export interface ParamSpec {
  /** The canonical label, as rsync matches it (case and whitespace ignored). */
  name: string;
  type: ParamType;
  class: ParamClass;
  /** Table default: null for a NULL string, 'unset' for BOOL3 Unset. */
  default: string | number | boolean | null | 'unset';
  since: string;
}

const p = (name: string, type: ParamType, cls: ParamClass, dflt: ParamSpec['default'], since: string): ParamSpec => ({ name, type, class: cls, default: dflt, since });

/** `DEFAULT_DONT_COMPRESS` (rsync.h): the --skip-compress suffix list. */
const DONT_COMPRESS = '*.gz *.zip *.z *.rpm *.deb *.iso *.bz2 *.t[gb]z *.7z *.mp[34] *.mov *.avi *.ogg *.jpg *.jpeg *.png *.lzo *.rzip *.lzma *.rar *.ace *.gpg *.xz *.txz *.lz *.tlz';

export const PARAMS: readonly ParamSpec[] = [
  p('address', 'string', 'global', null, '2.6.4'),
  p('daemon chroot', 'string', 'global', null, '3.1.3'),
  p('daemon gid', 'string', 'global', null, '3.1.3'),
  p('daemon uid', 'string', 'global', null, '3.1.3'),
  p('motd file', 'string', 'global', null, '2.0.0'),
  p('pid file', 'string', 'global', null, '2.2.0'),
  p('proxy protocol hosts', 'string', 'global', null, '3.5.0'),
  p('socket options', 'string', 'global', null, '2.0.5'),
  p('listen backlog', 'integer', 'global', 5, '3.1.0'),
  p('port', 'integer', 'global', 0, '2.6.4'),
  p('proxy protocol', 'bool', 'global', false, '3.2.0'),

  p('auth digest', 'string', 'local', null, '3.5.0'),
  p('auth users', 'string', 'local', null, '2.0.0'),
  p('charset', 'string', 'local', null, '3.0.0'),
  p('comment', 'string', 'local', null, '2.0.0'),
  p('dont compress', 'string', 'local', DONT_COMPRESS, '2.2.1'),
  p('early exec', 'string', 'local', null, '3.2.0'),
  p('exclude', 'string', 'local', null, '2.0.1'),
  p('exclude from', 'string', 'local', null, '2.0.1'),
  p('filter', 'string', 'local', null, '2.6.4'),
  p('gid', 'string', 'local', null, '2.0.0'),
  p('hosts allow', 'string', 'local', null, '2.0.0'),
  p('hosts deny', 'string', 'local', null, '2.0.0'),
  p('include', 'string', 'local', null, '2.2.1'),
  p('include from', 'string', 'local', null, '2.2.1'),
  p('incoming chmod', 'string', 'local', null, '2.6.7'),
  p('lock file', 'string', 'local', '/var/run/rsyncd.lock', '2.0.0'),
  p('log file', 'string', 'local', null, '2.6.9'),
  p('log format', 'string', 'local', '%o %h [%a] %m (%u) %f %l', '2.2.0'),
  p('name', 'string', 'local', null, '2.0.0'),
  p('name converter', 'string', 'local', null, '3.2.3'),
  p('outgoing chmod', 'string', 'local', null, '2.6.7'),
  p('post-xfer exec', 'string', 'local', null, '2.6.6'),
  p('pre-xfer exec', 'string', 'local', null, '2.6.6'),
  p('refuse options', 'string', 'local', null, '2.2.1'),
  p('secrets file', 'string', 'local', null, '2.0.0'),
  p('syslog tag', 'string', 'local', 'rsyncd', '3.1.3'),
  p('uid', 'string', 'local', null, '2.0.0'),
  p('path', 'path', 'local', null, '2.0.0'),
  p('temp dir', 'path', 'local', null, '2.6.7'),
  p('max connections', 'integer', 'local', 0, '2.0.0'),
  p('max verbosity', 'integer', 'local', 1, '2.6.1'),
  p('timeout', 'integer', 'local', 0, '2.2.1'),
  p('syslog facility', 'enum', 'local', 'daemon', '2.0.0'),
  p('fake super', 'bool', 'local', false, '3.0.0'),
  p('forward lookup', 'bool', 'local', true, '3.1.0'),
  p('ignore errors', 'bool', 'local', false, '2.3.2'),
  p('ignore nonreadable', 'bool', 'local', false, '2.3.3'),
  p('insecure links', 'bool', 'local', false, '3.5.0'),
  p('list', 'bool', 'local', true, '2.0.0'),
  p('read only', 'bool', 'local', true, '2.0.0'),
  p('reverse lookup', 'bool', 'local', true, '3.1.0'),
  p('strict modes', 'bool', 'local', true, '2.3.0'),
  p('transfer logging', 'bool', 'local', false, '2.2.0'),
  p('write only', 'bool', 'local', false, '2.6.3'),
  p('munge symlinks', 'bool3', 'local', 'unset', '3.0.0'),
  p('numeric ids', 'bool3', 'local', 'unset', '3.0.0'),
  p('open noatime', 'bool3', 'local', 'unset', '3.2.2'),
  p('use chroot', 'bool3', 'local', 'unset', '2.2.0'),
];

/**
 * loadparm.c strwiEQ: equal when compared ignoring ASCII case and every whitespace character, so
 * `R E A D O N L Y` is `read only`. Underscores and hyphens still count.
 */
/** The parameters whose value is a command the daemon runs (through the shell, for the exec hooks). */
export const HOOK_PARAMS: ReadonlySet<string> = new Set(['early exec', 'pre-xfer exec', 'post-xfer exec', 'name converter']);

export function strwiEq(a: string, b: string): boolean {
  return squash(a) === squash(b);
}

/** The key strwiEQ compares by. */
export function squash(s: string): string {
  const bare = s.replace(/[ \t\n\v\f\r]+/g, '');
  // toupper() in the C locale changes ASCII letters only; String#toUpperCase would also fold "ß" and "ı".
  return /^[\x00-\x7f]*$/.test(bare) ? bare.toUpperCase() : bare.replace(/[a-z]+/g, (run) => run.toUpperCase());
}

const BY_KEY = new Map(PARAMS.map((spec) => [squash(spec.name), spec]));

/** The parameter a name was probably meant to be when underscores or hyphens stand for spaces. */
const BY_LOOSE_KEY = new Map(PARAMS.map((spec) => [squash(spec.name.replace(/-/g, ' ')), spec]));

export function lookupNearParam(name: string): ParamSpec | undefined {
  return BY_LOOSE_KEY.get(squash(name.replace(/[_-]/g, ' ')));
}

export function paramSpec(name: string): ParamSpec | undefined {
  return BY_NAME.get(name);
}

const BY_NAME = new Map(PARAMS.map((spec) => [spec.name, spec]));

/** loadparm.c map_parameter. A name starting with '-' is never a parameter. */
export function lookupParam(name: string): ParamSpec | undefined {
  if (name.startsWith('-')) return undefined;
  return BY_KEY.get(squash(name));
}
