# METADATA
# title: Who may connect, and what they may do
# description: Anonymous and writable modules, host rules that admit more than they seem to, listing.
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
#   tags: [access, authentication]
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
	input.config.serves
	not mod.access.auth_required
	lib.has_text(mod, "path")
	mod.params["max connections"].value >= 0
	msg := concat("", ["Module [", mod.name, "] has no \"auth users\": every host the host rules admit reads it without a password."])
	base := lib.module_finding("RSYNC-001", i, "auth users", msg)
	f := _anonymous_severity(base, mod)
}

_anonymous_severity(base, mod) := lib.raise(base, "high", "any host on the network can read it") if {
	mod.access.anonymous_read
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
	input.config.serves
	not mod.access.auth_required
	mod.params["read only"].value == false
	lib.has_text(mod, "path")
	mod.params["max connections"].value >= 0
	msg := concat("", ["Module [", mod.name, "] is writable (\"read only = no\") without \"auth users\": every admitted host can upload."])
	base := lib.module_finding("RSYNC-002", i, "read only", msg)
	f := _writable_severity(base, mod)
}

_writable_severity(base, mod) := lib.raise(base, "critical", "any host on the network can write to it") if {
	mod.access.anonymous_write
} else := base

# METADATA
# title: Module open to any host
# description: >-
#   No `hosts allow` restricts the module (or its rules admit every address), so anyone who can reach
#   the port can try it: guess passwords, probe for modules, exploit daemon bugs.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#hosts_allow
# custom:
#   id: RSYNC-003
#   severity: medium
#   security_severity: "5.3"
#   cwe: CWE-284
#   tags: [access, network]
#   help: |
#     Name the networks that may connect, and deny the rest.
#
#     Avoid:
#     ```ini
#     [data]
#         path = /srv/data
#         auth users = sync
#     ```
#     Prefer:
#     ```ini
#     [data]
#         path = /srv/data
#         auth users = sync
#         hosts allow = 192.0.2.0/24
#         hosts deny = *
#     ```
findings contains f if {
	some i, mod in input.config.modules
	lib.reachable(mod)
	lib.has_text(mod, "path")
	f := lib.module_finding("RSYNC-003", i, "hosts allow", concat("", ["Module [", mod.name, "] admits connections from any address: ", _open_why(mod)]))
}

_open_why(mod) := "it has no \"hosts allow\"." if {
	mod.acl.allow == null
} else := "an entry of \"hosts allow\" matches every address."

# METADATA
# title: Host lists that admit hosts in neither list
# description: >-
#   With both `hosts allow` and `hosts deny` set, rsync admits a host that matches neither list. Without
#   a final `hosts deny = *`, the allow list restricts nothing.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#hosts_deny
# custom:
#   id: RSYNC-004
#   severity: high
#   security_severity: "7.5"
#   cwe: CWE-863
#   tags: [access, network, acl-bypass]
#   help: |
#     End the deny list with `*` so that only the allow list admits.
#
#     Avoid:
#     ```ini
#     hosts allow = 10.0.0.0/8
#     hosts deny = 192.168.0.0/16
#     ```
#     Prefer:
#     ```ini
#     hosts allow = 10.0.0.0/8
#     hosts deny = *
#     ```
findings contains f if {
	some i, mod in input.config.modules
	mod.acl.allow != null
	mod.acl.deny != null
	mod.access.open_to_any_host
	msg := concat("", ["Module [", mod.name, "] sets both \"hosts allow\" and \"hosts deny\"; a host in neither list is admitted, so the allow list restricts nothing."])
	f := lib.module_finding("RSYNC-004", i, "hosts deny", msg)
}

# METADATA
# title: Restricted module shown in the module list
# description: >-
#   `list` is on for a module that requires a login or names allowed hosts: anyone who connects learns
#   its name and comment (the listing ignores host and auth rules).
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#list
# custom:
#   id: RSYNC-005
#   severity: low
#   security_severity: "3.1"
#   cwe: CWE-200
#   tags: [access, disclosure]
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

_restricted(mod) if mod.acl.allow != null

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

# METADATA
# title: Host rules that trust DNS
# description: >-
#   Host names and wildcards in `hosts allow`/`hosts deny` are matched against reverse DNS, which the
#   client's network owner controls, and rsync before 3.4.3 failed open when a lookup broke inside
#   `daemon chroot` (CVE-2026-43617).
# related_resources:
#   - ref: https://www.cve.org/CVERecord?id=CVE-2026-43617
# custom:
#   id: RSYNC-007
#   severity: medium
#   security_severity: "5.9"
#   cwe: CWE-350
#   tags: [access, network, dns]
#   help: |
#     Use addresses and networks, not names.
#
#     Avoid:
#     ```ini
#     hosts allow = *.example.com backup.example.net
#     ```
#     Prefer:
#     ```ini
#     hosts allow = 192.0.2.0/24 198.51.100.7
#     hosts deny = *
#     ```
findings contains f if {
	some i, mod in input.config.modules
	some list in ["hosts allow", "hosts deny"]

	# A bare "*" matches every name, UNKNOWN included: it trusts no DNS answer.
	tokens := [t.token | some t in _acl(mod, list); t.kind in {"hostname", "wildcard", "netgroup"}; not t.token in {"*", "**"}]
	count(tokens) > 0
	base := lib.module_finding("RSYNC-007", i, list, concat("", ["Module [", mod.name, "]: \"", list, "\" names hosts by DNS (", concat(", ", tokens), ")."]))
	f := _dns_severity(base)
}

_acl(mod, "hosts allow") := mod.acl.allow if mod.acl.allow != null

_acl(mod, "hosts deny") := mod.acl.deny if mod.acl.deny != null

_dns_severity(base) := lib.raise(base, "high", "this rsync fails open when DNS breaks inside daemon chroot (CVE-2026-43617)") if {
	lib.version_below(lib.known_version, "3.4.3")
	lib.global_has_text("daemon chroot")
} else := base

# METADATA
# title: Placeholder host names in hosts allow
# description: >-
#   `UNKNOWN` is the name rsync gives every client without a verified reverse name, and `UNDETERMINED`
#   every client when `reverse lookup = no`: in `hosts allow` they admit whole classes of clients.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#reverse_lookup
# custom:
#   id: RSYNC-008
#   severity: high
#   security_severity: "7.5"
#   cwe: CWE-863
#   tags: [access, network, acl-bypass]
#   help: |
#     Allow addresses, not placeholders.
#
#     Avoid:
#     ```ini
#     hosts allow = UNDETERMINED
#     ```
#     Prefer:
#     ```ini
#     hosts allow = 192.0.2.0/24
#     hosts deny = *
#     ```
findings contains f if {
	some i, mod in input.config.modules
	some t in _acl(mod, "hosts allow")
	t.kind == "placeholder"
	msg := concat("", ["Module [", mod.name, "]: \"hosts allow\" contains ", upper(t.token), ", which admits every client rsync gives that name."])
	f := lib.module_finding("RSYNC-008", i, "hosts allow", msg)
}

# METADATA
# title: Comment inside a value
# description: >-
#   rsyncd.conf has comments only at the start of a line. A trailing `# ...` is part of the value: a
#   boolean becomes invalid and keeps its default (`read only = no # x` stays read-only, `list = no # x`
#   stays listed), and words in a host or user list become extra entries.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#FILE_FORMAT
# custom:
#   id: RSYNC-009
#   severity: medium
#   security_severity: "5.0"
#   cwe: CWE-1284
#   tags: [parsing, misconfiguration]
#   help: |
#     Put comments on lines of their own.
#
#     Avoid:
#     ```ini
#     list = no # hidden
#     hosts allow = 10.0.0.1 # admin only
#     ```
#     Prefer:
#     ```ini
#     # hidden
#     list = no
#     # admin only
#     hosts allow = 10.0.0.1
#     ```
findings contains lib.finding("RSYNC-009", fields) if {
	some fields in _comment_cases
}

# A boolean the comment made invalid: rsync kept the default; the diagnostic says which value stayed.
_comment_cases contains {
	"module": lib.module_at(d.file, d.line),
	"path": "config.diagnostics",
	"location": {"file": d.file, "line": d.line, "column": d.column},
	"message": d.message,
} if {
	some d in input.config.diagnostics
	d.code == "comment-in-boolean"
}

# A list or path the comment extended with extra words.
_comment_cases contains {
	"module": mod.name,
	"path": concat("", ["config.modules[", format_int(i, 10), "].params.", name]),
	"location": lib.param_location(mod, name),
	"message": concat("", ["Module [", mod.name, "]: \"", name, "\" contains a comment, which rsync reads as part of the value: ", p.raw]),
} if {
	some i, mod in input.config.modules
	some name in _listy
	p := mod.params[name]
	p.origin == "module"
	regex.match(`\s[#;]`, p.raw)
}

_listy := {"hosts allow", "hosts deny", "auth users", "refuse options", "secrets file", "path", "uid", "gid", "auth digest"}

# METADATA
# title: refuse options separated by commas or tabs
# description: >-
#   rsync splits `refuse options` on spaces only. `delete,compress` is one unknown option name, so
#   nothing is refused.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#refuse_options
# custom:
#   id: RSYNC-010
#   severity: medium
#   security_severity: "5.3"
#   cwe: CWE-1284
#   tags: [parsing, misconfiguration]
#   help: |
#     Separate option names with spaces.
#
#     Avoid:
#     ```ini
#     refuse options = delete,compress
#     ```
#     Prefer:
#     ```ini
#     refuse options = delete compress
#     ```
findings contains f if {
	some i, mod in input.config.modules
	v := mod.params["refuse options"].value
	is_string(v)
	regex.match(`[,\t]`, v)
	msg := concat("", ["Module [", mod.name, "]: \"refuse options = ", v, "\" uses commas or tabs; rsync splits on spaces only, so those options are not refused."])
	f := lib.module_finding("RSYNC-010", i, "refuse options", msg)
}

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
