# CVE conditions: the predicates of policies/rsyncguard/cves/data.yaml (`condition.all_of`) over the facts: each gives a
# witness for a module (or, for daemon-wide predicates, for the daemon), or is undefined when it does not
# hold. A witness names the setting that makes the CVE reachable, where it is, and why, in words for the
# message. Host and build facts (a local user, zstd) are not gates: their witnesses only carry a note.
package rsyncguard.rules.versions

import data.rsyncguard.lib

# Predicates about the daemon, not a module: a CVE whose predicates are all here is judged once.
_daemon_wide := {"proxy_protocol_on", "daemon_chroot_set", "zstd_build", "local_user_can_plant_symlinks"}

_w("module_readable", i) := _header_w(i, _read_why(input.config.modules[i])) if {
	not input.config.modules[i].params["write only"].value == true
}

_w("module_writable", i) := _header_w(i, concat("", ["module [", input.config.modules[i].name, "] accepts uploads"])) if {
	input.config.modules[i].effective.writable.value == true
}

_w("chroot_effectively_off", i) := _chroot_off(i)

_w("path_inner_dot_slash", i) := _dot_slash(i)

_w("module_not_kernel_confined", i) := _unconfined(i)

_w("daemon_chroot_set", _) := _global_w("daemon chroot", "\"daemon chroot\" is set") if lib.global_has_text("daemon chroot")

_w("hosts_deny_name_token", i) := _deny_w(i, {"hostname", "wildcard", "netgroup"}, "matched by name") if {
	not _deny_catches_unknown(input.config.modules[i])
}

_w("hosts_deny_plain_hostname", i) := _deny_w(i, {"hostname"}, "a host name") if {
	not input.config.modules[i].params["forward lookup"].value == false
}

_w("reverse_lookup_on", i) := _header_w(i, null) if {
	not input.config.modules[i].params["reverse lookup"].value == false
}

_w("proxy_protocol_on", _) := _global_w("proxy protocol", "\"proxy protocol = yes\" takes a PROXY header from any peer") if {
	input.config.global["proxy protocol"].value == true
}

_w("auth_users_comma_form_with_space", i) := _mod_w(i, "auth users", why) if {
	names := _comma_form_names(input.config.modules[i])
	count(names) > 0
	why := concat("", ["\"auth users\" starts with a comma and restricts \"", names[0], "\", a name with a space"])
}

_w(p, i) := _mod_w(i, "refuse options", why) if {
	startswith(p, "refuse_lacks(")
	names := split(trim_suffix(trim_prefix(p, "refuse_lacks("), ")"), " ")
	mod := input.config.modules[i]
	accepted := [n | some n in names; not _refused(mod, n)]
	count(accepted) > 0
	why := concat("", ["module [", mod.name, "] does not refuse ", concat(", ", accepted)])
}

_w("name_converter_set", i) := _mod_w(i, "name converter", concat("", ["module [", input.config.modules[i].name, "] sets \"name converter\""])) if {
	lib.has_text(input.config.modules[i], "name converter")
	not _names_bypass_converter(input.config.modules[i])
}

# clientserver.c/uidlist.c (3.2.3-3.5.0): `numeric ids = yes` takes effect only without chroot (in a chroot it is
# ignored while a name converter is set); it then drops the file list's names, but the names of a client's
# --usermap, --groupmap or --chown still go to the converter unless refused (checked on a real daemon).
_names_bypass_converter(mod) if {
	not lib.chrooted(mod)
	mod.params["numeric ids"].value == true
	every n in ["usermap", "groupmap", "chown"] {
		_refused(mod, n)
	}
}

_w("exec_hook_interpolates_vars", i) := _mod_w(i, hooks[0], why) if {
	mod := input.config.modules[i]
	hooks := [h |
		some h in ["early exec", "pre-xfer exec", "post-xfer exec", "name converter"]
		v := mod.params[h].value
		is_string(v)
		regex.match(`%RSYNC_[A-Za-z0-9_#]*%`, v)
	]
	count(hooks) > 0
	why := concat("", ["\"", hooks[0], "\" expands a %RSYNC_…% variable into its shell command"])
}

_w("module_filter_set", i) := _mod_w(i, names[0], concat("", ["module [", mod.name, "] hides files with \"", names[0], "\""])) if {
	mod := input.config.modules[i]
	names := [n | some n in ["filter", "exclude", "include", "exclude from", "include from"]; lib.has_text(mod, n)]
	count(names) > 0
}

# CVE-2026-53802: files the daemon reads (the secrets file, daemon filter files).
_w("daemon_input_file_in_untrusted_dir", i) := _daemon_file_w(i, ["secrets file", "exclude from", "include from"], [])

# CVE-2026-53803: files the daemon writes or opens for output (motd, lock and log files).
_w("daemon_output_file_in_untrusted_dir", i) := _daemon_file_w(i, ["lock file", "log file"], ["motd file"])

_daemon_file_w(i, module_params, global_params) := ws[0] if {
	mod := input.config.modules[i]
	ws := array.concat(
		[_mod_w(i, n, _file_why(n, v)) | some n in module_params; v := mod.params[n].value; _untrusted(v)],
		[_global_w(n, _file_why(n, v)) | some n in global_params; v := input.config.global[n].value; _untrusted(v)],
	)
	count(ws) > 0
}

_w("local_user_can_plant_symlinks", _) := {"setting": null, "location": null, "path": null, "why": null}

# The binary's own "Compress list" decides when a host showed it; otherwise a zstd build is assumed, and said.
_w("zstd_build", _) := {"setting": null, "location": null, "path": null, "why": why} if {
	not _compress_known
	why := "assuming rsync was built with zstd (the facts do not say)"
} else := {"setting": null, "location": null, "path": null, "why": "rsync lists zstd among its compressors"} if {
	"zstd" in input.rsync.compress
}

_compress_known if is_array(input.rsync.compress)

_unconfined(i) := w if {
	w := _chroot_off(i)
} else := _dot_slash(i)

_chroot_off(i) := _mod_w(i, "use chroot", concat("", ["module [", input.config.modules[i].name, "] runs without chroot"])) if {
	not lib.chrooted(input.config.modules[i])
}

# Only a chroot gives /./ its meaning: the daemon chroots to the outer part and serves the inner one.
_dot_slash(i) := _mod_w(i, "path", concat("", ["module [", mod.name, "] chroots to the outer part of a /./ path"])) if {
	mod := input.config.modules[i]
	lib.chrooted(mod)
	contains(mod.params.path.value, "/./")
}

_deny_w(i, kinds, what) := _mod_w(i, "hosts deny", why) if {
	tokens := [t.token | some t in input.config.modules[i].acl.deny; t.kind in kinds]
	count(tokens) > 0
	why := concat("", ["\"hosts deny\" holds ", tokens[0], ", ", what])
}

# access.c (3.4.x): a client whose reverse lookup fails is named "UNKNOWN", and the lowercased deny list is
# matched against that name with iwildmatch. A deny token that matches it (`*`, `u*`, `unknown`) still denies
# such a client, so the failed lookup opens nothing.
_deny_catches_unknown(mod) if {
	some t in mod.acl.deny
	t.kind in {"wildcard", "placeholder"}
	glob.match(_wildmatch(lower(t.token)), [], "unknown")
}

_read_why(mod) := concat("", ["module [", mod.name, "] can be read without a password"]) if mod.access.anonymous_read

else := concat("", ["module [", mod.name, "] can be read by the users it admits"])

# `auth users` in the comma-only form: the names of :deny and :ro rules that hold a space, which rsync
# before 3.5.0 split into two names that match nobody.
_comma_form_names(mod) := [n |
	v := mod.params["auth users"].value
	is_string(v)
	startswith(trim_space(v), ",")
	some entry in split(v, ",")
	parts := split(trim_space(entry), ":")
	count(parts) > 1
	lower(trim_space(parts[count(parts) - 1])) in {"deny", "ro"}
	n := trim_space(concat(":", array.slice(parts, 0, count(parts) - 1)))
	contains(n, " ")
]

# rsync's `refuse options` (options.c set_refuse_options and parse_one_refuse_match): the words are read in
# order and the last word that reaches an option entry decides it, `!word` accepting it again. A word without
# `*`, `?` or `[` reaches the one entry with that long or one-letter name; a wildcard word reaches every entry
# whose long or short name it matches; `a` and `archive` stand for [ardlptgoD]. Before 3.5.0 (every release the
# CVEs here affect) an exact word reaches no other entry that sets the same variable: refusing
# remove-source-files leaves --remove-sent-files, compress-threads leaves --zt.
_refused(mod, name) if {
	v := mod.params["refuse options"].value
	is_string(v)
	hits := [w | some word in split(v, " "); word != ""; w := _refuse_word(word); _reaches(w.ref, name)]
	count(hits) > 0
	not hits[count(hits) - 1].negated
}

_refuse_word(word) := {"negated": true, "ref": _archive(substring(word, 1, -1))} if {
	startswith(word, "!")
	count(word) > 1
} else := {"negated": false, "ref": _archive(word)}

_archive(ref) := "[ardlptgoD]" if ref in {"a", "archive"}

else := ref

_reaches(ref, name) if {
	not regex.match(`[*?\[]`, ref)
	ref in _option_names(name)
}

_reaches(ref, name) if {
	regex.match(`[*?\[]`, ref)
	some n in _option_names(name)
	glob.match(_wildmatch(ref), [], n)
}

# The entry's long name and, where it has one, its one-letter name (options.c long_options).
_option_names(name) := [name, _short_names[name]] if _short_names[name]

else := [name]

_short_names := {"compress": "z", "xattrs": "X", "acls": "A", "temp-dir": "T", "copy-links": "L", "copy-dirlinks": "k"}

# rsync's wildmatch as OPA's glob: `[^…]` negates like `[!…]`, and braces are literal characters.
_wildmatch(pattern) := strings.replace_n({"[^": "[!", "{": "\\{", "}": "\\}"}, pattern)

# A daemon file a non-root user may control: in a world-writable directory, or inside a module's tree.
_untrusted(v) if lib.in_world_writable_dir(v)

_untrusted(v) if {
	is_string(v)
	some dir in lib.directories_above(v)

	# A lookup, not `dir in _module_dirs`: compiled to WebAssembly, `in` walks the whole set.
	_module_dirs[dir]
}

# Every module's path as a directory prefix ("/srv/a/"), gathered once: looking up the few directories above
# a file keeps the check linear in modules (a scan of every module per file was quadratic).
_module_dirs contains concat("", [trim_right(p, "/"), "/"]) if {
	some m in input.config.modules
	p := m.params.path.value
	is_string(p)
}

_file_why(name, v) := concat("", ["\"", name, " = ", v, "\" lies where a local user can plant a symlink"])

_header_w(i, why) := {
	"setting": null,
	"location": input.config.modules[i].header,
	"path": concat("", ["config.modules[", format_int(i, 10), "]"]),
	"why": why,
}

_mod_w(i, name, why) := {
	"setting": name,
	"location": lib.param_location(input.config.modules[i], name),
	"path": concat("", ["config.modules[", format_int(i, 10), "].params.", name]),
	"why": why,
}

_global_w(name, why) := {
	"setting": name,
	"location": lib.global_location(name),
	"path": concat("", ["config.global.", name]),
	"why": why,
}
