/**
 * What rsync does with a few parameters once their defaults, the daemon's privileges and the modelled
 * version are taken into account. Computed here once: the access simulation acts on it, the facts
 * document carries it, and the policies read it instead of re-deriving it from raw parameters.
 * Reference: shared/reference/rsyncd.md §2 (defaults by version), §3.6, §6 (chroot semantics, uid/gid).
 */
import type { Param, Value } from '../parse/index.ts';
import { atLeast, type Version } from './access/hosts.ts';
import { type TransferIdentity, transferIdentity } from './effective-transfer.ts';
import { unknownRefuseNames } from './refuse-options.ts';
import { type NameDatabase, type Unusable, unusable } from './usable.ts';
import { moduleWritable } from './writable.ts';

/** A derived fact and the sentence that says why it holds. */
export interface Derived {
  value: boolean;
  reason: string;
}

/** Daemon-wide effective facts. */
export interface EffectiveDaemon {
  /** Modules run with root privileges: a root daemon that no `daemon uid` drops. */
  root: Derived;
}

/** Per-module effective facts; `transfer_uid_root` / `transfer_gid_root` come from effective-transfer.ts. */
export interface EffectiveModule extends TransferIdentity {
  /**
   * rsync_module's `use_chroot` once an unset value is resolved: true means the module chroots before
   * any transfer, and refuses the connection ("chroot failed") when the daemon cannot.
   */
  chroot: Derived;
  /** `max connections` below zero: every request for the module is refused. */
  disabled: Derived;
  /** The `refuse options` names that match no rsync option and so refuse nothing (src/facts/refuse-options.ts). */
  refuse_unknown: { value: string[]; reason: string };
  /** Some client can upload: `read only = no` or an `auth users` `:rw` rule (src/facts/writable.ts). */
  writable: Derived;
  /** rsync refuses the module to every client: disabled, an unresolvable `uid`/`gid`, no `path`, or a chroot/setgid/setuid a daemon without root cannot make (src/facts/usable.ts). */
  unusable: Unusable;
}

type Params = Readonly<Record<string, Pick<Param, 'value'> | undefined>>;

/**
 * `daemon uid` set to anything but root makes every later step run as that user. rsync's user_to_uid reads
 * an all-digit value as a uid (so `00` is root) and anything else as a name.
 */
export function dropsRoot(v: Value | undefined): boolean {
  return typeof v === 'string' && v !== '' && v !== 'root' && !(/^\d+$/.test(v) && Number(v) === 0);
}

export function effectiveDaemon(daemonUser: 'root' | 'nonroot', global: Params): EffectiveDaemon {
  const uid = global['daemon uid']?.value;
  if (daemonUser !== 'root') return { root: { value: false, reason: 'The daemon runs as a non-root user.' } };
  if (dropsRoot(uid)) return { root: { value: false, reason: `"daemon uid = ${String(uid)}" drops root before any module is served.` } };
  return { root: { value: true, reason: 'The daemon runs as root and no "daemon uid" drops it.' } };
}

/** `names`: the account names the daemon resolves `uid`/`gid` against, when the target shows them (usable.ts namesSeenByDaemon). */
export function effectiveModule(params: Params, root: boolean, version: Version, names?: NameDatabase): EffectiveModule {
  const chroot = effectiveChroot(params, root, version);
  return {
    chroot,
    disabled: disabled(params),
    refuse_unknown: refuseUnknown(params),
    writable: moduleWritable(params, version),
    unusable: unusable(params, root, version, names, chroot.value),
    ...transferIdentity(params, root, version),
  };
}

/** clientserver.c rsync_module: how `use chroot` resolves (§6). */
function effectiveChroot(params: Params, root: boolean, version: Version): Derived {
  const set = params['use chroot']?.value ?? 'unset';
  if (set === true) return { value: true, reason: '"use chroot = yes": the module chroots, or refuses the connection when the daemon cannot.' };
  if (set === false) return { value: false, reason: '"use chroot = no": transfers run without chroot.' };
  // Before 3.2.7 "use chroot" had no unset state: its default was yes.
  if (!atLeast(version, [3, 2, 7])) return { value: true, reason: '"use chroot" is unset, which means yes before rsync 3.2.7.' };
  const path = params['path']?.value;
  if (typeof path === 'string' && path.includes('/./')) {
    return { value: true, reason: '"use chroot" is unset and "path" contains "/./", which requires a chroot.' };
  }
  return root ? { value: true, reason: '"use chroot" is unset and a root daemon\'s chroot("/") test succeeds.' } : { value: false, reason: '"use chroot" is unset and a daemon without root fails the chroot("/") test, so it runs without.' };
}

function refuseUnknown(params: Params): { value: string[]; reason: string } {
  const value = unknownRefuseNames(params['refuse options']?.value);
  return { value, reason: value.length > 0 ? 'rsync matches these names against its option table (options.c long_options) and ignores those that match nothing.' : 'Every "refuse options" name matches an rsync option.' };
}

function disabled(params: Params): Derived {
  const v = params['max connections']?.value;
  const max = typeof v === 'number' ? v : 0;
  return max < 0 ? { value: true, reason: `"max connections = ${max}" disables the module.` } : { value: false, reason: '"max connections" is not negative: the module is served.' };
}

/**
 * Whether the container's processes run as root, as runc (libcontainer's GetExecUser, which Docker,
 * containerd and Podman share) reads the image's `User`: `user[:group]`, where only the user part sets the
 * uid. An empty user part keeps the default uid 0, so `:1000` is root with group 1000 and `1000:0` is uid
 * 1000 with group 0. A numeric user part is a uid whether or not /etc/passwd lists it (`00` is 0); a name
 * is looked up in the image's /etc/passwd, which the facts do not hold: `root` is taken as uid 0, any
 * other name as another account (the container does not start when /etc/passwd lacks it).
 */
export function imageRunsAsRoot(user: string | null): Derived {
  if (user === null || user === '') return { value: true, reason: 'The image sets no User: the container runs as root.' };
  const name = user.split(':')[0] ?? '';
  if (name === '') return { value: true, reason: `User "${user}" has an empty user part, which keeps uid 0: the group part sets only the group.` };
  if (/^[+-]?\d+$/.test(name)) {
    return Number(name) === 0 ? { value: true, reason: `User "${user}" sets uid 0.` } : { value: false, reason: `User "${user}" sets uid ${Number(name)}.` };
  }
  if (name === 'root') return { value: true, reason: `User "${user}" names root.` };
  return { value: false, reason: `User "${user}" names an account other than root (the container does not start if the image's /etc/passwd lacks it).` };
}

/** The modelled version from a facts document's `context.rsync_version` ("3.5.0"). */
export function versionOf(text: string): Version {
  const [a = 0, b = 0, c = 0] = text.split('.').map(Number);
  return [a, b, c];
}
