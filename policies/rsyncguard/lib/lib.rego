# METADATA
# title: rsyncguard policy library
# description: >-
#   Shared helpers: building a finding, locating the parameter it rests on, reading effective values.
#   A finding names its rule by id; title and default severity come from the catalog (METADATA), which the
#   engine joins in. Passing rego.metadata.rule() instead would rebuild the whole METADATA object, help text
#   included, for every finding in WASM: a third of the evaluation time. The build checks each rule's body
#   names its own METADATA id.
package rsyncguard.lib

# A finding for one module, located at the parameter it rests on, or at the module header when the
# parameter is unset (the cause is then its absence).
module_finding(id, i, name, message) := {
	"rule_id": id,
	"severity": null,
	"context": null,
	"module": input.config.modules[i].name,
	"path": concat("", ["config.modules[", format_int(i, 10), "].params.", name]),
	"location": param_location(input.config.modules[i], name),
	"message": message,
}

# A finding on a global (daemon-wide) parameter, or on the whole target when nothing in a file causes it.
global_finding(id, name, message) := {
	"rule_id": id,
	"severity": null,
	"context": null,
	"module": null,
	"path": concat("", ["config.global.", name]),
	"location": global_location(name),
	"message": message,
}

# One finding for a setting many modules inherit from the daemon (the global section or rsync's default):
# shown at the global parameter, naming each module as a related location. One cause, one finding: a
# report of ninety modules does not repeat it ninety times, and its identity does not depend on how many
# modules share it.
inherited_finding(id, name, indexes, message) := object.union(global_finding(id, name, message), {"related": [
{"module": m.name, "location": m.header} |
	some i in indexes
	m := input.config.modules[i]
]})

# The module takes `name` from the global section or rsync's default, not from its own section.
inherits(mod, name) if mod.params[name].origin != "module"

# "module [a]", "7 modules ([a], [b], [c], [d], [e] and 2 more)": the modules a message names.
in_modules(indexes) := concat("", ["module [", input.config.modules[i].name, "]"]) if {
	count(indexes) == 1
	i := indexes[0]
} else := concat("", [format_int(count(indexes), 10), " modules (", _first_names(indexes), _more(count(indexes)), ")"])

_first_names(indexes) := concat(", ", [concat("", ["[", input.config.modules[i].name, "]"]) | some k, i in indexes; k < 5])

_more(n) := "" if n <= 5

else := concat("", [" and ", format_int(n - 5, 10), " more"])

# A finding on some other part of the facts (secrets file, daemon, image), at an optional location.
target_finding(id, path, location, message) := {
	"rule_id": id,
	"severity": null,
	"context": null,
	"module": null,
	"path": path,
	"location": location,
	"message": message,
}

# A finding with any location: `fields` gives module, path, location and message.
finding(id, fields) := object.union(
	{
		"rule_id": id,
		"severity": null,
		"context": null,
		"module": null,
		"path": "",
		"location": null,
		"message": "",
	},
	fields,
)

# Context raises a rule's severity above its catalog default; the finding says why.
raise(finding, severity, why) := object.union(finding, {"severity": severity, "context": why})

param_location(mod, name) := {"file": p.file, "line": p.line, "column": p.column} if {
	p := mod.params[name]
	is_string(p.file)
} else := mod.header

global_location(name) := {"file": p.file, "line": p.line, "column": p.column} if {
	p := input.config.global[name]
	is_string(p.file)
} else := first_file_location

default first_file_location := null

first_file_location := {"file": input.config.files[0].path, "line": 1, "column": 1} if {
	count(input.config.files) > 0
}

# The module whose section holds a line of a file (the last header above it), or null.
default module_at(_, _) := null

# A header that re-opens a module (same name, rsyncd.md §1.2) starts another run of that module's lines.
module_at(file, line) := name if {
	headers := [[h.line, m.name] | some m in input.config.modules; some h in array.concat([m.header], object.get(m, "reopened", [])); h.file == file; h.line <= line]
	count(headers) > 0
	name := max(headers)[1]
}

# A one-flag rule: every module that sets the boolean parameter `name` to yes, located at the parameter.
flag_findings(id, name) := {f |
	some i, mod in input.config.modules
	mod.params[name].value == true
	f := module_finding(id, i, name, concat("", ["Module [", mod.name, "] sets \"", name, " = yes\"."]))
}

# A string parameter with a non-empty value.
has_text(mod, name) if {
	v := mod.params[name].value
	is_string(v)
	v != ""
}

# A global string parameter with a non-empty value.
global_has_text(name) if {
	v := input.config.global[name].value
	is_string(v)
	v != ""
}

# The daemon runs modules as root: a root daemon that no `daemon uid` drops. Derived once, in the facts
# (src/facts/effective.ts), where the access simulation and the real-daemon tests share it.
root_daemon if input.config.effective.root.value

# rsync chroots into the module before a transfer (and refuses the connection when it cannot): `use chroot`
# resolved as rsync_module does, with the pre-3.2.7 default (src/facts/effective.ts).
chrooted(mod) if mod.effective.chroot.value

# `max connections` below zero: rsync refuses every request for the module.
disabled(mod) if mod.effective.disabled.value

# rsync refuses the module to every client: disabled, an unresolvable `uid`/`gid`, or no `path`
# (src/facts/usable.ts). No client reads, writes or lists files there.
unusable(mod) if mod.effective.unusable.value

# rsync refuses the module to every host: no `hosts allow`, and a `hosts deny` token that matches any client
# name (`*`: every client has a name to match, UNKNOWN or UNDETERMINED without a verified PTR). A module
# kept for later, or shut with one line: there is no admitted host for a finding to speak of.
admits_no_host(mod) if {
	mod.acl.allow == null
	some t in mod.acl.deny
	t.kind == "wildcard"
	regex.match(`^\*+$`, t.token)
}

# An outside client (documentation address, no reverse DNS) can connect to the module.
reachable(mod) if {
	input.config.serves
	mod.access.open_to_any_host
}

# Who can connect to the daemon at all, before host rules or logins (src/facts/reach.ts): "any", "private",
# "local" or "container". A document without it (a hand-written test input) is taken as reachable by anyone.
default reach := "any"

reach := input.config.effective.reach.value

# Who can connect, as a phrase for messages ("processes on this machine").
default reach_who := "any host on the network"

reach_who := input.config.effective.reach.who

# "" when any host can connect, else " (only … can connect)": a message about access says who that is.
# Any host through a TLS front end (config.effective.reach.front_end) names it: the daemon's own address
# is loopback, and "only processes on this machine" would be false.
reach_note := concat("", [" (any host can connect through ", input.config.effective.reach.front_end, ")"]) if {
	reach == "any"
	_front_end_known
}

reach_note := "" if {
	reach == "any"
	not _front_end_known
}

reach_note := concat("", [" (only ", reach_who, " can connect)"]) if reach != "any"

_front_end_known if is_string(input.config.effective.reach.front_end)

# A file path in a world-writable directory, where any local user can pre-create the file or plant a
# symlink there. For config-only scans the path's prefix decides: /tmp, /var/tmp and /dev/shm.
in_world_writable_dir(v) if {
	is_string(v)
	some dir in ["/tmp/", "/var/tmp/", "/dev/shm/"]
	startswith(v, dir)
}

# Every prefix of a path that ends in "/": startswith(v, d) holds for a d ending in "/" exactly when d is one
# of these. A set of directories can then be matched by lookups instead of a scan ("/a/b/f" → "/", "/a/", "/a/b/").
directories_above(v) := [concat("", [concat("/", array.slice(parts, 0, k)), "/"]) |
	parts := split(v, "/")
	count(parts) > 1
	some k in numbers.range(1, count(parts) - 1)
]

# The rsync version is known from the target itself, not modelled.
known_version := input.rsync.version if is_string(input.rsync.version)

# semver.compare is not native in WASM: the engine supplies it (src/engine/builtins.ts), with OPA's semantics.
version_below(v, limit) if semver.compare(v, limit) < 0

# A value as text for a message. sprintf is not native in WASM: every call crosses into JavaScript, so
# messages are built with concat and format_int, which are.
text(v) := v if is_string(v)

else := format_int(v, 10) if is_number(v)

else := json.marshal(v)
