# METADATA
# title: Logging and daemon files
# description: Whether transfers leave a trace, and whether the daemon's own files can be tampered with.
package rsyncguard.rules.logging

import data.rsyncguard.lib

# METADATA
# title: Transfers are not logged
# description: >-
#   Without `transfer logging`, the log shows connections but not which files were read or written: an
#   exfiltration or a planted file leaves no trace.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#transfer_logging
# custom:
#   id: RSYNC-050
#   severity: low
#   security_severity: "3.0"
#   cwe: CWE-778
#   compliance:
#     nist: [AU-2, AU-3, AU-12]
#     pci: ["10.2.1", "10.2.2"]
#   tags: [logging]
#   help: |
#     Turn on transfer logging, to a log file of the daemon's own.
#
#     Prefer:
#     ```ini
#     log file = /var/log/rsyncd.log
#     transfer logging = yes
#     ```
findings contains f if {
	some i, mod in input.config.modules
	_unlogged(mod)
	not lib.inherits(mod, "transfer logging")
	f := lib.module_finding("RSYNC-050", i, "transfer logging", concat("", ["Module [", mod.name, "] does not log transfers", _where([mod]), "."]))
}

# Modules that leave it to the daemon's setting: one finding at the global line, naming them.
findings contains f if {
	inheriting := [i | some i, mod in input.config.modules; _unlogged(mod); lib.inherits(mod, "transfer logging")]
	count(inheriting) > 0
	mods := [input.config.modules[i] | some i in inheriting]
	msg := concat("", [
		"Transfers are not logged in ", lib.in_modules(inheriting), ": ",
		"\"transfer logging\" is off for the daemon", _where(mods), ".",
	])
	f := lib.inherited_finding("RSYNC-050", "transfer logging", inheriting, msg)
}

_unlogged(mod) if {
	lib.has_text(mod, "path")
	mod.params["transfer logging"].value == false
}

_where(mods) := "" if {
	some mod in mods
	lib.has_text(mod, "log file")
} else := " (and has no \"log file\": only syslog sees connections)" if {
	count(mods) == 1
} else := " (and no \"log file\": only syslog sees connections)"

# METADATA
# title: Daemon file in a world-writable directory
# description: >-
#   A `pid file`, `lock file` or `log file` in `/tmp`, `/var/tmp` or `/dev/shm` can be pre-created or
#   replaced by a symlink by any local user, and a root daemon then writes through it.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#lock_file
# custom:
#   id: RSYNC-051
#   severity: medium
#   security_severity: "5.5"
#   cwe: CWE-377
#   compliance:
#     nist: [AC-6, SI-7, AU-9]
#     pci: ["10.3.2", "2.2.6"]
#   tags: [permissions, files]
#   help: |
#     Keep daemon files under `/run` and `/var/log`.
#
#     Avoid:
#     ```ini
#     pid file = /tmp/rsyncd.pid
#     ```
#     Prefer:
#     ```ini
#     pid file = /run/rsyncd.pid
#     ```
findings contains lib.finding("RSYNC-051", fields) if {
	some fields in _unsafe_files
}

_unsafe_files contains {
	"path": concat("", ["config.global.", name]),
	"location": lib.global_location(name),
	"message": concat("", ["\"", name, " = ", v, "\" lies in a world-writable directory."]),
} if {
	some name in ["pid file", "log file", "lock file"]
	v := input.config.global[name].value
	lib.in_world_writable_dir(v)
}

_unsafe_files contains {
	"module": mod.name,
	"path": concat("", ["config.modules[", format_int(i, 10), "].params.", name]),
	"location": lib.param_location(mod, name),
	"message": concat("", ["Module [", mod.name, "]: \"", name, " = ", v, "\" lies in a world-writable directory."]),
} if {
	some i, mod in input.config.modules
	some name in ["log file", "lock file"]
	mod.params[name].origin == "module"
	v := mod.params[name].value
	lib.in_world_writable_dir(v)
}
