# Modules a client reaches without a password, and what it may do there.
package rsyncguard.rules.access

import data.rsyncguard.lib

# METADATA
# title: Module without authentication
# description: >-
#   The module sets no `auth users`, so every host its `hosts allow`/`hosts deny` rules admit reads it
#   without a password. rsync has no other access control.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#auth_users
# custom:
#   id: RSYNC-001
#   severity: medium
#   security_severity: "5.3"
#   cwe: CWE-306
#   compliance:
#     nist: [AC-3, AC-14, IA-2, IA-8]
#     pci: ["7.2.1", "8.2.1", "8.3.1"]
#   tags: [access, authentication]
#   # Not reported for a read-only module declared public: anonymous reading is what a public mirror is for.
#   quiet_when_public: true
#   help: |
#     Require a login for every module that is not a deliberate public mirror.
#
#     Avoid:
#     ```ini
#     [backups]
#         path = /srv/backups
#     ```
#     Prefer:
#     ```ini
#     [backups]
#         path = /srv/backups
#         auth users = backup
#         secrets file = /etc/rsyncd.secrets
#     ```
findings contains f if {
	some i, mod in input.config.modules
	_anonymous(mod)
	msg := concat("", ["Module [", mod.name, "] has no \"auth users\": every host the host rules admit ", _anonymous_use(mod), lib.reach_note, "."])
	base := lib.module_finding("RSYNC-001", i, "auth users", msg)
	f := _anonymous_severity(base, mod)
}

# A module the daemon serves to clients without a password: no `auth users`, and one rsync will serve
# (effective.unusable: not disabled, its uid and gid resolve, it has a path) to some host (not `hosts
# deny = *` alone). A module it refuses is RSYNC-014's, whatever its other settings say.
_anonymous(mod) if {
	input.config.serves
	not mod.access.auth_required
	not lib.unusable(mod)
	not lib.admits_no_host(mod)
}

# What an admitted host does there: a write-only module refuses downloads ("module is write only").
_anonymous_use(mod) := "uploads to it without a password (\"write only = yes\" refuses downloads)" if {
	mod.params["write only"].value == true
	mod.params["read only"].value == false
} else := "connects without a password, though \"write only\" and \"read only\" refuse both downloads and uploads" if {
	mod.params["write only"].value == true
} else := "reads it without a password"

# Raised only when any host can connect: a daemon bound to loopback, a private address or an unexposed
# container port is not open to "any host on the network" (config.effective.reach).
_anonymous_severity(base, mod) := lib.raise(base, "high", "any host on the network can read it") if {
	mod.access.anonymous_read
	lib.reach == "any"
} else := base

# METADATA
# title: Anonymous writable module
# description: >-
#   `read only = no` on a module without `auth users` accepts uploads from every admitted host: anyone can
#   plant or overwrite files.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#read_only
# custom:
#   id: RSYNC-002
#   severity: high
#   security_severity: "8.1"
#   cwe: CWE-284
#   compliance:
#     nist: [AC-3, AC-6, AC-14, SI-7]
#     pci: ["7.2.1", "7.3.1", "8.3.1"]
#   tags: [access, authentication, write]
#   help: |
#     Keep modules read-only, or require a login where uploads are needed.
#
#     Avoid:
#     ```ini
#     [incoming]
#         path = /srv/incoming
#         read only = no
#     ```
#     Prefer:
#     ```ini
#     [incoming]
#         path = /srv/incoming
#         read only = no
#         auth users = uploader
#         secrets file = /etc/rsyncd.secrets
#         hosts allow = 192.0.2.0/24
#         hosts deny = *
#     ```
findings contains f if {
	some i, mod in input.config.modules
	_anonymous(mod)
	mod.params["read only"].value == false
	msg := concat("", ["Module [", mod.name, "] is writable (\"read only = no\") without \"auth users\": every admitted host can upload", lib.reach_note, "."])
	base := lib.module_finding("RSYNC-002", i, "read only", msg)
	f := _writable_severity(base, mod)
}

_writable_severity(base, mod) := lib.raise(base, "critical", "any host on the network can write to it") if {
	mod.access.anonymous_write
	lib.reach == "any"
} else := base
