# Modules the operator declared public mirrors (`# rsyncguard: public <reason>`, or `public:` in
# .rsyncguard.yaml): the declaration says "read-only, for everyone", so a way to upload contradicts it.
package rsyncguard.rules.access

import data.rsyncguard.lib

# METADATA
# title: Public module is writable
# description: >-
#   The module is declared public (a read-only mirror for everyone), yet some client can upload to it:
#   `read only = no`, or an `auth users` rule with `:rw`. The operator believes nothing can change it.
#   While it is writable, its declaration silences nothing.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#read_only
# custom:
#   id: RSYNC-015
#   severity: critical
#   security_severity: "9.1"
#   cwe: CWE-732
#   compliance:
#     nist: [AC-3, AC-6, SI-7]
#     pci: ["7.2.1", "7.3.1"]
#   tags: [access, write, declared-public]
#   help: |
#     A public mirror is read-only: keep `read only = yes` (the default) and grant no `:rw`. Serve
#     uploads from a separate module with a login, and do not declare that one public.
#
#     Avoid:
#     ```ini
#     # rsyncguard: public Debian mirror
#     [debian]
#         path = /srv/mirror/debian
#         read only = no
#     ```
#     Prefer:
#     ```ini
#     # rsyncguard: public Debian mirror
#     [debian]
#         path = /srv/mirror/debian
#         read only = yes
#     ```
findings contains f if {
	some i, mod in input.config.modules
	input.config.serves
	mod.declared_public != null
	mod.effective.writable.value

	# A module rsync refuses to everyone (RSYNC-014) takes no uploads, whatever it says.
	not lib.unusable(mod)
	msg := concat("", [
		"Module [", mod.name, "] is declared public by ", _declared_by(mod.declared_public),
		", but it is writable: ", mod.effective.writable.reason,
	])
	f := lib.module_finding("RSYNC-015", i, _writable_param(mod), msg)
}

_declared_by(d) := concat("", ["the comment at ", d.file, ":", format_int(d.line, 10)]) if {
	d.source == "comment"
} else := concat("", ["the public entry at ", d.file, ":", format_int(d.line, 10)])

_writable_param(mod) := "read only" if {
	mod.params["read only"].value == false
} else := "auth users"
