#!/bin/sh
# rsync-facts.sh: what a host shows about its rsync daemons, as one JSON document on stdout
# (rsyncguard/host-raw@1). POSIX sh and awk only (dash, busybox sh), read-only, no temporary files, every
# file read capped. Secrets files never leave the host: only facts derived from them here do (entry names,
# lengths, weak/reused/dead flags). What cannot be read is recorded under "errors", never guessed.
# RSYNCGUARD_HOST_NAME names the host in the document (an orchestrator's inventory name) instead of uname -n.
set -u
LC_ALL=C
export LC_ALL
MAX_BYTES=262144
MAX_FILES=64

# awk helpers shared by every emitter: JSON string escaping (control characters included).
JSON_AWK='
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

jstr() { printf '%s' "$1" | awk "$JSON_AWK"'{ buf = buf (NR > 1 ? "\n" : "") $0 } END { printf "%s", jesc(buf) }'; }

ERRORS=""
fail() { ERRORS="${ERRORS}${ERRORS:+,}{\"path\":$(jstr "$1"),\"reason\":$(jstr "$2")}"; }

# stat as "mode uid gid size" (GNU and busybox stat both take -c).
file_stat() { stat -c '%a %u %g %s' "$1" 2>/dev/null; }

# "mode","uid","gid" as JSON members (mode as an octal string); sets f_size for the caller.
file_meta() {
  read -r f_mode f_uid f_gid f_size <<EOF
$(file_stat "$1")
EOF
  printf '"mode":%s,"uid":%s,"gid":%s' "$( [ -n "${f_mode:-}" ] && printf '"%s"' "$f_mode" || printf null)" "${f_uid:-null}" "${f_gid:-null}"
}

# One file: its metadata and, if readable, its text (capped).
emit_file() {
  p=$1
  if [ ! -e "$p" ]; then printf '{"path":%s,"exists":false}' "$(jstr "$p")"; return; fi
  meta="$(file_meta "$p"),\"size\":${f_size:-null}"
  if [ -d "$p" ]; then
    entries=""
    for e in "$p"/* "$p"/.[!.]*; do
      [ -e "$e" ] || continue
      entries="${entries}${entries:+,}$(jstr "${e##*/}")"
    done
    printf '{"path":%s,"exists":true,"dir":true,%s,"entries":[%s]}' "$(jstr "$p")" "$meta" "$entries"
  elif [ -r "$p" ]; then
    printf '{"path":%s,"exists":true,"dir":false,%s,"text":%s}' "$(jstr "$p")" "$meta" "$(head -c "$MAX_BYTES" "$p" | awk "$JSON_AWK"'{ buf = buf (NR > 1 ? "\n" : "") $0 } END { printf "%s", jesc(buf) }')"
  else
    # Called in a command substitution: the caller cannot see a fail here, so the document says it.
    printf '{"path":%s,"exists":true,"dir":false,%s,"text":null,"unreadable":"permission denied"}' "$(jstr "$p")" "$meta"
  fi
}

# Derived facts about a secrets file, computed here: the passwords stay in awk's memory.
emit_secrets() {
  p=$1
  if [ ! -e "$p" ]; then printf '{"path":%s,"exists":false}' "$(jstr "$p")"; return; fi
  meta=$(file_meta "$p")
  if [ ! -r "$p" ]; then
    printf '{"path":%s,"exists":true,%s,"entries":null,"unreadable":"permission denied"}' "$(jstr "$p")" "$meta"
    return
  fi
  entries=$(head -c "$MAX_BYTES" "$p" | awk "$JSON_AWK"'
    BEGIN {
      split("123456 12345678 123456789 password password1 qwerty admin root toor letmein welcome changeme secret test guest backup mirror rsync rsyncd sync default 111111 000000 abc123 iloveyou", w, " ")
      for (i in w) common[w[i]] = 1
    }
    {
      line = $0; sub(/^\r+/, "", line); sub(/\r.*$/, "", line)
      if (line == "" || substr(line, 1, 1) == "#") next
      c = index(line, ":")
      if (c == 0) { bad = bad (bad == "" ? "" : ",") NR; next }
      name = substr(line, 1, c - 1); pass = substr(line, c + 1)
      grp = substr(name, 1, 1) == "@"; if (grp) name = substr(name, 2)
      key = (grp ? "@" : "") name
      n++; nm[n] = name; kind[n] = grp ? "group" : "user"; ln[n] = NR; len[n] = length(pass)
      eq[n] = (pass == name); com[n] = (tolower(pass) in common)
      dead[n] = (key in seen); seen[key] = 1
      un[n] = (line ~ /^[ \t]/); tw[n] = (pass ~ /[ \t]$/)
      pw[n] = pass; if (pass != "") uses[pass]++
    }
    END {
      out = ""
      for (i = 1; i <= n; i++) {
        weak = (len[i] < 12 || eq[i] || com[i])
        out = out (i > 1 ? "," : "") sprintf("{\"kind\":\"%s\",\"name\":%s,\"line\":%d,\"length\":%d,\"equals_name\":%s,\"weak\":%s,\"common\":%s,\"reused\":%s,\"dead\":%s,\"unmatchable\":%s,\"trailing_whitespace\":%s}",
          kind[i], jesc(nm[i]), ln[i], len[i], eq[i] ? "true" : "false", weak ? "true" : "false", com[i] ? "true" : "false",
          uses[pw[i]] > 1 ? "true" : "false", dead[i] ? "true" : "false", un[i] ? "true" : "false", tw[i] ? "true" : "false")
        pw[i] = ""
      }
      printf "%s]", out
      printf ",\"lines_without_colon\":[%s", bad
    }')
  printf '{"path":%s,"exists":true,%s,"entries":[%s]}' "$(jstr "$p")" "$meta" "$entries"
}

# rsync --daemon processes: argv, ids, root (chroot), working directory, listening socket inodes.
PROCS=""
CONFIGS=""
INODES=""
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
  argv=$(printf '%s\n' "$args" | awk "$JSON_AWK"'{ out = out (NR > 1 ? "," : "") jesc($0) } END { printf "%s", out }')
  conf=$(printf '%s\n' "$args" | awk '/^--config=/ { sub(/^--config=/, ""); print; exit } prev == "--config" { print; exit } { prev = $0 }')
  socks=""
  if [ -r "$d/fd" ] && [ -x "$d/fd" ]; then
    for fd in "$d"/fd/*; do
      l=$(readlink "$fd" 2>/dev/null) || continue
      case "$l" in socket:\[*\]) i=${l#socket:[}; i=${i%]}; socks="${socks}${socks:+,}$i"; INODES="$INODES $i:$pid" ;; esac
    done
  else
    fail "$d/fd" "cannot list file descriptors (not root?)"
  fi
  PROCS="${PROCS}${PROCS:+,}{\"pid\":$pid,\"uid\":${uid:-null},\"gid\":${gid:-null},\"cmdline\":[$argv],\"config\":$( [ -n "$conf" ] && jstr "$conf" || printf null),\"root\":$(jstr "$root"),\"cwd\":$(jstr "$cwd"),\"exe\":$(jstr "$exe"),\"socket_inodes\":[$socks]}"
  [ -n "$conf" ] && CONFIGS="$CONFIGS
$conf"
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

# Configurations in use or at the usual places, their includes, and the secrets files they name.
for c in /etc/rsyncd.conf /etc/rsync/rsyncd.conf /usr/local/etc/rsyncd.conf /usr/local/etc/rsync/rsyncd.conf; do
  [ -e "$c" ] && CONFIGS="$CONFIGS
$c"
done
FILES=""
SEEN=" "
QUEUE=$(printf '%s\n' "$CONFIGS" | awk 'NF && !seen[$0]++')
count=0
SECRETS=""
while [ -n "$QUEUE" ] && [ "$count" -lt "$MAX_FILES" ]; do
  p=$(printf '%s\n' "$QUEUE" | head -n 1)
  QUEUE=$(printf '%s\n' "$QUEUE" | tail -n +2)
  case "$SEEN" in *" $p "*) continue ;; esac
  SEEN="$SEEN$p "
  count=$((count + 1))
  FILES="${FILES}${FILES:+,}$(emit_file "$p")"
  if [ -d "$p" ]; then
    for e in "$p"/*.conf "$p"/.*.conf "$p"/*.inc "$p"/.*.inc; do [ -f "$e" ] && QUEUE="$QUEUE
$e"; done
  elif [ -r "$p" ] && [ -f "$p" ]; then
    base=${p%/*}
    more=$(head -c "$MAX_BYTES" "$p" | awk -v base="${base:-/}" '
      function squash(s) { gsub(/[ \t]/, "", s); return tolower(s) }
      /^[ \t]*&/ { v = $0; sub(/^[ \t]*&[A-Za-z]+[ \t]*=?[ \t]*/, "", v); sub(/[ \t\r]+$/, "", v); if (v != "") print (v ~ /^\// ? v : base "/" v); next }
      { i = index($0, "="); if (i && squash(substr($0, 1, i - 1)) == "secretsfile") { v = substr($0, i + 1); sub(/^[ \t]+/, "", v); sub(/[ \t\r]+$/, "", v); if (v != "") print "SECRETS " (v ~ /^\// ? v : base "/" v) } }')
    for_includes=$(printf '%s\n' "$more" | grep -v '^SECRETS ' || true)
    [ -n "$for_includes" ] && QUEUE="$QUEUE
$for_includes"
    SECRETS="$SECRETS
$(printf '%s\n' "$more" | sed -n 's/^SECRETS //p')"
  fi
done
[ -n "$QUEUE" ] && fail "config files" "more than $MAX_FILES files: the rest were not read"
SEC=""
while IFS= read -r s; do
  [ -n "$s" ] && SEC="${SEC}${SEC:+,}$(emit_secrets "$s")"
done <<EOF
$(printf '%s\n' "$SECRETS" | awk 'NF && !seen[$0]++')
EOF

DEFAULTS=""
for f in /etc/default/rsync /etc/sysconfig/rsyncd; do
  [ -f "$f" ] && DEFAULTS="${DEFAULTS}${DEFAULTS:+,}$(emit_file "$f")"
done

version=$(rsync --version 2>/dev/null | head -n 1)
package=""
command -v dpkg-query >/dev/null 2>&1 && package=$(dpkg-query -W -f='${Version}' rsync 2>/dev/null)
[ -z "$package" ] && command -v rpm >/dev/null 2>&1 && package=$(rpm -q --qf '%{VERSION}-%{RELEASE}' rsync 2>/dev/null | grep -v 'not installed')
os=$(awk -F= '$1 == "PRETTY_NAME" { gsub(/"/, "", $2); print $2 }' /etc/os-release 2>/dev/null)

printf '{"schema":"rsyncguard/host-raw@1","collector_uid":%s,"host":{"name":%s,"os":%s,"kernel":%s},' \
  "$(id -u)" "$(jstr "${RSYNCGUARD_HOST_NAME:-$(uname -n)}")" "$(jstr "$os")" "$(jstr "$(uname -r)")"
printf '"rsync":{"version_line":%s,"package":%s},' "$(jstr "$version")" "$(jstr "$package")"
printf '"processes":[%s],"listeners":[%s],"units":[%s],"defaults":[%s],"files":[%s],"secrets":[%s],"errors":[%s]}\n' \
  "$PROCS" "$LISTEN" "$UNITS" "$DEFAULTS" "$FILES" "$SEC" "$ERRORS"
