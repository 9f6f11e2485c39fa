# METADATA
# title: Logins
# description: How `auth users` and the secrets file decide who gets in.
package rsyncguard.rules.auth

import data.rsyncguard.lib

# METADATA
# title: auth users without a usable secrets file
# description: >-
#   With `auth users` set, rsync checks passwords against `secrets file`; when it is unset or missing,
#   every login fails ("no secrets file"). The module is unusable, and someone may "fix" it by removing
#   `auth users`.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#secrets_file
# custom:
#   id: RSYNC-020
#   severity: low
#   security_severity: "2.0"
#   cwe: CWE-1284
#   compliance:
#     nist: [IA-2, IA-5, CM-6]
#     pci: ["8.3.1"]
#   tags: [authentication, misconfiguration]
#   help: |
#     Point the module at a secrets file that exists, owned by root, mode 0600.
#
#     Prefer:
#     ```ini
#     auth users = backup
#     secrets file = /etc/rsyncd.secrets
#     ```
findings contains f if {
	some i, mod in input.config.modules
	mod.access.auth_required
	why := _unusable_secrets(mod)
	f := lib.module_finding("RSYNC-020", i, "secrets file", concat("", ["Module [", mod.name, "] sets \"auth users\" but ", why, ": every login fails."]))
}

_unusable_secrets(mod) := "no \"secrets file\"" if {
	not lib.has_text(mod, "secrets file")
} else := concat("", ["its secrets file ", path, " does not exist"]) if {
	_secrets_seen_by_daemon
	path := mod.params["secrets file"].value
	_missing_secrets[path]
}

# Secrets files the facts saw missing, and those rsync's strict modes reject, by path: a module looks its
# own up instead of scanning every secrets file.
_missing_secrets contains s.path if {
	some s in input.secrets
	s.exists == false
}

_rejected_secrets contains s.path if {
	some s in input.secrets
	_strict_modes_reject(s)
}

# METADATA
# title: strict modes turned off
# description: >-
#   `strict modes = no` makes rsync use a secrets file that other users can read or that someone other
#   than root owns.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#strict_modes
# custom:
#   id: RSYNC-021
#   severity: medium
#   security_severity: "5.5"
#   cwe: CWE-732
#   compliance:
#     nist: [IA-5, IA-5(6), AC-6]
#     pci: ["8.3.2", "2.2.6"]
#   tags: [authentication, secrets]
#   help: |
#     Keep strict modes on and fix the file's permissions instead.
#
#     Avoid:
#     ```ini
#     strict modes = no
#     ```
#     Prefer (and `chmod 600`, `chown root:root` the secrets file):
#     ```ini
#     strict modes = yes
#     ```
findings contains f if {
	some i, mod in input.config.modules
	mod.params["strict modes"].value == false
	mod.access.auth_required
	msg := concat("", ["Module [", mod.name, "] turns \"strict modes\" off: rsync will trust a secrets file anyone can read or replace."])
	f := lib.module_finding("RSYNC-021", i, "strict modes", msg)
}

# METADATA
# title: auth users rule that never applies
# description: >-
#   rsync uses the first `auth users` rule that matches a user. A rule after a catch-all, or after a
#   rule that already matches the same name, never decides anything, and a `:deny` there denies nobody.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#auth_users
# custom:
#   id: RSYNC-022
#   severity: medium
#   security_severity: "5.4"
#   cwe: CWE-863
#   compliance:
#     nist: [AC-3, AC-6]
#     pci: ["7.2.1", "7.2.2"]
#   tags: [authentication, acl-bypass]
#   help: |
#     Put specific rules (especially `:deny`) before general ones.
#
#     Avoid:
#     ```ini
#     auth users = *, mallory:deny
#     ```
#     Prefer:
#     ```ini
#     auth users = mallory:deny, *
#     ```
findings contains f if {
	some i, mod in input.config.modules
	some r in mod.auth_rules
	r.shadowed_by != null
	msg := concat("", ["Module [", mod.name, "]: the rule \"", r.raw, "\" never applies, because \"", r.shadowed_by, "\" comes first and matches the same users."])
	f := lib.module_finding("RSYNC-022", i, "auth users", msg)
}

# METADATA
# title: auth users rule split or padded by whitespace
# description: >-
#   `joe :deny` is two rules, `joe` (admitted) and `:deny` (an empty name), so joe is let in. In the
#   comma-only form (`, joe :deny`) the name is `joe ` with a trailing space, which matches no one.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#auth_users
# custom:
#   id: RSYNC-023
#   severity: high
#   security_severity: "7.3"
#   cwe: CWE-863
#   compliance:
#     nist: [AC-3]
#     pci: ["7.2.1"]
#   tags: [authentication, acl-bypass, parsing]
#   help: |
#     Write a rule and its option without spaces.
#
#     Avoid:
#     ```ini
#     auth users = joe :deny, ann
#     ```
#     Prefer:
#     ```ini
#     auth users = joe:deny, ann
#     ```
findings contains f if {
	some i, mod in input.config.modules
	some r in mod.auth_rules
	_whitespace_trap(r)
	msg := concat("", ["Module [", mod.name, "]: the auth users rule \"", r.raw, "\" is not what it looks like (whitespace splits or pads it)."])
	f := lib.module_finding("RSYNC-023", i, "auth users", msg)
}

_whitespace_trap(r) if r.empty

_whitespace_trap(r) if regex.match(`\s`, r.pattern)

# METADATA
# title: auth users option that rsync ignores
# description: >-
#   Only `:deny`, `:ro` and `:rw` (by their first letters) mean anything; `:readwrite`, `:r` or `:admin`
#   are silently ignored, and the module's `read only` applies.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#auth_users
# custom:
#   id: RSYNC-024
#   severity: medium
#   security_severity: "4.3"
#   cwe: CWE-1284
#   compliance:
#     nist: [AC-3, CM-6]
#     pci: ["7.2.2"]
#   tags: [authentication, parsing]
#   help: |
#     Use `:deny`, `:ro` or `:rw`.
#
#     Avoid:
#     ```ini
#     auth users = joe:readwrite
#     ```
#     Prefer:
#     ```ini
#     auth users = joe:rw
#     ```
findings contains f if {
	some i, mod in input.config.modules
	some r in mod.auth_rules
	r.ignored_option != null
	msg := concat("", [
		"Module [", mod.name, "]: rsync ignores the option \":", _shown_option(r.ignored_option),
		"\" after \"", r.pattern, "\".",
	])
	f := lib.module_finding("RSYNC-024", i, "auth users", msg)
}

# What follows the colon may be a password written there by mistake: only words that read like an access
# level are quoted back.
_shown_option(o) := o if regex.match(_access_words, o)

else := "********"

_access_words := concat("", [
	`^(?i)(read|write|readwrite|read-write|read_write|readonly|read-only|read_only|writeonly|write-only`,
	`|r|w|ro|rw|wo|deny|allow|none|full|all|admin|yes|no|true|false)$`,
])

# METADATA
# title: No auth digest floor
# description: >-
#   rsync negotiates the challenge digest without authentication, so an attacker on the path can
#   downgrade a login to MD5 or MD4. rsync 3.5.0 can refuse weaker digests with `auth digest`.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#auth_digest
# custom:
#   id: RSYNC-025
#   severity: medium
#   security_severity: "4.8"
#   cwe: CWE-757
#   compliance:
#     nist: [IA-7, SC-8, SC-13]
#     pci: ["8.3.2"]
#   tags: [authentication, crypto]
#   help: |
#     Set a floor on modules that require a login.
#
#     Prefer:
#     ```ini
#     auth digest = sha256
#     ```
findings contains f if {
	not lib.version_below(input.context.rsync_version, "3.5.0")
	some i, mod in input.config.modules
	mod.access.auth_required
	not lib.has_text(mod, "auth digest")

	# The floor protects a login; where none can succeed, RSYNC-020 or RSYNC-030/031 is the finding.
	not _no_login(mod)
	msg := concat("", ["Module [", mod.name, "] requires a login but sets no \"auth digest\" floor: the digest can be downgraded to MD5/MD4."])
	f := lib.module_finding("RSYNC-025", i, "auth digest", msg)
}

# No login to the module can succeed: check_secret (authenticate.c) fails closed when the secrets file is
# unset or missing (RSYNC-020), or, with `strict modes` on, when it is other-accessible or, on a daemon that
# authenticates as root, not owned by root (shared/reference/rsyncd.md §4). Facts that are unknown (a
# repository that does not hold the file) leave the login possible, and so does a mode read from a
# repository checkout: the umask of a clone, not the deployed file's (RSYNC-030 still reports it).
_no_login(mod) if _unusable_secrets(mod)

_no_login(mod) if {
	input.target.kind != "file"
	_secrets_seen_by_daemon
	not mod.params["strict modes"].value == false
	_rejected_secrets[mod.params["secrets file"].value]
}

# The secrets facts describe the file at its path on the target. With `daemon chroot` the daemon chroots
# before it authenticates and opens the path inside the jail (shared/reference/rsyncd.md §3.1 step 3, §6),
# a file the facts do not describe: whether it exists or passes strict modes is unknown, so a login stays
# possible.
_secrets_seen_by_daemon if not lib.global_has_text("daemon chroot")

_strict_modes_reject(s) if s.other_accessible == true

_strict_modes_reject(s) if {
	lib.root_daemon
	s.owner_is_root == false
}
