# Values rsync reads differently from how they look: trailing comments, separators.
package rsyncguard.rules.access

import data.rsyncguard.lib

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
#   compliance:
#     nist: [CM-6]
#     pci: ["2.2.1", "2.2.6"]
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
#   compliance:
#     nist: [CM-6, CM-7]
#     pci: ["2.2.6"]
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
# title: refuse options name that refuses nothing
# description: >-
#   rsync matches each `refuse options` name against its option table (options.c, long_options: long
#   and short names, wildcards allowed) and ignores a name that matches none: a misspelt or invented
#   name such as `blockdot` or `tarpit` refuses nothing, and the option meant stays allowed.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#refuse_options
#   - ref: https://github.com/RsyncProject/rsync/blob/master/options.c
# custom:
#   id: RSYNC-013
#   severity: medium
#   security_severity: "4.3"
#   cwe: CWE-1284
#   compliance:
#     nist: [CM-6, CM-7]
#     pci: ["2.2.6"]
#   tags: [parsing, misconfiguration]
#   help: |
#     Name options as `rsync --help` spells them (without the dashes), or their one-letter forms.
#
#     Avoid:
#     ```ini
#     refuse options = delete tarpit
#     ```
#     Prefer:
#     ```ini
#     refuse options = delete compress
#     ```
findings contains f if {
	some i, mod in input.config.modules
	mod.params["refuse options"].origin == "module"
	names := mod.effective.refuse_unknown.value
	count(names) > 0
	msg := concat("", ["Module [", mod.name, "]: \"refuse options\" names ", concat(", ", names), ", which match no rsync option: rsync ignores them, so they refuse nothing."])
	f := lib.module_finding("RSYNC-013", i, "refuse options", msg)
}

findings contains f if {
	count(_global_refuse_unknown) > 0
	msg := concat("", ["\"refuse options\" names ", concat(", ", _global_refuse_unknown), ", which match no rsync option: rsync ignores them, so they refuse nothing."])
	f := lib.global_finding("RSYNC-013", "refuse options", msg)
}

# A global `refuse options` is every module's default: the names any module inheriting it reports.
_global_refuse_unknown contains n if {
	some mod in input.config.modules
	mod.params["refuse options"].origin == "global"
	some n in mod.effective.refuse_unknown.value
}
