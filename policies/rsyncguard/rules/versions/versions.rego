# METADATA
# title: rsync versions with known vulnerabilities
# description: >-
#   Version rules use the version the target reports (package database, `rsync --version`, greeting);
#   a repository scan without one models 3.5.0 and reports none.
package rsyncguard.rules.versions

import data.rsyncguard.lib

# METADATA
# title: rsync older than 3.4.0
# description: >-
#   CVE-2024-12084 (heap overflow) with CVE-2024-12085 (memory disclosure) gives remote code execution to
#   anyone who can read a module, such as an anonymous mirror's clients.
# related_resources:
#   - ref: https://www.cve.org/CVERecord?id=CVE-2024-12084
# custom:
#   id: RSYNC-070
#   severity: high
#   security_severity: "8.1"
#   cwe: CWE-122
#   tags: [vulnerability, cve]
#   help: |
#     Upgrade rsync to 3.4.0 or later (3.5.0 fixes the later daemon CVEs too).
findings contains f if {
	lib.version_below(lib.known_version, "3.4.0")
	base := _at("RSYNC-070", concat("", ["rsync ", lib.known_version, " is older than 3.4.0 (CVE-2024-12084, CVE-2024-12085)."]))
	f := _rce(base)
}

_rce(base) := lib.raise(base, "critical", "a module is readable without a password, so anyone who can reach it can run code on the daemon") if {
	some mod in input.config.modules
	mod.access.anonymous_read
} else := base

_at(id, message) := lib.target_finding(id, "rsync.version", lib.first_file_location, message)

# METADATA
# title: rsync older than 3.4.3
# description: >-
#   Modules without chroot are open to symlink races (CVE-2026-29518, CVE-2026-43619), hostname deny
#   rules failed open under `daemon chroot` (CVE-2026-43617), and the compression decoder leaked memory
#   (CVE-2026-43618).
# related_resources:
#   - ref: https://www.cve.org/CVERecord?id=CVE-2026-29518
# custom:
#   id: RSYNC-071
#   severity: medium
#   security_severity: "6.4"
#   cwe: CWE-367
#   tags: [vulnerability, cve]
#   help: |
#     Upgrade rsync to 3.4.3 or later; until then `refuse options = compress` and chroot every module.
findings contains f if {
	not lib.version_below(lib.known_version, "3.4.0")
	lib.version_below(lib.known_version, "3.4.3")
	base := _at("RSYNC-071", concat("", ["rsync ", lib.known_version, " is older than 3.4.3 (CVE-2026-29518, CVE-2026-43617, CVE-2026-43618)."]))
	f := _race(base)
}

_race(base) := lib.raise(base, "high", "a module runs without chroot, the case the symlink races exploit") if {
	some mod in input.config.modules
	not lib.chrooted(mod)
} else := base

# METADATA
# title: rsync older than 3.5.0
# description: >-
#   Before 3.5.0 unresolvable `hosts deny` names failed open (CVE-2026-70452), the comma-only `auth users`
#   form was split on spaces (CVE-2026-70463), hook parameters could be shell-injected (CVE-2026-53790)
#   and any peer could send PROXY headers (CVE-2026-53791).
# related_resources:
#   - ref: https://www.cve.org/CVERecord?id=CVE-2026-70452
# custom:
#   id: RSYNC-072
#   severity: medium
#   security_severity: "6.5"
#   cwe: CWE-1104
#   tags: [vulnerability, cve]
#   help: |
#     Upgrade rsync to 3.5.0.
findings contains f if {
	not lib.version_below(lib.known_version, "3.4.3")
	lib.version_below(lib.known_version, "3.5.0")
	f := _at("RSYNC-072", concat("", ["rsync ", lib.known_version, " is older than 3.5.0 (CVE-2026-70452, CVE-2026-70463, CVE-2026-53790, CVE-2026-53791)."]))
}
