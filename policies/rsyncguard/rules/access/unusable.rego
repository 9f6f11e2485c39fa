# Modules rsync will not serve to anyone.
package rsyncguard.rules.access

import data.rsyncguard.lib

# METADATA
# title: Module rsync will not serve
# description: >-
#   rsync refuses every request for the module: `max connections` is negative, or, once a client is past
#   the host rules and the login, the `uid` or a `gid` does not resolve ("@ERROR: invalid uid 0 # the
#   owner": rsync keeps an inline comment as part of the value, and reads only an all-digit value as an
#   id up to uid_t), or the module has no `path` ("@ERROR: no path setting."), or a daemon without root
#   must chroot, switch groups or switch to root ("@ERROR: chroot failed", "setgid failed", "setuid
#   failed"). Low: the module is broken, not open, and rsyncguard reports no anonymous-access findings
#   for it; the risk is the fix, made in haste under pressure from its users (`uid = 0` to make the error
#   go away runs every transfer as root).
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#uid
# custom:
#   id: RSYNC-014
#   severity: low
#   security_severity: "3.1"
#   cwe: CWE-1284
#   compliance:
#     nist: [CM-6]
#     pci: ["2.2.6"]
#   tags: [access, availability]
#   help: |
#     Give the module a path and a uid and gid the system has, without an inline comment after the value
#     (rsync reads the comment as part of it), and keep the uid unprivileged. Remove a module you
#     disabled with a negative `max connections` instead of keeping it.
#
#     Avoid:
#     ```ini
#     [backups]
#         path = /srv/backups
#         uid = 0 # the owner
#     ```
#     Prefer:
#     ```ini
#     [backups]
#         path = /srv/backups
#         # the owner of /srv/backups
#         uid = backup
#         gid = backup
#     ```
findings contains f if {
	some i, mod in input.config.modules
	input.config.serves
	lib.unusable(mod)
	u := mod.effective.unusable
	not _path_may_be_rendered(mod, u)
	msg := concat("", ["Module [", mod.name, "] is never served. ", u.reason])
	f := lib.module_finding("RSYNC-014", i, _unusable_param(u), msg)
}

# Where the finding points: the parameter that causes it; an absent `path` (or a default uid/gid that does
# not resolve) points at the module header through module_finding.
_unusable_param(u) := u.param if is_string(u.param)

else := "path"

# A template (Jinja, ERB, envsubst; the parser's "template" note) can set `path` on a line whose name is
# itself an expression (`<%= k %> = <%= v %>`): only the rendered file shows whether it is missing.
_path_may_be_rendered(mod, u) if {
	u.param == "path"
	_template_files[mod.header.file]
}

# Files with a template note, gathered once rather than scanned per module.
_template_files contains d.file if {
	some d in input.config.diagnostics
	d.code == "template"
}
