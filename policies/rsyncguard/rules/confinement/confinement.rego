# METADATA
# title: Confinement
# description: What a client can reach on the daemon's filesystem, and with whose privileges.
package rsyncguard.rules.confinement

import data.rsyncguard.lib

# METADATA
# title: Module without chroot
# description: >-
#   With `use chroot = no` the daemon only sanitises paths; symlink races have escaped such modules
#   (CVE-2026-29518, CVE-2026-53784), and a writable one lets clients plant links for others to follow.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#use_chroot
# custom:
#   id: RSYNC-040
#   severity: high
#   security_severity: "7.0"
#   cwe: CWE-22
#   compliance:
#     nist: [AC-6, SC-39, CM-6]
#     pci: ["2.2.6"]
#   tags: [confinement, privilege]
#   help: |
#     Let a root daemon chroot into each module.
#
#     Avoid:
#     ```ini
#     use chroot = no
#     ```
#     Prefer:
#     ```ini
#     use chroot = yes
#     numeric ids = yes
#     ```
findings contains f if {
	some i, mod in input.config.modules
	lib.root_daemon

	# On a root daemon only an explicit "use chroot = no" leaves a module unconfined.
	not lib.chrooted(mod)
	lib.has_text(mod, "path")
	base := lib.module_finding("RSYNC-040", i, "use chroot", concat("", ["Module [", mod.name, "] runs without chroot on a root daemon."]))
	f := _severity(base, mod)
}

# Raised only when any host can connect (config.effective.reach), as RSYNC-002 is: a loopback-only, private
# or unexposed daemon is not written to by "anyone on the network".
_severity(base, mod) := lib.raise(base, "critical", "and anyone on the network can write to it") if {
	mod.access.anonymous_write
	lib.reach == "any"
} else := base

# METADATA
# title: Symlink munging off without chroot
# description: >-
#   Without chroot, `munge symlinks` is what keeps uploaded symlinks from pointing out of the module;
#   `munge symlinks = no` turns that off.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#munge_symlinks
# custom:
#   id: RSYNC-041
#   severity: high
#   security_severity: "7.1"
#   cwe: CWE-61
#   compliance:
#     nist: [AC-6, SC-39]
#     pci: ["2.2.6"]
#   tags: [confinement, symlinks]
#   help: |
#     Leave munging at its default, or chroot.
#
#     Avoid:
#     ```ini
#     use chroot = no
#     munge symlinks = no
#     ```
findings contains f if {
	some i, mod in input.config.modules
	mod.params["munge symlinks"].value == false
	not lib.chrooted(mod)
	f := lib.module_finding("RSYNC-041", i, "munge symlinks", concat("", ["Module [", mod.name, "] turns symlink munging off without a chroot."]))
}

# METADATA
# title: Module runs as root
# description: >-
#   `uid = root` (or `gid = root`) keeps root privileges for the transfer: every file a client writes is
#   owned by root, and any path bug reads or writes as root.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#uid
# custom:
#   id: RSYNC-042
#   severity: high
#   security_severity: "7.8"
#   cwe: CWE-250
#   compliance:
#     nist: [AC-6]
#     pci: ["7.2.5", "2.2.6"]
#   tags: [privilege]
#   help: |
#     Run modules as an unprivileged account.
#
#     Avoid:
#     ```ini
#     uid = root
#     gid = root
#     ```
#     Prefer:
#     ```ini
#     uid = rsync
#     gid = rsync
#     ```
findings contains f if {
	some i, mod in input.config.modules

	# Whether the switch is possible (a root daemon) and what the values mean (numeric ids, gid lists,
	# "*") is decided once in src/facts/effective-transfer.ts.
	some name, fact in {"uid": "transfer_uid_root", "gid": "transfer_gid_root"}
	mod.effective[fact].value
	f := lib.module_finding("RSYNC-042", i, name, concat("", ["Module [", mod.name, "] transfers with ", name, " ", mod.params[name].value, "."]))
}

# METADATA
# title: fake super
# description: >-
#   `fake super = yes` stores ownership and special files in extended attributes, letting a client
#   record root-owned, setuid or device files that a later restore turns real.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#fake_super
# custom:
#   id: RSYNC-043
#   severity: medium
#   security_severity: "4.4"
#   cwe: CWE-269
#   compliance:
#     nist: [AC-6, CM-6]
#     pci: ["2.2.6", "7.2.5"]
#   tags: [privilege]
#   help: |
#     Use it only for backup targets whose restores are reviewed.
findings contains f if {
	some f in lib.flag_findings("RSYNC-043", "fake super")
}

# METADATA
# title: insecure links
# description: >-
#   `insecure links = yes` turns off rsync 3.5.0's resolver that follows only trusted symlinks in
#   unconfined modules, reopening the CVE-2026-53797/53801 class of symlink races.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#insecure_links
# custom:
#   id: RSYNC-044
#   severity: high
#   security_severity: "7.4"
#   cwe: CWE-367
#   compliance:
#     nist: [SC-39, CM-6]
#     pci: ["2.2.6"]
#   tags: [confinement, symlinks]
#   help: |
#     Remove `insecure links = yes`.
findings contains f if {
	some f in lib.flag_findings("RSYNC-044", "insecure links")
}

# METADATA
# title: System directory exported
# description: >-
#   The module serves `/` or a system tree (`/etc`, `/root`, `/home`, ...): password hashes, keys and
#   configuration are a download away, or an upload away from being replaced.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#path
# custom:
#   id: RSYNC-045
#   severity: critical
#   security_severity: "9.3"
#   cwe: CWE-552
#   compliance:
#     nist: [AC-3, AC-6, CM-7]
#     pci: ["7.2.1", "7.3.1"]
#   tags: [confinement, disclosure]
#   help: |
#     Export a dedicated data directory.
#
#     Avoid:
#     ```ini
#     path = /
#     ```
#     Prefer:
#     ```ini
#     path = /srv/rsync/data
#     ```
findings contains f if {
	some i, mod in input.config.modules
	lib.has_text(mod, "path")
	p := _normal(mod.params.path.value)
	_system_trees[p]
	f := lib.module_finding("RSYNC-045", i, "path", concat("", ["Module [", mod.name, "] exports the system directory ", p, "."]))
}

_normal(p) := "/" if {
	trim_right(replace(p, "/./", "/"), "/") == ""
} else := trim_right(replace(p, "/./", "/"), "/")

_system_trees := {
	"/", "/etc", "/root", "/home", "/var", "/usr", "/boot", "/proc", "/sys", "/dev",
	"/bin", "/sbin", "/lib", "/lib64", "/opt", "/var/lib", "/var/log", "/run",
}

# METADATA
# title: Connection variables in path
# description: >-
#   rsync expands `%RSYNC_USER_NAME%` and friends in `path` without sanitising them: a user named
#   `../etc` (present in the secrets file) was served `/srv/../etc`.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#path
# custom:
#   id: RSYNC-046
#   severity: high
#   security_severity: "7.7"
#   cwe: CWE-22
#   compliance:
#     nist: [SI-10, AC-3]
#     pci: ["6.2.4"]
#   tags: [confinement, injection]
#   help: |
#     Use one module per user, or make sure no user name can contain `/` or `..`.
findings contains f if {
	some i, mod in input.config.modules
	some name in ["path", "temp dir"]
	v := mod.params[name].value
	is_string(v)
	regex.match(`%[A-Z][^%]*%`, v)
	f := lib.module_finding("RSYNC-046", i, name, concat("", ["Module [", mod.name, "]: \"", name, " = ", v, "\" is expanded per connection without sanitising."]))
}

# METADATA
# title: Commands run on connections
# description: >-
#   `early exec`, `pre-xfer exec`, `post-xfer exec` and `name converter` run as the daemon user
#   (usually root), outside any chroot, with client-influenced environment variables.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#pre-xfer_exec
# custom:
#   id: RSYNC-047
#   severity: medium
#   security_severity: "6.3"
#   cwe: CWE-78
#   compliance:
#     nist: [CM-7, AC-6, SI-10]
#     pci: ["2.2.4", "6.2.4"]
#   tags: [privilege, injection]
#   help: |
#     Keep hooks minimal, owned by root, and never pass client values to a shell. Prefer rsync 3.5.0,
#     which quotes them (CVE-2026-53790).
findings contains f if {
	some i, mod in input.config.modules
	some name in ["early exec", "pre-xfer exec", "post-xfer exec", "name converter"]
	lib.has_text(mod, name)
	f := lib.module_finding("RSYNC-047", i, name, concat("", ["Module [", mod.name, "] runs \"", name, "\" as the daemon user, outside any chroot."]))
}

# METADATA
# title: ignore nonreadable on a module clients write and read back
# description: >-
#   `ignore nonreadable = yes` leaves files the daemon cannot read out of what it sends. On a
#   read-only mirror that is the recommended setting: it keeps unreadable names out of the listing.
#   On a module clients also write to (`read only = no`, or an `auth users` `:rw` grant) and download
#   from, a restore or a pull with `--delete` silently misses, or deletes on the client, whatever the
#   daemon user can no longer read, with no error to show for it.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#ignore_nonreadable
# custom:
#   id: RSYNC-048
#   severity: low
#   security_severity: "2.1"
#   cwe: CWE-754
#   compliance:
#     nist: [CM-6, SI-7]
#     pci: ["2.2.6"]
#   tags: [integrity]
#   help: |
#     On a module clients write to and restore from, leave it off and fix the permissions, so an
#     unreadable file is an error instead of a silent gap. Keep it on read-only mirrors.
findings contains f if {
	some i, mod in input.config.modules
	mod.params["ignore nonreadable"].value == true
	_written_and_read(mod)
	msg := concat("", [
		"Module [", mod.name, "] sets \"ignore nonreadable = yes\" on a module clients write to and read back: ",
		"unreadable files drop out of a restore without an error.",
	])
	f := lib.module_finding("RSYNC-048", i, "ignore nonreadable", msg)
}

# Downloads allowed (not write-only) and uploads allowed for someone.
_written_and_read(mod) if {
	not mod.params["write only"].value == true
	_writable(mod)
}

_writable(mod) if mod.params["read only"].value == false

_writable(mod) if {
	some r in mod.auth_rules
	r.option == "rw"
}

# METADATA
# title: Dangerous chmod rules
# description: >-
#   `incoming chmod` / `outgoing chmod` that add setuid, setgid or write permission for others create
#   privileged or world-writable files from a client's upload.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#incoming_chmod
# custom:
#   id: RSYNC-049
#   severity: high
#   security_severity: "7.2"
#   cwe: CWE-732
#   compliance:
#     nist: [AC-6, CM-6]
#     pci: ["2.2.6"]
#   tags: [permissions]
#   help: |
#     Only take permissions away.
#
#     Avoid:
#     ```ini
#     incoming chmod = a+rwx,u+s
#     ```
#     Prefer:
#     ```ini
#     incoming chmod = Du=rwx,Dgo=rx,Fu=rw,Fgo=r
#     ```
findings contains f if {
	some i, mod in input.config.modules
	some name in ["incoming chmod", "outgoing chmod"]
	v := mod.params[name].value
	is_string(v)
	some clause in split(v, ",")
	_dangerous(trim_space(clause))
	msg := concat("", ["Module [", mod.name, "]: \"", name, "\" clause \"", trim_space(clause), "\" grants setuid/setgid or write for others."])
	f := lib.module_finding("RSYNC-049", i, name, msg)
}

# Symbolic: "+" or "=" with s for setuid/setgid, or w for others (o, a, or no who at all).
_dangerous(clause) if regex.match(`^[DF]?[ugoa]*[+=][rwxXt]*s`, clause)

_dangerous(clause) if regex.match(`^[DF]?([ugo]*[oa][ugoa]*|)[+=][rxXst]*w`, clause)

# Octal: a setuid/setgid bit, or others' write bit.
_dangerous(clause) if regex.match(`^[DF]?([0-7]{0,3}[2367]|[2-7][0-7]{3})$`, clause)
