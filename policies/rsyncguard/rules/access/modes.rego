# What a module shows in the listing, and whether it accepts uploads or downloads at all.
package rsyncguard.rules.access

import data.rsyncguard.lib

# METADATA
# title: Restricted module shown in the module list
# description: >-
#   `list` is on for a module that requires a login or whose `hosts allow` keeps some hosts out: anyone
#   who connects learns its name and comment (the listing ignores host and auth rules). An allow list that
#   admits any host (`*`, `0.0.0.0/0`, `::/0`) restricts nothing and does not count.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#list
# custom:
#   id: RSYNC-005
#   severity: low
#   security_severity: "3.1"
#   cwe: CWE-200
#   compliance:
#     nist: [AC-3, CM-7]
#     pci: ["2.2.6"]
#   tags: [access, disclosure]
#   # Not reported for a read-only module declared public: a public mirror is meant to be listed.
#   quiet_when_public: true
#   help: |
#     Hide modules that are not for everyone.
#
#     Prefer:
#     ```ini
#     [private]
#         list = no
#     ```
findings contains f if {
	some i, mod in input.config.modules
	input.config.serves
	mod.access.listed
	_restricted(mod)
	f := lib.module_finding("RSYNC-005", i, "list", concat("", ["Module [", mod.name, "] is restricted but listed: every client sees its name and comment."]))
}

_restricted(mod) if mod.access.auth_required

# An allow list counts only when it keeps an outside client out: `*`, `0.0.0.0/0` or `::/0` admit any host
# (of one address family at least), so the facts say open_to_any_host and the module is not restricted.
_restricted(mod) if {
	mod.acl.allow != null
	not mod.access.open_to_any_host
}

# METADATA
# title: Write-only module that is also read-only
# description: >-
#   `write only = yes` refuses downloads, and `read only` (default yes) refuses uploads: the module serves
#   nothing. Usually `read only = no` was meant, or was lost to an inline comment.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#write_only
# custom:
#   id: RSYNC-006
#   severity: low
#   security_severity: "2.0"
#   cwe: CWE-1284
#   compliance:
#     nist: [CM-6]
#     pci: ["2.2.6"]
#   tags: [access, misconfiguration]
#   help: |
#     Say what the module is for.
#
#     Prefer (a drop box):
#     ```ini
#     write only = yes
#     read only = no
#     ```
findings contains f if {
	some i, mod in input.config.modules
	mod.params["write only"].value == true
	mod.params["read only"].value == true
	not _rw_rule(mod)
	f := lib.module_finding("RSYNC-006", i, "write only", concat("", ["Module [", mod.name, "] is write-only and read-only: it accepts neither uploads nor downloads."]))
}

_rw_rule(mod) if {
	some r in mod.auth_rules
	r.option == "rw"
}
