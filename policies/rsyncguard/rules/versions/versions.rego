# METADATA
# title: rsync versions with known vulnerabilities
# description: >-
#   Each CVE of policies/rsyncguard/cves/data.yaml that the facts judge `affected` for this target (by its
#   version, or its distro package: input.rsync.cves) is reported where the configuration makes it reachable.
#   No known version, no judgement, no finding.
package rsyncguard.rules.versions

import data.rsyncguard.lib

# METADATA
# title: rsync with vulnerabilities any daemon exposes
# description: >-
#   The rsync this target runs has vulnerabilities that any client able to connect can reach, whatever
#   the configuration: before 3.5.0 a peer that stalls before authenticating holds connections past
#   `max connections` (CVE-2026-70464), and an argument count at its limit writes past a heap array
#   (CVE-2026-70456). One finding per target, as severe as its worst CVE.
# related_resources:
#   - ref: https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md
# custom:
#   id: RSYNC-070
#   severity: high
#   security_severity: "8.2"
#   cwe: CWE-1395
#   compliance:
#     nist: [SI-2, RA-5]
#     pci: ["6.3.1", "6.3.3", "11.3.1"]
#   tags: [vulnerability, cve]
#   help: |
#     Upgrade rsync to the release that fixes every CVE listed (3.5.0 fixes all known ones), or install
#     your distribution's security update. No rsyncd.conf setting closes these; until then limit who can
#     connect at all.
#
#     Avoid (on rsync before 3.5.0):
#     ```ini
#     [files]
#         path = /srv/files
#     ```
#     Prefer, until the upgrade:
#     ```ini
#     address = 192.0.2.10
#     [files]
#         path = /srv/files
#         hosts allow = 192.0.2.0/24
#         hosts deny = *
#     ```
findings contains f if {
	es := _entries("RSYNC-070")
	count(es) > 0
	ids := [e.id | some e in es]
	msg := concat("", [_older(es), ": ", concat(", ", ids), "."])
	base := lib.target_finding("RSYNC-070", "rsync.version", lib.first_file_location, msg)
	f := object.union(base, {"severity": _worst(es), "cves": ids})
}

# METADATA
# title: rsync vulnerability reachable through the configuration
# description: >-
#   A CVE of the rsync this target runs is reachable by a remote client because of a setting: `proxy
#   protocol = yes` before 3.5.0 lets any peer spoof its address (CVE-2026-53791), a readable module before
#   3.4.0 is open to the checksum heap overflow (CVE-2024-12084), a hostname in `hosts deny` fails open
#   (CVE-2026-70452), a comma-form `auth users` never applies `:deny` to a group with a space
#   (CVE-2026-70463), a hook expanding `%RSYNC_…%` is injectable (CVE-2026-53790). Reported at the setting,
#   one finding per CVE, with the CVE's severity; docs/cves.md lists every condition.
# related_resources:
#   - ref: https://github.com/RsyncProject/rsync/blob/v3.5.0/NEWS.md
# custom:
#   id: RSYNC-071
#   severity: high
#   security_severity: "8.1"
#   cwe: CWE-1395
#   compliance:
#     nist: [SI-2, RA-5]
#     pci: ["6.3.1", "6.3.3", "11.3.1"]
#   tags: [vulnerability, cve]
#   help: |
#     Upgrade rsync (3.5.0 fixes every CVE listed) or install your distribution's security update. Until
#     then, turn off the setting the finding points at, where the daemon can do without it.
#
#     Avoid (on rsync before 3.5.0):
#     ```ini
#     proxy protocol = yes
#     [files]
#         path = /srv/files
#         hosts deny = bad.example.com
#     ```
#     Prefer:
#     ```ini
#     proxy protocol = no
#     [files]
#         path = /srv/files
#         hosts allow = 192.0.2.0/24
#         hosts deny = *
#         refuse options = compress-threads zt max-alloc max-size min-size partial-dir backup-dir
#     ```
findings contains f if {
	some e in _entries("RSYNC-071")
	f := _conditional_finding("RSYNC-071", e, "")
}

# METADATA
# title: rsync vulnerability a local user can reach through the configuration
# description: >-
#   A CVE of the rsync this target runs is reachable through a setting by someone who also has an account
#   on the host (or can otherwise create files the daemon opens): modules without chroot are open to
#   symlink races (CVE-2026-29518, CVE-2026-43619, CVE-2026-53784), and daemon files in a world-writable
#   directory can be swapped (CVE-2026-53802, CVE-2026-53803). rsyncguard cannot see who has an account,
#   so the message says the CVE needs one.
# related_resources:
#   - ref: https://github.com/RsyncProject/rsync/blob/v3.4.3/NEWS.md
# custom:
#   id: RSYNC-072
#   severity: medium
#   security_severity: "6.3"
#   cwe: CWE-367
#   compliance:
#     nist: [SI-2, RA-5]
#     pci: ["6.3.1", "6.3.3", "11.3.1"]
#   tags: [vulnerability, cve, local]
#   help: |
#     Upgrade rsync (3.5.0 fixes every CVE listed) or install your distribution's security update. Until
#     then, chroot every module and keep daemon files in root-owned directories.
#
#     Avoid (on rsync before 3.5.0):
#     ```ini
#     motd file = /tmp/motd
#     [files]
#         path = /srv/files
#         use chroot = no
#     ```
#     Prefer:
#     ```ini
#     motd file = /etc/rsyncd.motd
#     [files]
#         path = /srv/files
#         use chroot = yes
#     ```
findings contains f if {
	some e in _entries("RSYNC-072")
	f := _conditional_finding("RSYNC-072", e, " It needs a local user on the host who can create or swap files the daemon opens; rsyncguard cannot see accounts, so it assumes one.")
}

# The reviewed table; in WASM the engine sets the same data (src/common/cves.ts cvePolicyData).
_table := data.rsyncguard.cves.cves

# The ids the facts judge affected: only these are reported, never "unknown" or "fixed".
_affected contains j.id if {
	some j in input.rsync.cves
	j.state == "affected"
}

# Only a daemon that starts and parses its configuration for a connection exposes anything: when it refuses
# to start, or every connection fails (RSYNC-100, RSYNC-101), the version rules are quiet like the access rules.
# A document without these fields (hand-written) is taken as serving.
_entries(rule) := [e | some e in _table; e.rule == rule; e.id in _affected] if {
	not input.config.starts == false
	not input.config.serves == false
} else := []

_rank := {"critical": 4, "high": 3, "medium": 2, "low": 1}

_worst(es) := s if {
	top := max([_rank[e.severity] | some e in es])
	some s, r in _rank
	r == top
}

# "rsync 3.4.4 is older than 3.5.0": the newest release among the CVEs' fixes.
_older(es) := s if {
	s := concat("", ["rsync ", lib.known_version, " is older than ", _newest([e.fixed | some e in es])])
} else := concat("", ["This rsync lacks the fixes of rsync ", _newest([e.fixed | some e in es])])

_newest(vs) := [v | some v in vs; not _below_another(v, vs)][0]

_below_another(v, vs) if {
	some w in vs
	lib.version_below(v, w)
}

# One finding for a CVE whose condition holds: at the setting of the first module it holds for (or the
# daemon-wide setting); the other modules are related.
_conditional_finding(id, e, note) := object.union(base, _related(hits)) if {
	hits := _hits(e)
	count(hits) > 0
	at := _anchor(hits[0].ws)
	whys := [w.why | some w in hits[0].ws; is_string(w.why)]
	msg := concat("", [
		e.id, " (", e.severity, _score(e), "): ", e.summary, " Affected here: ", _basis(e), "; reachable because ",
		concat(", and ", whys), _more(count(hits)), ".", note,
	])
	base := {
		"rule_id": id, "severity": e.severity, "context": null, "module": _module(hits[0].i),
		"path": at.path, "location": at.location, "message": msg, "cves": [e.id],
	}
}

# The modules for which every predicate holds, each with its witnesses; one daemon-wide hit when the
# predicates are all about the daemon.
_hits(e) := [{"i": null, "ws": ws}] if {
	every p in e.condition.all_of {
		p in _daemon_wide
	}
	ws := _witnesses(e, null)
} else := [{"i": i, "ws": ws} |
	some i, mod in input.config.modules
	not mod.shadowed
	not lib.unusable(mod)
	ws := _module_witnesses(e, i)
]

_witnesses(e, i) := ws if {
	ws := [w | some p in e.condition.all_of; w := _w(p, i)]
	count(ws) == count(e.condition.all_of)
}

_module_witnesses(e, i) := ws if {
	ws := [w | some p in e.condition.all_of; w := _module_witness[_key(p, i)]]
	count(ws) == count(e.condition.all_of)
}

# Each predicate of the CVEs reported here, judged once per module: the CVEs share most of their predicates
# (a readable module, no chroot), and judging them per CVE built the same witnesses many times over.
_module_witness[_key(p, i)] := w if {
	some p in _judged
	some i, mod in input.config.modules
	not mod.shadowed
	not lib.unusable(mod)
	w := _w(p, i)
}

_judged contains p if {
	some e in _table
	_affected[e.id]
	some p in e.condition.all_of
}

_key(p, i) := concat("", [p, "@", format_int(i, 10)])

# Where to report: the first witness that is a setting, else the module header, else the first file.
_anchor(ws) := ss[0] if {
	ss := [w | some w in ws; w.setting != null]
	count(ss) > 0
} else := hs[0] if {
	hs := [w | some w in ws; w.location != null]
	count(hs) > 0
} else := {"location": lib.first_file_location, "path": "rsync.version"}

_related(hits) := {"related": [{"module": input.config.modules[h.i].name, "location": input.config.modules[h.i].header} |
	some k, h in hits
	k > 0
]} if {
	count(hits) > 1
}

else := {}

_module(i) := n if {
	n := input.config.modules[i].name
} else := null

_score(e) := concat("", [", CVSS ", _decimal(e.cvss.score)]) if is_number(e.cvss.score)

else := ""

# 7 → "7.0", 9.8 → "9.8": CVSS scores have one decimal.
_decimal(x) := concat("", [format_int(x, 10), ".", format_int(round((x - floor(x)) * 10), 10)])

# The facts' judgement ("upstream 3.4.1 is older than 3.4.3", a distro package without the fix).
_basis(e) := trim_suffix(bs[0], ".") if {
	bs := [j.basis | some j in input.rsync.cves; j.id == e.id; is_string(j.basis); j.basis != ""]
	count(bs) > 0
} else := concat("", ["fixed in ", e.fixed])

_more(n) := "" if n < 2

else := " (and 1 more module)" if n == 2

else := concat("", [" (and ", format_int(n - 1, 10), " more modules)"])
