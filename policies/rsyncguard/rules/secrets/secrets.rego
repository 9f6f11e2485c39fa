# METADATA
# title: The secrets file
# description: Who can read the passwords, and how good they are. Passwords never reach the policies, only facts about them.
package rsyncguard.rules.secrets

import data.rsyncguard.lib

# METADATA
# title: Secrets file readable by other users
# description: >-
#   Any local user can read the passwords. rsync itself refuses such a file under strict modes (every
#   login then fails), but the file is exposed either way.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#strict_modes
# custom:
#   id: RSYNC-030
#   severity: high
#   security_severity: "7.1"
#   cwe: CWE-732
#   compliance:
#     nist: [IA-5(6), AC-6]
#     pci: ["8.3.2", "8.6.3"]
#   tags: [secrets, permissions]
#   help: |
#     `chmod 600 /etc/rsyncd.secrets` on the host; a file committed to a repository stays 644 there (git
#     records only 644 or 755), so take it out of the repository, rotate its passwords and have the
#     deployment write it with mode 0600. Group bits are ignored by rsync, but 0600 is the point.
findings contains f if {
	some i, s in input.secrets
	s.other_accessible == true
	f := lib.target_finding("RSYNC-030", concat("", ["secrets[", format_int(i, 10), "].mode"]), _at(s, 1), _mode_message(s))
}

# A repository holds the file as committed: git records 644 or 755, never the deployed mode, and the
# passwords are readable by everyone with the repository. A file read under `scan --root DIR` outside the
# repository, or one there that git does not track (in_repository false), has the mode it has there, as on a host.
_mode_message(s) := concat("", [
	"The secrets file ", s.path, " is in the repository with mode ", format_int(s.mode, 8),
	": deployed as committed, other users can read (or write) it, and anyone who can read the repository has its passwords.",
]) if {
	input.target.kind == "file"
	not s.in_repository == false
} else := concat("", ["The secrets file ", s.path, " has mode ", format_int(s.mode, 8), ": other users can read (or write) it."])

# In the secrets file itself when it was read (a repository, a host), else at the config line naming it.
_at(s, line) := {"file": s.file, "line": line, "column": 1} if {
	is_string(s.file)
} else := lib.param_location(mod, "secrets file") if {
	some i in _modules_by_secrets[s.path]
	mod := input.config.modules[i]
} else := lib.first_file_location

# METADATA
# title: Secrets file not owned by root
# description: >-
#   A root daemon with strict modes refuses a secrets file not owned by root, so logins fail; its owner
#   can also change every password.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#strict_modes
# custom:
#   id: RSYNC-031
#   severity: medium
#   security_severity: "5.5"
#   cwe: CWE-282
#   compliance:
#     nist: [IA-5(6), AC-6]
#     pci: ["8.6.3"]
#   tags: [secrets, permissions]
#   help: |
#     `chown root:root /etc/rsyncd.secrets`.
findings contains f if {
	some i, s in input.secrets
	s.owner_is_root == false
	lib.root_daemon
	msg := concat("", ["The secrets file ", s.path, " is owned by uid ", format_int(s.uid, 10), ", not root."])
	f := lib.target_finding("RSYNC-031", concat("", ["secrets[", format_int(i, 10), "].uid"]), _at(s, 1), msg)
}

# METADATA
# title: Weak password in the secrets file
# description: >-
#   A short, common, or name-equal password falls to guessing; the challenge-response of older digests
#   (MD4/MD5) can also be brute-forced offline from one captured login.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#secrets_file
# custom:
#   id: RSYNC-032
#   severity: high
#   security_severity: "7.5"
#   cwe: CWE-521
#   compliance:
#     nist: [IA-5(1)]
#     pci: ["8.3.6", "8.6.3"]
#   tags: [secrets, passwords]
#   help: |
#     Use long random passwords (e.g. `openssl rand -base64 24`), one per user.
findings contains f if {
	some i, s in input.secrets
	some e in s.entries
	e.weak
	not e.dead
	f := lib.target_finding("RSYNC-032", concat("", ["secrets[", format_int(i, 10), "].entries"]), _at(s, e.line), _weak_message(s, e))
}

# Naming the entry whose password is its own name would print the password: it is described by its line.
_weak_message(s, e) := concat("", [s.path, ": the ", e.kind, " on line ", format_int(e.line, 10), " has its own name as password."]) if e.equals_name

else := concat("", [s.path, ": the password of ", _who(e), " is weak (", _weakness(e), ")."])

# The parser withholds a name that does not read like an account name (it may be a secret itself).
_who(e) := concat("", ["the ", e.kind, " on line ", format_int(e.line, 10)]) if e.name == "********"

else := concat("", [e.kind, " \"", e.name, "\""])

_weakness(e) := "it is a commonly used password" if e.common

else := "1 character" if e.length == 1

else := concat("", [format_int(e.length, 10), " characters"])

# METADATA
# title: Password shared by several entries
# description: Entries with the same password fall together, and a user can log in as the others.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#secrets_file
# custom:
#   id: RSYNC-033
#   severity: medium
#   security_severity: "5.3"
#   cwe: CWE-521
#   compliance:
#     nist: [IA-2, IA-5(1)]
#     pci: ["8.2.2"]
#   tags: [secrets, passwords]
#   help: |
#     Give every user and group its own password.
findings contains f if {
	some i, s in input.secrets
	some e in s.entries
	e.reused
	msg := concat("", [s.path, ": ", _who(e), " shares its password with another entry."])
	f := lib.target_finding("RSYNC-033", concat("", ["secrets[", format_int(i, 10), "].entries"]), _at(s, e.line), msg)
}

# METADATA
# title: Secrets entry that is never used
# description: >-
#   rsync uses the first line for a name, and compares names from the first byte: a later duplicate or
#   an entry indented with whitespace is dead, though it looks valid (and its password still sits in the file).
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#secrets_file
# custom:
#   id: RSYNC-034
#   severity: low
#   security_severity: "2.5"
#   cwe: CWE-1164
#   compliance:
#     nist: [IA-5, AC-2]
#     pci: ["8.2.6"]
#   tags: [secrets, hygiene]
#   help: |
#     Keep one line per name, starting at column 1.
findings contains f if {
	some i, s in input.secrets
	some e in s.entries
	_dead(e)
	msg := concat("", [s.path, " line ", format_int(e.line, 10), ": the entry for ", _who(e), " is never used (", _dead(e), ")."])
	f := lib.target_finding("RSYNC-034", concat("", ["secrets[", format_int(i, 10), "].entries"]), _at(s, e.line), msg)
}

_dead(e) := "an earlier line has the same name" if e.dead

else := "leading whitespace keeps it from ever matching" if e.unmatchable

# METADATA
# title: Secrets file inside an exported path
# description: Clients who can read the module can download the password file.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#secrets_file
# custom:
#   id: RSYNC-035
#   severity: critical
#   security_severity: "9.1"
#   cwe: CWE-538
#   compliance:
#     nist: [IA-5(6), SC-28, AC-3]
#     pci: ["8.3.2", "8.6.3"]
#   tags: [secrets, disclosure]
#   help: |
#     Keep the secrets file outside every module path, e.g. `/etc/rsyncd.secrets`.
findings contains f if {
	some i, mod in input.config.modules
	lib.has_text(mod, "path")
	path := trim_suffix(replace(mod.params.path.value, "/./", "/"), "/")
	some s in _secrets_by_dir[concat("", [path, "/"])]
	f := lib.module_finding("RSYNC-035", i, "path", concat("", ["Module [", mod.name, "] exports ", mod.params.path.value, ", which contains the secrets file ", s, "."]))
}

# The modules that name each secrets file, gathered once.
_modules_by_secrets[v] contains i if {
	some i, m in input.config.modules
	v := m.params["secrets file"].value
}

# Each secrets file under every directory above it, gathered once: a module looks its path up instead of
# comparing it with every secrets file (quadratic when each module has its own).
_secrets_by_dir[dir] contains v if {
	some m in input.config.modules
	v := m.params["secrets file"].value
	is_string(v)
	v != ""
	some dir in lib.directories_above(v)
}

# METADATA
# title: Secrets file in a world-writable directory
# description: >-
#   A `secrets file` in `/tmp`, `/var/tmp` or `/dev/shm` can be pre-created or replaced by a symlink by
#   any local user: whoever writes it chooses the passwords the daemon accepts, and a symlink can point
#   rsync at another file (CWE-379, and CWE-377 as for RSYNC-051). For a configuration alone the path's
#   prefix decides.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#secrets_file
#   - ref: https://cwe.mitre.org/data/definitions/377.html
# custom:
#   id: RSYNC-036
#   severity: medium
#   security_severity: "5.5"
#   cwe: CWE-379
#   compliance:
#     nist: [IA-5(6), AC-6, SI-7]
#     pci: ["8.6.3", "2.2.6"]
#   tags: [secrets, permissions, files]
#   help: |
#     Keep the secrets file in a directory only root can write, e.g. `/etc`.
#
#     Avoid:
#     ```ini
#     secrets file = /tmp/rsyncd.secrets
#     ```
#     Prefer:
#     ```ini
#     secrets file = /etc/rsyncd.secrets
#     ```
findings contains f if {
	v := input.config.global["secrets file"].value
	lib.in_world_writable_dir(v)
	msg := concat("", ["\"secrets file = ", v, "\" lies in a world-writable directory: any local user can put their own passwords there."])
	f := lib.global_finding("RSYNC-036", "secrets file", msg)
}

findings contains f if {
	some i, mod in input.config.modules
	mod.params["secrets file"].origin == "module"
	v := mod.params["secrets file"].value
	lib.in_world_writable_dir(v)
	msg := concat("", ["Module [", mod.name, "]: \"secrets file = ", v, "\" lies in a world-writable directory: any local user can put their own passwords there."])
	f := lib.module_finding("RSYNC-036", i, "secrets file", msg)
}
