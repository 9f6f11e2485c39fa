# METADATA
# title: Live host
# description: What a running host shows beyond the configuration file.
package rsyncguard.rules.host

import data.rsyncguard.lib

# METADATA
# title: Daemon listening on every interface
# description: The running daemon accepts connections on a wildcard address.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#address
# custom:
#   id: RSYNC-080
#   severity: low
#   security_severity: "3.7"
#   cwe: CWE-1327
#   compliance:
#     nist: [CM-7, SC-7]
#     pci: ["1.2.5", "2.2.4"]
#     cis: [RHEL7-2.2.19, RHEL8-2.2.20, RHEL8-v4.0.0-2.1.13, RHEL9-2.2.18,
#       RHEL9-v2.0.0-2.1.13, RHEL10-v1.0.1-2.1.12, ALMA9-v2.0.0-2.1.13, SLE12-v3.1.0-2.2.17,
#       SLE15-v1.1.1-2.2.17, AL2023-v1.0.0-2.2.18, DEBIAN12-v1.1.0-2.1.13, DEBIAN13-v1.0.0-2.1.13,
#       UBUNTU2204-v2.0.0-2.1.13, UBUNTU2404-v1.0.0-2.1.13]
#   tags: [network, exposure, host]
#   # Not reported for a read-only module declared public: daemon-wide: a public mirror listens on the network; quiet only when every module is public.
#   quiet_when_public: true
#   help: |
#     Bind the daemon to the interface its clients use (`address = ...` before the first module).
findings contains f if {
	some i, l in input.daemon.listeners
	l.address in {"0.0.0.0", "::", "*"}
	msg := concat("", ["The daemon listens on ", l.address, " port ", format_int(l.port, 10), " (every interface)."])
	f := lib.target_finding("RSYNC-080", concat("", ["daemon.listeners[", format_int(i, 10), "]"]), lib.first_file_location, msg)
}

# METADATA
# title: Daemon keeps root without daemon uid
# description: >-
#   The daemon runs as root for every connection. `daemon uid` drops root before any client input is read
#   (at the price of per-module chroot).
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#daemon_uid
# custom:
#   id: RSYNC-081
#   severity: low
#   security_severity: "3.9"
#   cwe: CWE-250
#   compliance:
#     nist: [AC-6, SC-39]
#     pci: ["7.2.5", "2.2.6"]
#   tags: [privilege, host]
#   help: |
#     Where modules need no chroot or uid switching, run the daemon unprivileged:
#     ```ini
#     daemon uid = rsync
#     daemon gid = rsync
#     ```
findings contains f if {
	# Whether `daemon uid` drops root (`root`, `0` and `00` do not) is derived once, in the facts
	# (src/facts/effective.ts effectiveDaemon).
	lib.root_daemon
	some i, p in input.daemon.processes
	p.uid == 0
	msg := concat("", ["rsync daemon process ", format_int(p.pid, 10), " runs as root and ", _keeps_root, "."])
	f := lib.target_finding("RSYNC-081", concat("", ["daemon.processes[", format_int(i, 10), "]"]), lib.first_file_location, msg)
}

default _keeps_root := "the configuration sets no \"daemon uid\""

_keeps_root := concat("", ["\"daemon uid = ", input.config.global["daemon uid"].value, "\" keeps it"]) if lib.global_has_text("daemon uid")

# METADATA
# title: Configuration writable by non-root
# description: >-
#   Each connection re-reads the configuration as root: whoever can write it can export `/`, add hooks
#   that run as root, or remove every restriction.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5
# custom:
#   id: RSYNC-082
#   severity: high
#   security_severity: "7.8"
#   cwe: CWE-732
#   compliance:
#     nist: [CM-5, CM-6, AC-6]
#     pci: ["2.2.6"]
#   tags: [permissions, host]
#   help: |
#     `chown root:root /etc/rsyncd.conf && chmod 644 /etc/rsyncd.conf` (and its include files).
findings contains f if {
	some i, file in input.config.files
	is_number(file.mode)
	_writable_by_others(file)
	msg := concat("", [file.path, " can be changed by a user other than root (mode ", format_int(file.mode, 8), ", uid ", format_int(file.uid, 10), ")."])
	f := lib.target_finding("RSYNC-082", concat("", ["config.files[", format_int(i, 10), "]"]), {"file": file.path, "line": 1, "column": 1}, msg)
}

_writable_by_others(file) if bits.and(file.mode, 18) != 0

_writable_by_others(file) if file.uid != 0

# METADATA
# title: rsync enabled in a superserver
# description: >-
#   xinetd or inetd starts rsync as root on every connection to 873, often forgotten next to a
#   systemd unit; `address` and `port` from rsyncd.conf do not apply there.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#RUNNING_AN_RSYNC_SERVER_UNDER_INETD
# custom:
#   id: RSYNC-083
#   severity: low
#   security_severity: "3.5"
#   cwe: CWE-1327
#   compliance:
#     nist: [CM-7, CM-8]
#     pci: ["2.2.4"]
#     cis: [RHEL7-2.2.19, RHEL8-2.2.20, RHEL8-v4.0.0-2.1.13, RHEL9-2.2.18,
#       RHEL9-v2.0.0-2.1.13, RHEL10-v1.0.1-2.1.12, ALMA9-v2.0.0-2.1.13, SLE12-v3.1.0-2.2.17,
#       SLE15-v1.1.1-2.2.17, AL2023-v1.0.0-2.2.18, DEBIAN12-v1.1.0-2.1.13, DEBIAN13-v1.0.0-2.1.13,
#       UBUNTU2204-v2.0.0-2.1.13, UBUNTU2404-v1.0.0-2.1.13]
#   tags: [exposure, host]
#   help: |
#     Set `disable = yes` in /etc/xinetd.d/rsync (or remove the inetd line) unless it is the intended way in.
findings contains f if {
	some i, u in input.daemon.units
	u.kind in {"xinetd", "inetd"}
	u.enabled
	msg := concat("", [u.path, " starts rsync --daemon on demand (", u.kind, ")."])
	f := lib.target_finding("RSYNC-083", concat("", ["daemon.units[", format_int(i, 10), "]"]), {"file": u.path, "line": 1, "column": 1}, msg)
}

# METADATA
# title: systemd unit without sandboxing
# description: >-
#   The unit that starts the daemon sets none of systemd's sandboxing (NoNewPrivileges, ProtectSystem,
#   PrivateDevices, ...): a compromised daemon keeps the run of the whole system as root.
# related_resources:
#   - ref: https://www.freedesktop.org/software/systemd/man/latest/systemd.exec.html
# custom:
#   id: RSYNC-084
#   severity: low
#   security_severity: "3.9"
#   cwe: CWE-250
#   compliance:
#     nist: [SC-39, AC-6, CM-6]
#     pci: ["2.2.6"]
#   tags: [privilege, host, systemd]
#   help: |
#     Add a drop-in (`systemctl edit rsync.service`):
#     ```ini
#     [Service]
#     NoNewPrivileges=yes
#     ProtectSystem=full
#     PrivateDevices=yes
#     ProtectHome=read-only
#     ```
findings contains f if {
	some i, u in input.daemon.units
	u.kind == "systemd"
	u.enabled
	count(u.hardening) == 0
	at := {"file": trim_left(u.path, "/"), "line": 1, "column": 1}
	f := lib.target_finding("RSYNC-084", concat("", ["daemon.units[", format_int(i, 10), "]"]), at, concat("", [u.path, " starts rsync with no sandboxing directives."]))
}

# METADATA
# title: Daemon configuration outside /etc
# description: >-
#   The running daemon reads its configuration from a path outside /etc (--config), where package
#   management, file-integrity monitoring and backups usually do not look, and often writable by others.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsync.1#opt--config
# custom:
#   id: RSYNC-085
#   severity: low
#   security_severity: "2.9"
#   cwe: CWE-668
#   compliance:
#     nist: [CM-6, SI-7]
#     pci: ["2.2.1", "11.5.2"]
#   tags: [host, files]
#   help: |
#     Keep the configuration at /etc/rsyncd.conf (root-owned, mode 0644) and drop `--config`.
findings contains f if {
	some i, p in input.daemon.processes
	is_string(p.config_path)
	not startswith(p.config_path, "/etc/")
	msg := concat("", ["rsync daemon process ", format_int(p.pid, 10), " reads its configuration from ", p.config_path, ", outside /etc."])
	f := lib.target_finding("RSYNC-085", concat("", ["daemon.processes[", format_int(i, 10), "]"]), lib.first_file_location, msg)
}

# METADATA
# title: Module list visible to the network
# description: >-
#   A client that connects without credentials gets the daemon's module list (names and comments): a map
#   of what to attack. Only `list = no` hides a module; host and auth rules do not.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#list
# custom:
#   id: RSYNC-086
#   severity: low
#   security_severity: "3.7"
#   cwe: CWE-200
#   compliance:
#     nist: [CM-7, AC-3]
#     pci: ["2.2.6", "1.2.5"]
#   tags: [host, network, disclosure]
#   # Not reported for a read-only module declared public: daemon-wide: a public mirror is meant to be listed; quiet only when every module is public.
#   quiet_when_public: true
#   help: |
#     Set `list = no` on every module that is not meant to be discovered.
findings contains f if {
	some i, p in input.daemon.probes
	count(p.modules) > 0
	names := concat(", ", [m.name | some m in p.modules])
	msg := concat("", ["Anyone reaching ", p.address, " port ", format_int(p.port, 10), " is listed the modules: ", names, "."])
	f := lib.target_finding("RSYNC-086", concat("", ["daemon.probes[", format_int(i, 10), "]"]), lib.first_file_location, msg)
}

# METADATA
# title: Daemon offers no SHA auth digest
# description: >-
#   The daemon's greeting offers no SHA digest (protocol before 32 or a build without OpenSSL): logins use
#   MD5 or MD4 challenge-responses, which can be brute-forced offline from one captured exchange.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#auth_digest
# custom:
#   id: RSYNC-087
#   severity: medium
#   security_severity: "5.9"
#   cwe: CWE-328
#   compliance:
#     nist: [IA-7, SC-13, IA-5(1)]
#     pci: ["8.3.2"]
#   tags: [host, crypto]
#   help: |
#     Upgrade to an rsync built with OpenSSL (3.2.7 or later negotiates SHA digests) and set
#     `auth digest = sha256` (3.5.0).
findings contains f if {
	some i, p in input.daemon.probes
	p.protocol != null
	not _offers_sha(p)
	msg := concat("", ["The daemon at ", p.address, " port ", format_int(p.port, 10), " (protocol ", p.protocol, ") offers no SHA digest for logins."])
	f := lib.target_finding("RSYNC-087", concat("", ["daemon.probes[", format_int(i, 10), "]"]), lib.first_file_location, msg)
}

_offers_sha(p) if {
	some d in p.digests
	startswith(d, "sha")
}
