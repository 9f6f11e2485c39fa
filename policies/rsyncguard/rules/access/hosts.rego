# Host rules (`hosts allow`, `hosts deny`) that admit more than they seem to.
package rsyncguard.rules.access

import data.rsyncguard.lib

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
#   compliance:
#     nist: [AC-3, SC-7, SC-7(5)]
#     pci: ["1.3.1", "1.4.2"]
#   tags: [access, network]
#   # Not reported for a read-only module declared public: a public mirror is meant to admit every host.
#   quiet_when_public: true
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
	# Only local processes can connect: no host list could narrow that (stunnel's clients all come from loopback).
	lib.reach != "local"
	some i, mod in input.config.modules
	lib.reachable(mod)

	# A module rsync refuses to everyone (RSYNC-014) admits no one to anything.
	not lib.unusable(mod)

	f := lib.module_finding("RSYNC-003", i, "hosts allow", concat("", ["Module [", mod.name, "] admits connections from ", _open_from, _open_why(mod)]))
}

# Who that is: the daemon's reach (config.effective.reach) bounds "any address".
_open_from := "any address" if lib.reach == "any"

else := concat("", ["all ", lib.reach_who])

_open_why(mod) := ": it has no \"hosts allow\"." if {
	mod.acl.allow == null
} else := ": an entry of \"hosts allow\" matches every address." if {
	_allow_matches_everyone(mod)
} else := " that neither \"hosts allow\" nor \"hosts deny\" names: rsync admits a host in neither list."

# An allow token that admits any outside client: every address of a family, or any name. Placeholders
# (UNKNOWN, UNDETERMINED) are names outside clients may have, so they count.
_allow_matches_everyone(mod) if {
	some t in mod.acl.allow
	t.kind in {"any-address", "placeholder"}
}

_allow_matches_everyone(mod) if {
	some t in mod.acl.allow
	t.kind == "wildcard"
	regex.match(`^\*+$`, t.token)
}

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
#   compliance:
#     nist: [AC-3, SC-7(5)]
#     pci: ["1.4.2", "7.2.1"]
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
#   compliance:
#     nist: [AC-3, IA-3]
#     pci: ["2.2.6", "7.2.1"]
#   tags: [access, network, dns]
#   # Not reported for a read-only module declared public: the host rules only narrow who reads what is declared public anyway.
#   quiet_when_public: true
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
#   compliance:
#     nist: [AC-3, IA-3]
#     pci: ["2.2.6", "7.2.1"]
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
