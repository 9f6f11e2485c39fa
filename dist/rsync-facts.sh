#!/bin/sh
# rsync-facts.sh: what a host shows about its rsync daemons, as one JSON document on stdout
# (rsyncguard/host-raw@1). POSIX sh and awk only (dash, busybox sh), read-only, no temporary files, every
# file read capped. Secrets files never leave the host: only facts derived from them here do (entry names,
# lengths, weak/reused/dead flags). What cannot be read is recorded under "errors", never guessed.
# Run as root, it still reads a file only if the daemon using it could: a process counts as a daemon only
# when it runs a root-controlled rsync binary, and only regular files are opened.
# RSYNCGUARD_HOST_NAME names the host in the document (an orchestrator's inventory name) instead of uname -n.
set -u
LC_ALL=C
export LC_ALL
MAX_BYTES=262144
MAX_FILES=64
MAX_ENTRIES=1024

# awk helpers shared by every emitter: JSON string escaping (control characters included). jraw prints as it
# goes: building a long string a character at a time costs time quadratic in its length (a minute for one
# 1 MB argument), which would let any user stall the collector with a long argv or a big config.
JSON_AWK='
function jraw(s,   i, c, n) {
  n = length(s)
  for (i = 1; i <= n; i++) {
    c = substr(s, i, 1)
    if (c == "\\") printf "%s", "\\\\"
    else if (c == "\"") printf "%s", "\\\""
    else if (c == "\n") printf "%s", "\\n"
    else if (c == "\t") printf "%s", "\\t"
    else if (c == "\r") printf "%s", "\\r"
    else if (c < " ") printf "\\u%04x", ord[c]
    else printf "%s", c
  }
}
function jput(s) { printf "%s", "\""; jraw(s); printf "%s", "\"" }
function jesc(s,   i, out, c, n) {
  out = ""; n = length(s)
  for (i = 1; i <= n; i++) {
    c = substr(s, i, 1)
    if (c == "\\") out = out "\\\\"
    else if (c == "\"") out = out "\\\""
    else if (c == "\n") out = out "\\n"
    else if (c == "\t") out = out "\\t"
    else if (c == "\r") out = out "\\r"
    else if (c < " ") out = out sprintf("\\u%04x", ord[c])
    else out = out c
  }
  return "\"" out "\""
}
BEGIN { for (i = 1; i < 32; i++) ord[sprintf("%c", i)] = i }
'

jstr() { printf '%s' "$1" | awk "$JSON_AWK"'BEGIN { printf "%s", "\"" } NR > 1 { printf "%s", "\\n" } { jraw($0) } END { printf "%s", "\"" }'; }

ERRORS=""
NL='
'
fail() { ERRORS="${ERRORS}${ERRORS:+,}{\"path\":$(jstr "$1"),\"reason\":$(jstr "$2")}"; }

# "mode","uid","gid" as JSON members (mode as an octal string), then "size" unless the second argument is
# nosize. GNU and busybox stat both take -c.
file_meta() {
  read -r f_mode f_uid f_gid f_size <<EOF
$(stat -c '%a %u %g %s' "$1" 2>/dev/null)
EOF
  printf '"mode":%s,"uid":%s,"gid":%s' "$( [ -n "${f_mode:-}" ] && printf '"%s"' "$f_mode" || printf null)" "${f_uid:-null}" "${f_gid:-null}"
  [ "${2:-}" = nosize ] || printf ',"size":%s' "${f_size:-null}"
}

# Whose rights a file is read with: the daemon that uses it, because a process's argv is written by whoever
# started it and must not decide what root reads for the report. A reader is KIND:UID:GIDS:DAC — KIND d (a
# running daemon), r (a root-controlled config at a usual place) or w (a config someone other than root can change:
# only world-readable files are followed from it); GIDS comma-separated; DAC 1 when capabilities bypass modes.
ROOT_READER=r:0:0:1
WORLD_READER=w:-1:-1:0
set_reader() { IFS=: read -r r_kind r_uid r_gids r_dac <<EOF
$1
EOF
}

# A daemon's filesystem ids (what the kernel checks on open) and whether CAP_DAC_OVERRIDE or
# CAP_DAC_READ_SEARCH (bits 1 and 2 of CapEff) lets it ignore modes, from /proc/PID/status. Capabilities
# count only in the collector's own user namespace: any user can make one of their own (unshare -Ur) and
# hold every capability there, which opens nothing of root's; the ids shown are already mapped to ours.
SELF_USERNS=$(readlink /proc/self/ns/user 2>/dev/null)
reader_of() {
  own=0
  [ -n "$SELF_USERNS" ] && [ "$(readlink "$1/ns/user" 2>/dev/null)" = "$SELF_USERNS" ] && own=1
  awk -v own="$own" '/^Uid:/ { u = $5 } /^Gid:/ { g = $5 } /^Groups:/ { for (i = 2; i <= NF; i++) gs = gs "," $i }
    /^CapEff:/ { c = tolower(substr($2, length($2))); dac = own && (c != "0" && c != "1" && c != "8" && c != "9") }
    END { if (u != "" && g != "") printf "d:%s:%s%s:%d\n", u, g, gs, dac }' "$1/status" 2>/dev/null
}

# Whether the reader passes PATH's mode bits for BIT (4 read, 1 search) as the kernel decides them without
# ACLs: the owner's bits for the owner, else the group's for a member, else the others'.
perm_ok() {
  m=$(stat -L -c '%a %u %g' "$1" 2>/dev/null) || return 1
  # shellcheck disable=SC2086 # split on purpose: mode, owner, group
  set -- "$2" $m
  [ $# -eq 4 ] || return 1
  if [ "$3" = "$r_uid" ]; then s=6; else case ",$r_gids," in *",$4,"*) s=3 ;; *) s=0 ;; esac; fi
  [ $(( (0$2 >> s) & $1 )) -ne 0 ]
}

# Every directory above PATH (absolute) searchable by the reader.
reachable() {
  [ "$r_dac" = 1 ] && return 0
  _a=$1
  while [ -n "$_a" ] && [ "$_a" != / ]; do
    _a=${_a%/*}
    perm_ok "${_a:-/}" 1 || return 1
  done
}

may_read() { reachable "$1" && { [ "$r_dac" = 1 ] || perm_ok "$1" 4; }; }

denied() {
  case $r_kind in
    d) printf 'the daemon (uid %s) could not read it' "$r_uid" ;;
    *) printf 'not world-readable, and users other than root can change it or the config naming it' ;;
  esac
}

# PATH and every directory above it owned by root and writable by no one else: only root can have put a
# file there, so a binary found there was installed, not planted (a sticky /tmp fails this).
root_controlled() {
  _a=$1
  while :; do
    m=$(stat -L -c '%a %u' "$_a" 2>/dev/null) || return 1
    # shellcheck disable=SC2086 # split on purpose: mode, owner
    set -- $m
    [ "${2:-}" = 0 ] && [ $(( 0$1 & 022 )) -eq 0 ] || return 1
    [ "$_a" = / ] && return 0
    _a=${_a%/*} && _a=${_a:-/}
  done
}

# PATH owned by root, and it and every directory above it writable by no one else — except that a sticky
# directory (/tmp) counts, since no one else can rename or replace root's entries in it. Only root can have
# written what such a file says.
root_written() {
  _a=$1
  _leaf=1
  while :; do
    m=$(stat -L -c '%a %u' "$_a" 2>/dev/null) || return 1
    # shellcheck disable=SC2086 # split on purpose: mode, owner
    set -- $m
    [ "${2:-}" = 0 ] || return 1
    if [ $(( 0$1 & 022 )) -ne 0 ]; then [ "$_leaf" = 0 ] && [ $(( 0$1 & 01000 )) -ne 0 ] || return 1; fi
    [ "$_a" = / ] && return 0
    _leaf=0
    _a=${_a%/*} && _a=${_a:-/}
  done
}

# Root's rights apply to a config only when root alone could have put it there: a user who can change a
# file a root daemon reads (or a directory above it) can make it a link to /etc/shadow, or &include any
# file, and have its text sent. Such a file, and everything it names, is read only if it is world-readable.
drop_rights_unless_root_written() {
  if [ "$r_kind" != w ] && { [ "$r_uid" = 0 ] || [ "$r_dac" = 1 ]; } && ! root_written "$1"; then
    set_reader "$WORLD_READER"
  fi
}

# With fd 3 open on PATH: what was really opened (a path can be swapped between a check and the open) is a
# regular file outside /proc, /sys and /dev that the reader may read. Prints "+" or "-REASON". Without /proc
# (a bare chroot) the path is checked instead of the descriptor.
[ -d /proc/self/fd ] && OPENED=/proc/self/fd/3 || OPENED=""
opened_ok() {
  if [ -n "$OPENED" ]; then real=$(readlink "$OPENED" 2>/dev/null); else real=$(readlink -f "$1" 2>/dev/null); fi
  [ -n "$real" ] || { echo '-the collector cannot tell what it opened'; return 1; }
  case $real in /proc/*|/sys/*|/dev/*) echo '-not a regular file'; return 1 ;; esac
  case $(stat -L -c %F "${OPENED:-$real}" 2>/dev/null) in 'regular file'|'regular empty file') ;; *) echo '-not a regular file'; return 1 ;; esac
  if may_read "$1" && may_read "$real"; then echo +; else printf -- '-%s\n' "$(denied)"; return 1; fi
}

# PATH's first MAX_BYTES bytes, read with the current reader's rights, fed to awk ARGS… after a status line
# ("+", or "-REASON"; no line at all when the open itself failed).
read_as() {
  _p=$1
  shift
  # shellcheck disable=SC2094 # one read-only descriptor; opened_ok only inspects it
  { opened_ok "$_p" && head -c "$MAX_BYTES" <&3; } 2>/dev/null 3<"$_p" | awk "$@"
}

# The status line read_as puts first; END blocks call refused() to know whether the bytes may be used.
# shellcheck disable=SC2016 # awk's own $ fields
STATUS_AWK='
NR == 1 { status = $0; next }
function refused() { return status == "" ? "it could not be opened" : status == "+" ? "" : substr(status, 2) }
'
# shellcheck disable=SC2016 # awk's own $ fields
TEXT_AWK='NR == 2 && refused() == "" { printf "%s", "\"text\":\"" }
refused() == "" { if (NR > 2) printf "%s", "\\n"; jraw($0) }
END { r = refused(); if (r != "") printf "\"text\":null,\"unreadable\":%s", jesc(r); else if (NR < 2) printf "%s", "\"text\":\"\""; else printf "%s", "\"" }'

# One file: its metadata and, if the reader could read it, its text (capped; directories: entry names), or
# with a third argument `secrets` the facts SECRETS_AWK derives from it.
emit_file() {
  p=$1
  set_reader "${2:-$ROOT_READER}"
  if [ "${3:-}" = secrets ]; then none='"entries":null' prog=$SECRETS_AWK size=nosize; else none='"dir":false,"text":null' prog=$TEXT_AWK size=; fi
  if [ ! -e "$p" ]; then printf '{"path":%s,"exists":false}' "$(jstr "$p")"; return; fi
  if ! reachable "$p"; then
    printf '{"path":%s,"exists":true,%s,"unreadable":%s}' "$(jstr "$p")" "$none" "$(jstr "$(denied) (a directory above it is not searchable)")"
    return
  fi
  meta=$(file_meta "$p" "$size")
  if [ -d "$p" ] && [ -z "$size" ]; then
    if ! may_read "$p"; then
      printf '{"path":%s,"exists":true,"dir":true,%s,"entries":[],"unreadable":%s}' "$(jstr "$p")" "$meta" "$(jstr "$(denied)")"
      return
    fi
    entries=""
    n=0
    for e in "$p"/* "$p"/.[!.]*; do
      [ -e "$e" ] || continue
      n=$((n + 1))
      [ "$n" -gt "$MAX_ENTRIES" ] && break
      entries="${entries}${entries:+,}$(jstr "${e##*/}")"
    done
    printf '{"path":%s,"exists":true,"dir":true,%s,"entries":[%s]}' "$(jstr "$p")" "$meta" "$entries"
  elif [ ! -f "$p" ]; then
    printf '{"path":%s,"exists":true,%s,%s,"unreadable":"not a regular file"}' "$(jstr "$p")" "$meta" "$none"
  elif [ ! -r "$p" ]; then
    # Called in a command substitution: the caller cannot see a fail here, so the document says it.
    printf '{"path":%s,"exists":true,%s,%s,"unreadable":"permission denied"}' "$(jstr "$p")" "$meta" "$none"
  else
    printf '{"path":%s,"exists":true,%s,%s}' "$(jstr "$p")" "$meta" "$(read_as "$p" "$JSON_AWK$STATUS_AWK$prog")"
  fi
}

# Derived facts about a secrets file, computed here: the passwords stay in awk's memory. rsync reads the
# secrets file with the daemon's ids before switching to the module's uid, so the same reader applies.
# shellcheck disable=SC2016 # awk's own $ fields
SECRETS_AWK='
BEGIN {
  split("123456 12345678 123456789 password password1 qwerty admin root toor letmein welcome changeme secret test guest backup mirror rsync rsyncd sync default 111111 000000 abc123 iloveyou", w, " ")
  for (i in w) common[w[i]] = 1
}
{
  ln_ = NR - 1
  line = $0; sub(/^\r+/, "", line); sub(/\r.*$/, "", line)
  if (line == "" || substr(line, 1, 1) == "#") next
  c = index(line, ":")
  if (c == 0) { bad[++nbad] = ln_; next }
  name = substr(line, 1, c - 1); pass = substr(line, c + 1)
  grp = substr(name, 1, 1) == "@"; if (grp) name = substr(name, 2)
  key = (grp ? "@" : "") name
  n++; nm[n] = name; kind[n] = grp ? "group" : "user"; ln[n] = ln_; len[n] = length(pass)
  eq[n] = (pass == name); com[n] = (tolower(pass) in common)
  dead[n] = (key in seen); seen[key] = 1
  un[n] = (line ~ /^[ \t]/); tw[n] = (pass ~ /[ \t]$/)
  pw[n] = pass; if (pass != "") uses[pass]++
}
END {
  r = refused()
  if (r != "") { printf "\"entries\":null,\"unreadable\":%s", jesc(r); exit }
  printf "\"entries\":["
  for (i = 1; i <= n; i++) {
    weak = (len[i] < 12 || eq[i] || com[i])
    printf "%s{\"kind\":\"%s\",\"name\":", (i > 1 ? "," : ""), kind[i]
    jput(nm[i])
    # In parentheses: a bare ">" among printf arguments would redirect its output.
    printf(",\"line\":%d,\"length\":%d,\"equals_name\":%s,\"weak\":%s,\"common\":%s,\"reused\":%s,\"dead\":%s,\"unmatchable\":%s,\"trailing_whitespace\":%s}",
      ln[i], len[i], eq[i] ? "true" : "false", weak ? "true" : "false", com[i] ? "true" : "false",
      (uses[pw[i]] > 1) ? "true" : "false", dead[i] ? "true" : "false", un[i] ? "true" : "false", tw[i] ? "true" : "false")
    pw[i] = ""
  }
  printf "],\"lines_without_colon\":["
  for (i = 1; i <= nbad; i++) printf "%s%d", (i > 1 ? "," : ""), bad[i]
  printf "]"
}'

# rsync --daemon processes: argv, ids, root (chroot), working directory, listening socket inodes — and whether
# the kernel shows them running a root-controlled rsync binary. Only those have their config followed, with
# their own rights; anything else that merely calls itself rsync is reported and left alone.
PROCS="" CONFIGS="" INODES="" RSYNC_PID="" RSYNC_EXE=""
SELF_MNT=$(readlink /proc/self/ns/mnt 2>/dev/null)
for d in /proc/[0-9]*; do
  [ -r "$d/cmdline" ] || continue
  args=$(tr '\0' '\n' < "$d/cmdline" 2>/dev/null) || continue
  case "$args" in *rsync*) ;; *) continue ;; esac
  printf '%s\n' "$args" | grep -qx -- '--daemon' || continue
  pid=${d#/proc/}
  uid=$(awk '/^Uid:/ { print $3 }' "$d/status" 2>/dev/null)
  gid=$(awk '/^Gid:/ { print $3 }' "$d/status" 2>/dev/null)
  root=$(readlink "$d/root" 2>/dev/null) || { fail "$d/root" "cannot read (not root?)"; root=""; }
  cwd=$(readlink "$d/cwd" 2>/dev/null) || cwd=""
  exe=$(readlink "$d/exe" 2>/dev/null) || exe=""
  # rsync takes the last --config it is given.
  conf=$(printf '%s\n' "$args" | awk 'prev == "--config" { c = $0 } /^--config=/ { c = substr($0, 10) } { prev = $0 } END { if (c != "") print c }')
  # rsync opens a relative --config from its working directory.
  case $conf in ''|/*) ;; *) [ -n "$cwd" ] && conf="${cwd%/}/$conf" ;; esac
  trust=rsync why=""
  if [ -z "$exe" ]; then
    trust=unverified; why="the collector cannot resolve $d/exe (run it as root)"
  elif [ "$(readlink "$d/ns/mnt" 2>/dev/null)" != "$SELF_MNT" ]; then
    trust=unverified; why="it runs in another mount namespace (a container?): its files are not this host's"
  else
    case $exe in
      *" (deleted)") trust=not-rsync; why="its executable was replaced or deleted after it started (restart it)" ;;
      */rsync)
        if ! root_controlled "$exe" || [ "$(stat -L -c %d:%i "$d/exe" 2>/dev/null)" != "$(stat -L -c %d:%i "$exe" 2>/dev/null)" ]; then
          trust=not-rsync; why="$exe is not owned by root in directories only root can write"
        fi ;;
      *) trust=not-rsync; why="it runs $exe, not rsync" ;;
    esac
  fi
  socks=""
  if [ -r "$d/fd" ] && [ -x "$d/fd" ]; then
    for fd in "$d"/fd/*; do
      l=$(readlink "$fd" 2>/dev/null) || continue
      case "$l" in socket:\[*\]) i=${l#socket:[}; i=${i%]}; socks="${socks}${socks:+,}$i"; INODES="$INODES $i:$pid" ;; esac
    done
  else
    fail "$d/fd" "cannot list file descriptors (not root?)"
  fi
  # The binary the first verified daemon runs is the one whose --version says what serves (below).
  [ "$trust" = rsync ] && [ -z "$RSYNC_PID" ] && RSYNC_PID=$pid RSYNC_EXE=$exe
  if [ "$trust" = rsync ] && [ "$root" = / ]; then
    reader=$(reader_of "$d")
    if [ -z "$reader" ]; then
      trust=unverified; why="the collector cannot read its ids from $d/status"
    else
      CONFIGS="$CONFIGS
$reader|${conf:-/etc/rsyncd.conf}"
    fi
  elif [ "$trust" = rsync ]; then
    # A connection's child chroots into its module; the daemon it was forked from (root /) names the config.
    why="it runs inside $root: its config is followed through its parent daemon"
  fi
  # An unverified process's argv was written by whoever started it and may hold anything: it stays here.
  if [ "$trust" = rsync ]; then argv=$(printf '%s\n' "$args" | awk "$JSON_AWK"'NR > 1 { printf "," } { jput($0) }'); else argv=""; conf=""; fi
  PROCS="${PROCS}${PROCS:+,}{\"pid\":$pid,\"uid\":${uid:-null},\"gid\":${gid:-null},\"cmdline\":[$argv],\"config\":$( [ -n "$conf" ] && jstr "$conf" || printf null),\"root\":$(jstr "$root"),\"cwd\":$(jstr "$cwd"),\"exe\":$(jstr "$exe"),\"socket_inodes\":[$socks],\"trust\":\"$trust\",\"trust_reason\":$(jstr "$why")}"
done

# Listening TCP sockets (state 0A), with the owning rsync process where its inode is known.
LISTEN=$(for f in /proc/net/tcp /proc/net/tcp6; do [ -r "$f" ] && awk -v fam="${f##*/}" -v inodes="$INODES" '
  BEGIN { n = split(inodes, a, " "); for (i = 1; i <= n; i++) { split(a[i], kv, ":"); owner[kv[1]] = kv[2] } }
  function hex(h,   v, i) { v = 0; for (i = 1; i <= length(h); i++) v = v * 16 + index("0123456789ABCDEF", toupper(substr(h, i, 1))) - 1; return v }
  NR > 1 && $4 == "0A" {
    split($2, la, ":"); port = hex(la[2]); h = la[1]
    if (fam == "tcp") addr = hex(substr(h, 7, 2)) "." hex(substr(h, 5, 2)) "." hex(substr(h, 3, 2)) "." hex(substr(h, 1, 2))
    else { addr = ""; for (w = 0; w < 4; w++) { word = substr(h, w * 8 + 1, 8); for (b = 3; b >= 0; b--) addr = addr tolower(substr(word, b * 2 + 1, 2)) } }
    pid = ($10 in owner) ? owner[$10] : "null"
    if (pid != "null" || port == 873 || port == 874)
      printf "{\"family\":\"%s\",\"address\":\"%s\",\"port\":%d,\"inode\":%s,\"pid\":%s}\n", fam == "tcp" ? "ipv4" : "ipv6", addr, port, $10, pid
  }' "$f"; done | awk '{ out = out (NR > 1 ? "," : "") $0 } END { printf "%s", out }')

# How the daemon is started: systemd units, superservers, distribution defaults.
UNITS=""
for u in rsync.service rsyncd.service rsync.socket rsyncd.socket rsync@.service rsyncd@.service; do
  for dir in /etc/systemd/system /lib/systemd/system /usr/lib/systemd/system; do
    [ -f "$dir/$u" ] || continue
    enabled=false
    for w in /etc/systemd/system/*.wants/"$u"; do [ -e "$w" ] && enabled=true; done
    UNITS="${UNITS}${UNITS:+,}{\"kind\":\"systemd\",\"enabled\":$enabled,\"file\":$(emit_file "$dir/$u")}"
    break
  done
done
if [ -f /etc/xinetd.d/rsync ]; then
  enabled=true
  grep -Eq '^[[:space:]]*disable[[:space:]]*=[[:space:]]*yes' /etc/xinetd.d/rsync && enabled=false
  UNITS="${UNITS}${UNITS:+,}{\"kind\":\"xinetd\",\"enabled\":$enabled,\"file\":$(emit_file /etc/xinetd.d/rsync)}"
fi
if [ -f /etc/inetd.conf ] && grep -Eq '^[[:space:]]*rsync[[:space:]]' /etc/inetd.conf; then
  UNITS="${UNITS}${UNITS:+,}{\"kind\":\"inetd\",\"enabled\":true,\"file\":$(emit_file /etc/inetd.conf)}"
fi

# Configurations in use or at the usual places, their includes, and the secrets files they name, each as
# "READER|PATH": a daemon's own config first, so its rights decide when it also sits at a usual place.
for c in /etc/rsyncd.conf /etc/rsync/rsyncd.conf /usr/local/etc/rsyncd.conf /usr/local/etc/rsync/rsyncd.conf; do
  [ -e "$c" ] || continue
  if root_controlled "$c"; then r=$ROOT_READER; else r=$WORLD_READER; fi
  CONFIGS="$CONFIGS
$r|$c"
done
# shellcheck disable=SC2016 # awk's own $ fields
INCLUDES_AWK='
function squash(s) { gsub(/[ \t]/, "", s); return tolower(s) }
refused() != "" { exit }
/^[ \t]*&/ { v = $0; sub(/^[ \t]*&[A-Za-z]+[ \t]*=?[ \t]*/, "", v); sub(/[ \t\r]+$/, "", v); if (v != "") print reader "|" (v ~ /^\// ? v : base "/" v); next }
{ i = index($0, "="); if (i && squash(substr($0, 1, i - 1)) == "secretsfile") { v = substr($0, i + 1); sub(/^[ \t]+/, "", v); sub(/[ \t\r]+$/, "", v); if (v != "") print "SECRETS " reader "|" (v ~ /^\// ? v : base "/" v) } }'
VISITED=""
# Sets of paths, one a line: a path may hold spaces (a user can name a file "/etc/rsyncd.conf /x" to
# shadow root's), never a line break.
SEEN=$NL
# A file is read once, with the rights of the first reader that names it: readers with root's rights go
# first, or any user could run the rsync binary as a daemon of their own on root's config and so hide, from
# the audit of root's daemon, every include only root can read.
# shellcheck disable=SC2016 # awk's own $ fields
QUEUE=$(printf '%s\n' "$CONFIGS" | awk 'NF && !seen[$0]++ { split($0, f, "|"); split(f[1], r, ":"); if (r[2] == "0" || r[4] == "1") print; else rest = rest $0 "\n" } END { printf "%s", rest }')
count=0
SECRETS=""
while [ -n "$QUEUE" ] && [ "$count" -lt "$MAX_FILES" ]; do
  item=$(printf '%s\n' "$QUEUE" | head -n 1)
  QUEUE=$(printf '%s\n' "$QUEUE" | tail -n +2)
  [ -n "$item" ] || continue
  reader=${item%%|*}
  p=${item#*|}
  case "$SEEN" in *"$NL$p$NL"*) continue ;; esac
  SEEN="$SEEN$p$NL"
  case $p in /*) ;; *) fail "$p" "a relative path: not followed"; continue ;; esac
  count=$((count + 1))
  set_reader "$reader"
  drop_rights_unless_root_written "$p"
  named=$r_kind:$r_uid:$r_gids:$r_dac
  VISITED="$VISITED
$named|$p"
  if [ -d "$p" ]; then
    may_read "$p" || continue
    for e in "$p"/*.conf "$p"/.*.conf "$p"/*.inc "$p"/.*.inc; do
      [ -f "$e" ] || continue
      # One queue item a line: a line break in a name could forge the next item, rights included.
      case $e in *"$NL"*) fail "$p" "a file name in it holds a line break: not read"; continue ;; esac
      QUEUE="$QUEUE
$named|$e"
    done
  elif [ -r "$p" ] && [ -f "$p" ]; then
    base=${p%/*}
    more=$(read_as "$p" -v base="${base:-/}" -v reader="$named" "$STATUS_AWK$INCLUDES_AWK")
    for_includes=$(printf '%s\n' "$more" | grep -v '^SECRETS ' || true)
    [ -n "$for_includes" ] && QUEUE="$QUEUE
$for_includes"
    SECRETS="$SECRETS
$(printf '%s\n' "$more" | sed -n 's/^SECRETS //p')"
  fi
done
[ -n "$QUEUE" ] && fail "config files" "more than $MAX_FILES files: the rest were not read"
# Configs read with root's rights. Only a reader with those rights may make one of them a secrets file (never
# sent as text): any user can start the rsync binary as a daemon of their own whose config says
# `secrets file = /etc/rsyncd.conf`, and so hide root's config from the audit.
rootish() { _u=${1#*:}; _u=${_u%%:*}; [ "$_u" = 0 ] || [ "${1##*:}" = 1 ]; }
ROOTCONF=$NL
while IFS= read -r item; do
  [ -n "$item" ] || continue
  rootish "${item%%|*}" || continue
  c=$(readlink -f "${item#*|}" 2>/dev/null) || c=${item#*|}
  ROOTCONF="$ROOTCONF$c$NL"
done <<EOF
$VISITED
EOF
SEC=""
SECSET=$NL
while IFS= read -r item; do
  [ -n "$item" ] || continue
  s=${item#*|}
  c=$(readlink -f "$s" 2>/dev/null) || c=$s
  case $c in *"$NL"*) fail "$s" "a path with a line break: not read"; continue ;; esac
  if ! rootish "${item%%|*}"; then
    case "$ROOTCONF" in *"$NL$c$NL"*) fail "$s" "named as a secrets file by a daemon without root's rights, but a config read with them: kept as a config"; continue ;; esac
  fi
  case "$SECSET" in *"$NL$c$NL"*) continue ;; esac
  SECSET="$SECSET$c$NL"
  SEC="${SEC}${SEC:+,}$(emit_file "$s" "${item%%|*}" secrets)"
done <<EOF
$SECRETS
EOF
# A file some module names as its secrets file is never sent as text, even when a config also includes it.
FILES=""
while IFS= read -r item; do
  [ -n "$item" ] || continue
  p=${item#*|}
  c=$(readlink -f "$p" 2>/dev/null) || c=$p
  case "$SECSET" in
    *"$NL$c$NL"*) FILES="${FILES}${FILES:+,}{\"path\":$(jstr "$p"),\"exists\":true,\"dir\":false,\"text\":null,\"unreadable\":\"a secrets file: only facts derived from it leave the host\"}" ;;
    *) FILES="${FILES}${FILES:+,}$(emit_file "$p" "${item%%|*}")" ;;
  esac
done <<EOF
$VISITED
EOF

DEFAULTS=""
for f in /etc/default/rsync /etc/sysconfig/rsyncd; do
  [ -f "$f" ] && DEFAULTS="${DEFAULTS}${DEFAULTS:+,}$(emit_file "$f")"
done

# Which rsync serves: --version of the binary a verified daemon runs (/proc/PID/exe: the very file it
# executes, even when a package update has since replaced the path), else of the rsync on PATH. Only a
# root-controlled binary is run (the trust check above). The line after "Compress list:" says whether it was
# built with zstd and lz4.
# timeout only where it takes "timeout SECS PROG" (busybox before 1.30 wanted -t).
TIMEOUT_OK=0
command -v timeout >/dev/null 2>&1 && timeout 5 true 2>/dev/null && TIMEOUT_OK=1
run_version() { if [ "$TIMEOUT_OK" = 1 ]; then timeout 10 "$1" --version 2>/dev/null; else "$1" --version 2>/dev/null; fi | head -n 40; }
vout="" vbin="" vpid=null
if [ -n "$RSYNC_PID" ] && vout=$(run_version "/proc/$RSYNC_PID/exe") && [ -n "$vout" ]; then
  vbin=$RSYNC_EXE vpid=$RSYNC_PID
elif vbin=$(command -v rsync 2>/dev/null) && [ -n "$vbin" ]; then
  vout=$(run_version "$vbin")
fi
version=$(printf '%s\n' "$vout" | head -n 1)
compress=$(printf '%s\n' "$vout" | awk 'prev ~ /^Compress list:/ { sub(/^[ \t]+/, ""); print; exit } { prev = $0 }')

# The package database's rsync, with the distro's full version (epoch and revision: a backported fix changes
# only those). dpkg first, then rpm (epoch only when set), then apk's database file.
package="" pmanager="" psource=""
if command -v dpkg-query >/dev/null 2>&1; then
  package=$(dpkg-query -W -f='${db:Status-Status} ${Version}\n' rsync 2>/dev/null | awk '$1 == "installed" { print $2; exit }')
  [ -n "$package" ] && pmanager=dpkg psource="dpkg-query -W rsync"
fi
if [ -z "$package" ] && command -v rpm >/dev/null 2>&1; then
  # rpm prints "package rsync is not installed" on stdout, and fails: only its success counts.
  package=$(rpm -q --qf '%|EPOCH?{%{EPOCH}:}:{}|%{VERSION}-%{RELEASE}\n' rsync 2>/dev/null) && package=${package%%"$NL"*} || package=""
  [ -n "$package" ] && pmanager=rpm psource="rpm -q rsync"
fi
if [ -z "$package" ] && [ -f /lib/apk/db/installed ]; then
  package=$(head -c 16777216 /lib/apk/db/installed | awk '/^P:/ { p = substr($0, 3) } /^V:/ && p == "rsync" { print substr($0, 3); exit } /^$/ { p = "" }')
  [ -n "$package" ] && pmanager=apk psource=/lib/apk/db/installed
fi
pdb=null
# A version longer than any package's is not sent (the schema caps it): the database is then as good as silent.
[ "${#package}" -gt 256 ] && package=""
[ -n "$package" ] && pdb="{\"manager\":\"$pmanager\",\"name\":\"rsync\",\"version\":$(jstr "$package"),\"source\":$(jstr "$psource")}"

# The distribution, for its fixed-version tables: ID, VERSION_ID and ID_LIKE of os-release, nothing else.
osrel=null
for f in /etc/os-release /usr/lib/os-release; do
  [ -f "$f" ] || continue
  # Lines cut to 200 characters: the document's schema caps the text, and a longer value is no distribution's.
  osrel="{\"path\":$(jstr "$f"),\"text\":$(jstr "$(head -c 65536 "$f" | grep -E '^(ID|VERSION_ID|ID_LIKE)=' | head -n 3 | cut -c 1-200)")}"
  break
done
os=$(awk -F= '$1 == "PRETTY_NAME" { gsub(/"/, "", $2); print $2 }' /etc/os-release 2>/dev/null)

printf '{"schema":"rsyncguard/host-raw@1","collector_uid":%s,"host":{"name":%s,"os":%s,"kernel":%s,"os_release":%s},' \
  "$(id -u)" "$(jstr "${RSYNCGUARD_HOST_NAME:-$(uname -n)}")" "$(jstr "$os")" "$(jstr "$(uname -r)")" "$osrel"
printf '"rsync":{"version_line":%s,"package":%s,"binary":%s,"pid":%s,"compress_line":%s,"package_db":%s},' \
  "$(jstr "$version")" "$(jstr "$package")" "$(jstr "$vbin")" "$vpid" "$(jstr "$compress")" "$pdb"
printf '"processes":[%s],"listeners":[%s],"units":[%s],"defaults":[%s],"files":[%s],"secrets":[%s],"errors":[%s]}\n' \
  "$PROCS" "$LISTEN" "$UNITS" "$DEFAULTS" "$FILES" "$SEC" "$ERRORS"
