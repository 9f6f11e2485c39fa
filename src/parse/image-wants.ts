/**
 * The small files an image's analyzers will want (configs in the usual places and beside them, service
 * definitions, package databases, account files, scripts and anything named like a secret), read while
 * the layers are indexed so most images need a single pass. Paths are image-relative (no leading "/").
 */
const PREFETCH = [
  /^(usr\/local\/)?etc\/rsync/,
  /^etc\/(xinetd\.d|default|sysconfig)\/rsync/,
  /^(etc|lib|usr\/lib)\/systemd\/system\/rsync/,
  /^var\/lib\/dpkg\/status$/,
  /^lib\/apk\/db\/installed$/,
  // The rpm database itself is read only when asked (it is usually bigger than what indexing keeps).
  /^(var\/lib\/rpm|usr\/lib\/sysimage\/rpm)\/(rpmdb\.sqlite|Packages|Packages\.db)$/,
  /^etc\/(os-release|passwd|group)$/,
  /^usr\/lib\/os-release$/,
  /(^|\/)[^/]*secret[^/]*$/i,
  /(^|\/)[^/]*\.(sh|conf|inc)$/,
];

export function prefetchInImage(path: string): boolean {
  return PREFETCH.some((re) => re.test(path));
}
