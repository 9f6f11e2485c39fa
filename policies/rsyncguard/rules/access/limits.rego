# Connection limits: none at all, or slots shared through a lock file.
package rsyncguard.rules.access

import data.rsyncguard.lib

# METADATA
# title: No connection limit
# description: >-
#   `max connections = 0` (the default) lets one client open connections until the host runs out of
#   processes or memory.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#max_connections
# custom:
#   id: RSYNC-011
#   severity: low
#   security_severity: "3.7"
#   cwe: CWE-770
#   compliance:
#     nist: [SC-5]
#     pci: ["2.2.6"]
#   tags: [availability]
#   help: |
#     Cap connections per module (and give each module its own lock file).
#
#     Prefer:
#     ```ini
#     max connections = 20
#     lock file = /run/rsyncd-data.lock
#     ```
findings contains f if {
	some i, mod in input.config.modules
	_unlimited(mod)
	not lib.inherits(mod, "max connections")
	f := lib.module_finding("RSYNC-011", i, "max connections", concat("", ["Module [", mod.name, "] has no connection limit."]))
}

# Modules that leave it to the daemon's setting: one finding at the global line, naming them.
findings contains f if {
	inheriting := [i | some i, mod in input.config.modules; _unlimited(mod); lib.inherits(mod, "max connections")]
	count(inheriting) > 0
	msg := concat("", ["No connection limit in ", lib.in_modules(inheriting), ": \"max connections\" is 0 for the daemon."])
	f := lib.inherited_finding("RSYNC-011", "max connections", inheriting, msg)
}

_unlimited(mod) if {
	lib.reachable(mod)
	lib.has_text(mod, "path")
	mod.params["max connections"].value == 0
}

# METADATA
# title: Modules with different limits share a lock file
# description: >-
#   rsync counts connections per lock file, not per module: each connection takes the lowest free
#   slot of the file, below its own module's `max connections`. Modules that share a lock file with the
#   same limit share one pool, which is usually the intent. When the limits differ, the module with
#   the smaller limit can be locked out while it serves nobody: the others' connections fill its slots.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#lock_file
# custom:
#   id: RSYNC-012
#   severity: low
#   security_severity: "3.1"
#   cwe: CWE-400
#   compliance:
#     nist: [SC-5, CM-6]
#     pci: ["2.2.6"]
#   tags: [availability]
#   help: |
#     Give a module with its own limit its own lock file (or give modules that share one the same
#     limit).
#
#     Prefer:
#     ```ini
#     [a]
#         max connections = 10
#         lock file = /run/rsyncd-a.lock
#     ```
findings contains f if {
	some lock, users in _lock_users
	share := _lock_shares[lock]
	some i in users
	mod := input.config.modules[i]
	limit := mod.params["max connections"].value
	limit < share.top
	others := count(share.biggest) - 1
	msg := concat("", [
		"Module [", mod.name, "] (max connections = ", format_int(limit, 10), ") shares the lock file ", lock,
		" with [", share.biggest[0], "]", _and_others(others), " (max connections = ", format_int(share.top, 10),
		"), whose connections can take all of its slots.",
	])
	f := lib.module_finding("RSYNC-012", i, "max connections", msg)
}

# Grouped by lock file in one pass over the modules (a scan of every module per lock file was quadratic when
# each module has its own): lock file → the indexes of the limited modules that use it.
_lock_users[lock] contains i if {
	some i, mod in input.config.modules
	mod.params["max connections"].value > 0
	lock := mod.params["lock file"].value
}

# A lock file several limited modules share: the highest limit among them, and the modules that have it in
# module order (a set of indexes iterates in ascending order; sort makes it an array).
_lock_shares[lock] := {"top": top, "biggest": biggest} if {
	some lock, users in _lock_users
	count(users) > 1
	top := max({input.config.modules[j].params["max connections"].value | some j in users})
	biggest := [input.config.modules[j].name |
		some j in sort(users)
		input.config.modules[j].params["max connections"].value == top
	]
}

_and_others(0) := ""

_and_others(n) := concat("", [" and ", format_int(n, 10), " other modules"]) if n > 0
