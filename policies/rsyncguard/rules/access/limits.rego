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
	lib.reachable(mod)
	lib.has_text(mod, "path")
	mod.params["max connections"].value == 0
	f := lib.module_finding("RSYNC-011", i, "max connections", concat("", ["Module [", mod.name, "] has no connection limit."]))
}

# METADATA
# title: Modules share a lock file
# description: >-
#   Modules with `max connections` that share a `lock file` (the default) share connection slots: a
#   busy module locks clients out of the others.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#lock_file
# custom:
#   id: RSYNC-012
#   severity: low
#   security_severity: "3.1"
#   cwe: CWE-400
#   tags: [availability]
#   help: |
#     Give each limited module its own lock file.
#
#     Prefer:
#     ```ini
#     [a]
#         max connections = 10
#         lock file = /run/rsyncd-a.lock
#     ```
findings contains f if {
	some lock in _limited_locks
	users := _lock_users(lock)
	count(users) > 1
	some k, i in users
	k > 0
	first := input.config.modules[users[0]].name
	others := count(users) - 2
	msg := concat("", [
		"Module [", input.config.modules[i].name, "] shares the lock file ", lock, " with [", first, "]",
		_and_others(others), ", and with it their connection slots.",
	])
	f := lib.module_finding("RSYNC-012", i, "lock file", msg)
}

# Grouped by lock file: one pass over the modules per lock, not one per pair (a 100-module daemon).
_limited_locks contains mod.params["lock file"].value if {
	some mod in input.config.modules
	mod.params["max connections"].value > 0
}

_lock_users(lock) := [i |
	some i, mod in input.config.modules
	mod.params["max connections"].value > 0
	mod.params["lock file"].value == lock
]

_and_others(0) := ""

_and_others(n) := concat("", [" and ", format_int(n, 10), " other modules"]) if n > 0
