# METADATA
# title: Loading the configuration
# description: >-
#   Whether rsync can load the configuration at all. rsync logs its parse errors and goes on, or stops:
#   before the first module an error stops the daemon from starting; after it, every connection fails.
#   Either way the module rules describe a daemon that does not serve, so the failure itself is a finding.
package rsyncguard.rules.loading

import data.rsyncguard.lib

# METADATA
# title: Daemon refuses to start
# description: >-
#   rsync's startup parse (everything before the first module, includes too) fails: `rsync --daemon` exits
#   with "Failed to parse config file" and serves nothing. The modules are evaluated as written, but none of
#   them runs until the error is fixed, and fixing it in a hurry puts them all online at once.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#CONFIG_DIRECTIVES
# custom:
#   id: RSYNC-100
#   severity: medium
#   security_severity: "5.3"
#   cwe: CWE-665
#   compliance:
#     nist: [CM-6]
#     pci: ["2.2.1"]
#   tags: [availability, configuration]
#   help: |
#     Fix the line the finding points at. Only `&include` and `&merge` directives exist, an included path
#     must exist, no line may start with `=`, and no include may lead back to a file that includes it.
#
#     Avoid:
#     ```ini
#     &inculde /etc/rsyncd.d
#     ```
#     Prefer:
#     ```ini
#     &include /etc/rsyncd.d
#     ```
findings contains f if {
	not input.config.starts
	some d in input.config.diagnostics
	d.code == "daemon-refuses-to-start"
	f := lib.finding("RSYNC-100", {"path": "config.starts", "location": _at(d), "message": concat("", [d.message, " Nothing is served until this is fixed."])})
}

# METADATA
# title: Every connection fails
# description: >-
#   The daemon starts (its startup parse stops at the first module), but each connection parses the whole
#   file again and fails, so every request, the module listing included, gets an error. The modules are
#   evaluated as written, but none of them serves until the error is fixed.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#MODULE_PARAMETERS
# custom:
#   id: RSYNC-101
#   severity: medium
#   security_severity: "5.3"
#   cwe: CWE-665
#   compliance:
#     nist: [CM-6]
#     pci: ["2.2.1"]
#   tags: [availability, configuration]
#   help: |
#     Fix the line the finding points at: module names cannot be empty or contain `/`, a header needs its
#     closing `]` on the same line, and include problems after the first module fail here too.
#
#     Avoid:
#     ```ini
#     [backup/daily]
#     ```
#     Prefer:
#     ```ini
#     [backup-daily]
#     ```
findings contains f if {
	input.config.starts
	not input.config.serves
	some d in input.config.diagnostics
	d.code == "every-connection-fails"
	f := lib.finding("RSYNC-101", {"path": "config.serves", "location": _at(d), "message": d.message})
}

_at(d) := {"file": d.file, "line": d.line, "column": d.column}
