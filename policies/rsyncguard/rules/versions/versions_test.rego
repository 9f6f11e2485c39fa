package rsyncguard.rules.versions_test

import data.rsyncguard.rules.versions
import data.rsyncguard.testing as t

# A facts document whose rsync block judges `ids` in `state` (as src/facts does), on upstream `v`.
_doc(mods, v, ids, state) := _doc_with(mods, v, ids, state, {})

_doc_with(mods, v, ids, state, global) := t.doc(mods, {
	"rsync": {"version": v, "source": "test", "cves": [{"id": id, "state": state, "basis": concat("", ["upstream ", v, " is older than the fix."])} | some id in ids]},
	"config": object.union(t.doc([], {}).config, {"modules": mods, "global": object.union(t.doc([], {}).config.global, {k: t.set(x) | some k, x in global})}),
})

_of(rule, fs) := [f | some f in fs; f.rule_id == rule]

_one(rule, d) := fs[0] if {
	# regal ignore:with-outside-test-context
	fs := _of(rule, versions.findings) with input as d
	count(fs) == 1
}

_quiet(rule, d) if {
	# regal ignore:with-outside-test-context
	fs := _of(rule, versions.findings) with input as d
	count(fs) == 0
}

_writable(params) := object.union(t.module(params, {}), {"effective": t.effective({"writable": true})})

_no_chroot := object.union(t.module({"use chroot": false}, {}), {"effective": t.effective({"chroot": false})})

_deny(token, kind, extra) := object.union(t.module(object.union({"hosts deny": token}, extra), {}), {"acl": {"allow": null, "deny": [{"token": token, "kind": kind}]}})

# RSYNC-070: any daemon, one finding per target at its worst severity.

test_070_lists_the_any_daemon_cves if {
	f := _one("RSYNC-070", _doc([t.module({}, {})], "3.4.4", ["CVE-2026-70456", "CVE-2026-70464", "CVE-2026-53791"], "affected"))
	f.message == "rsync 3.4.4 is older than 3.5.0: CVE-2026-70456, CVE-2026-70464."
	f.cves == ["CVE-2026-70456", "CVE-2026-70464"]
	f.severity == "high"
	f.location == {"file": "rsyncd.conf", "line": 1, "column": 1}
}

test_070_is_quiet_when_the_facts_judge_fixed_or_nothing if {
	_quiet("RSYNC-070", _doc([t.module({}, {})], "3.5.0", ["CVE-2026-70456", "CVE-2026-70464"], "fixed"))
	_quiet("RSYNC-070", _doc([t.module({}, {})], "3.4.4", ["CVE-2026-70456"], "unknown"))
	count(versions.findings) == 0 with input as t.doc([t.module({}, {})], {})
}

test_070_without_an_upstream_version_names_the_fix if {
	d := t.doc([], {"rsync": {"version": null, "cves": [{"id": "CVE-2026-70464", "state": "affected", "basis": "rpm package 3.4.1-2 lacks the fix"}]}})
	f := _one("RSYNC-070", d)
	f.message == "This rsync lacks the fixes of rsync 3.5.0: CVE-2026-70464."
}

# RSYNC-071: reachable by a remote client through a setting.

test_071_proxy_protocol_is_critical_at_its_line if {
	f := _one("RSYNC-071", _doc_with([t.module({}, {})], "3.4.4", ["CVE-2026-53791"], "affected", {"proxy protocol": true}))
	f.severity == "critical"
	f.cves == ["CVE-2026-53791"]
	f.path == "config.global.proxy protocol"
	f.location.line == 5
	f.module == null
	startswith(f.message, "CVE-2026-53791 (critical, CVSS 9.1): ")
	contains(f.message, "Affected here: upstream 3.4.4 is older than the fix; reachable because \"proxy protocol = yes\"")
	_quiet("RSYNC-071", _doc([t.module({}, {})], "3.4.4", ["CVE-2026-53791"], "affected"))
	_quiet("RSYNC-071", _doc_with([t.module({}, {})], "3.5.0", ["CVE-2026-53791"], "fixed", {"proxy protocol": true}))
}

test_071_proxy_v2_overflow_has_no_cve_id if {
	f := _one("RSYNC-071", _doc_with([], "3.4.1", ["NO-CVE-3.4.2-PROXYv2"], "affected", {"proxy protocol": true}))
	f.severity == "low"
	f.cves == ["NO-CVE-3.4.2-PROXYv2"]
	not contains(f.message, "CVSS")
}

test_071_readable_module_before_3_4_0_is_critical_at_its_header if {
	f := _one("RSYNC-071", _doc([t.module({}, {})], "3.3.0", ["CVE-2024-12084"], "affected"))
	f.severity == "critical"
	f.location.line == 3
	f.module == "m"
	contains(f.message, "module [m] can be read without a password")
	g := _one("RSYNC-071", _doc([t.module({}, {"anonymous_read": false})], "3.3.0", ["CVE-2024-12084"], "affected"))
	contains(g.message, "module [m] can be read by the users it admits")
	_quiet("RSYNC-071", _doc([t.module({"write only": true}, {})], "3.3.0", ["CVE-2024-12084"], "affected"))
	_quiet("RSYNC-071", _doc([t.module({}, {})], "3.4.0", ["CVE-2024-12084"], "fixed"))
}

test_071_hostname_in_hosts_deny if {
	f := _one("RSYNC-071", _doc([_deny("bad.example.com", "hostname", {})], "3.4.4", ["CVE-2026-70452"], "affected"))
	f.path == "config.modules[0].params.hosts deny"
	f.severity == "high"
	_quiet("RSYNC-071", _doc([_deny("bad.example.com", "hostname", {"forward lookup": false})], "3.4.4", ["CVE-2026-70452"], "affected"))
	_quiet("RSYNC-071", _doc([_deny("192.0.2.1", "address", {})], "3.4.4", ["CVE-2026-70452"], "affected"))
	_quiet("RSYNC-071", _doc([_deny("bad.example.com", "hostname", {})], "3.5.0", ["CVE-2026-70452"], "fixed"))
}

test_071_name_rules_under_daemon_chroot if {
	d := _doc_with([_deny("*.example.com", "wildcard", {})], "3.4.1", ["CVE-2026-43617"], "affected", {"daemon chroot": "/srv/chroot"})
	f := _one("RSYNC-071", d)
	f.path == "config.modules[0].params.hosts deny"
	contains(f.message, "\"daemon chroot\" is set")
	_quiet("RSYNC-071", _doc([_deny("*.example.com", "wildcard", {})], "3.4.1", ["CVE-2026-43617"], "affected"))
	_quiet("RSYNC-071", _doc_with([_deny("*.example.com", "wildcard", {"reverse lookup": false})], "3.4.1", ["CVE-2026-43617"], "affected", {"daemon chroot": "/srv/chroot"}))
	_quiet("RSYNC-071", _doc_with([_deny("*.example.com", "wildcard", {})], "3.4.3", ["CVE-2026-43617"], "fixed", {"daemon chroot": "/srv/chroot"}))
}

test_071_comma_form_auth_users if {
	m := t.module({"auth users": ", @Domain Users:deny, admin"}, {})
	f := _one("RSYNC-071", _doc([m], "3.4.4", ["CVE-2026-70463"], "affected"))
	f.path == "config.modules[0].params.auth users"
	contains(f.message, "restricts \"@Domain Users\"")
	_quiet("RSYNC-071", _doc([t.module({"auth users": "alice, @Domain Users:deny"}, {})], "3.4.4", ["CVE-2026-70463"], "affected"))
	_quiet("RSYNC-071", _doc([t.module({"auth users": ", @staff:deny, admin"}, {})], "3.4.4", ["CVE-2026-70463"], "affected"))
	_quiet("RSYNC-071", _doc([m], "3.5.0", ["CVE-2026-70463"], "fixed"))
}

test_071_compression_on_a_writable_module_until_refused if {
	f := _one("RSYNC-071", _doc([_writable({})], "3.4.1", ["CVE-2026-43618"], "affected"))
	f.location.line == 3 # refuse options unset: the module header
	contains(f.message, "module [m] does not refuse compress, and module [m] accepts uploads")
	every r in ["compress", "z", "*", "dry-run  compress"] {
		_quiet("RSYNC-071", _doc([_writable({"refuse options": r})], "3.4.1", ["CVE-2026-43618"], "affected"))
	}
	_one("RSYNC-071", _doc([_writable({"refuse options": "* !compress"})], "3.4.1", ["CVE-2026-43618"], "affected"))
	_quiet("RSYNC-071", _doc([t.module({}, {})], "3.4.1", ["CVE-2026-43618"], "affected"))
	_quiet("RSYNC-071", _doc([_writable({})], "3.4.3", ["CVE-2026-43618"], "fixed"))
}

test_071_zstd_threads_assume_a_zstd_build if {
	f := _one("RSYNC-071", _doc([t.module({"refuse options": "compress-threads"}, {})], "3.4.2", ["CVE-2026-70455"], "affected"))
	f.location.line == 5
	contains(f.message, "does not refuse zt, and module [m] does not refuse compress, and module [m] can be read without a password, and assuming rsync was built with zstd")
	_quiet("RSYNC-071", _doc([t.module({"refuse options": "compress-threads zt"}, {})], "3.4.2", ["CVE-2026-70455"], "affected"))
}

test_071_zstd_threads_follow_the_compress_list_the_binary_shows if {
	doc := _doc([t.module({"refuse options": "compress-threads"}, {})], "3.4.2", ["CVE-2026-70455"], "affected")
	with_zstd := object.union(doc, {"rsync": object.union(doc.rsync, {"compress": ["zstd", "lz4", "zlib", "none"]})})
	f := _one("RSYNC-071", with_zstd)
	contains(f.message, "rsync lists zstd among its compressors")
	without := object.union(doc, {"rsync": object.union(doc.rsync, {"compress": ["lz4", "zlibx", "zlib", "none"]})})
	_quiet("RSYNC-071", without)
}

test_071_exec_hook_expanding_a_variable if {
	m := t.module({"pre-xfer exec": "/usr/local/bin/audit %RSYNC_USER_NAME%"}, {})
	f := _one("RSYNC-071", _doc([m], "3.4.4", ["CVE-2026-53790"], "affected"))
	f.path == "config.modules[0].params.pre-xfer exec"
	_quiet("RSYNC-071", _doc([t.module({"pre-xfer exec": "/usr/local/bin/audit"}, {})], "3.4.4", ["CVE-2026-53790"], "affected"))
	_quiet("RSYNC-071", _doc([t.module({"pre-xfer exec": "/usr/local/bin/audit %HOME%"}, {})], "3.4.4", ["CVE-2026-53790"], "affected"))
	_quiet("RSYNC-071", _doc([m], "3.5.0", ["CVE-2026-53790"], "fixed"))
}

test_071_daemon_filters_and_name_converters if {
	f := _one("RSYNC-071", _doc([t.module({"exclude": "secret/"}, {})], "3.4.4", ["CVE-2026-53786"], "affected"))
	f.path == "config.modules[0].params.exclude"
	_quiet("RSYNC-071", _doc([t.module({}, {})], "3.4.4", ["CVE-2026-53786"], "affected"))
	g := _one("RSYNC-071", _doc([_writable({"name converter": "/usr/local/bin/nameconv"})], "3.4.4", ["CVE-2026-53788"], "affected"))
	g.path == "config.modules[0].params.name converter"
	_quiet("RSYNC-071", _doc([t.module({"name converter": "/usr/local/bin/nameconv"}, {})], "3.4.4", ["CVE-2026-53788"], "affected"))
}

test_071_unconfined_readable_module if {
	f := _one("RSYNC-071", _doc([_no_chroot], "3.4.4", ["CVE-2026-53801"], "affected"))
	f.path == "config.modules[0].params.use chroot"
	g := _one("RSYNC-071", _doc([t.module({"path": "/srv/./m"}, {})], "3.4.4", ["CVE-2026-53801"], "affected"))
	g.path == "config.modules[0].params.path"
	_quiet("RSYNC-071", _doc([t.module({}, {})], "3.4.4", ["CVE-2026-53801"], "affected"))
}

test_071_one_finding_per_cve_with_other_modules_related if {
	a := object.union(_writable({}), {"name": "a", "header": {"file": "rsyncd.conf", "line": 3, "column": 1}})
	b := object.union(_writable({}), {"name": "b", "header": {"file": "rsyncd.conf", "line": 9, "column": 1}})
	fs := _of("RSYNC-071", versions.findings) with input as _doc([a, b], "3.4.4", ["CVE-2026-70458", "CVE-2026-70459"], "affected")
	count(fs) == 2
	some f in fs
	f.cves == ["CVE-2026-70458"]
	f.module == "a"
	f.related == [{"module": "b", "location": {"file": "rsyncd.conf", "line": 9, "column": 1}}]
	contains(f.message, "(and 1 more module)")
}

test_071_counts_the_other_modules if {
	ms := [object.union(t.module({}, {}), {"name": n}) | some n in ["a", "b", "c"]]
	f := _one("RSYNC-071", _doc(ms, "3.4.4", ["CVE-2026-70453"], "affected"))
	contains(f.message, "(and 2 more modules)")
	count(f.related) == 2
}

test_071_skips_shadowed_and_unusable_modules if {
	shadowed := object.union(t.module({}, {}), {"shadowed": true})
	unusable := object.union(t.module({}, {}), {"effective": t.effective({"unusable": true})})
	_quiet("RSYNC-071", _doc([shadowed, unusable], "3.3.0", ["CVE-2024-12084"], "affected"))
}

test_071_basis_falls_back_to_the_fixed_release if {
	d := t.doc([t.module({}, {})], {"rsync": {"version": "3.3.0", "cves": [{"id": "CVE-2024-12085", "state": "affected", "basis": ""}]}})
	f := _one("RSYNC-071", d)
	contains(f.message, "(high, CVSS 7.5)")
	contains(f.message, "Affected here: fixed in 3.4.0;")
}

# RSYNC-072: reachable through a setting by someone with an account on the host.

test_072_no_chroot_on_3_4_1_is_high_at_use_chroot if {
	f := _one("RSYNC-072", _doc([_no_chroot], "3.4.1", ["CVE-2026-29518"], "affected"))
	f.severity == "high"
	f.path == "config.modules[0].params.use chroot"
	f.location.line == 5
	contains(f.message, "(high, CVSS 7.0)")
	contains(f.message, "It needs a local user on the host")
	_quiet("RSYNC-072", _doc([t.module({}, {})], "3.4.1", ["CVE-2026-29518"], "affected"))
	_quiet("RSYNC-072", _doc([_no_chroot], "3.4.3", ["CVE-2026-29518"], "fixed"))
	_quiet("RSYNC-071", _doc([_no_chroot], "3.4.1", ["CVE-2026-29518"], "affected"))
}

test_072_daemon_files_a_local_user_controls if {
	f := _one("RSYNC-072", _doc([t.module({"secrets file": "/tmp/rsyncd.secrets"}, {})], "3.4.4", ["CVE-2026-53802"], "affected"))
	f.path == "config.modules[0].params.secrets file"
	_one("RSYNC-072", _doc([t.module({"exclude from": "/srv/m/.excludes"}, {})], "3.4.4", ["CVE-2026-53802"], "affected"))
	_quiet("RSYNC-072", _doc([t.module({"lock file": "/tmp/rsyncd.lock"}, {})], "3.4.4", ["CVE-2026-53802"], "affected"))
	_one("RSYNC-072", _doc([t.module({"lock file": "/srv/m/rsyncd.lock"}, {})], "3.4.4", ["CVE-2026-53803"], "affected"))
	g := _one("RSYNC-072", _doc_with([t.module({"lock file": "/run/rsyncd.lock"}, {})], "3.4.4", ["CVE-2026-53803"], "affected", {"motd file": "/var/tmp/motd"}))
	g.path == "config.global.motd file"
	_quiet("RSYNC-072", _doc([t.module({"lock file": "/run/rsyncd.lock"}, {})], "3.4.4", ["CVE-2026-53803"], "affected"))
}

test_072_inner_dot_slash_path if {
	f := _one("RSYNC-072", _doc([t.module({"path": "/srv/./m"}, {})], "3.4.4", ["CVE-2026-53793"], "affected"))
	f.path == "config.modules[0].params.path"
	_quiet("RSYNC-072", _doc([t.module({}, {})], "3.4.4", ["CVE-2026-53793"], "affected"))
	_quiet("RSYNC-072", _doc([object.union(_no_chroot, {"params": object.union(_no_chroot.params, {"path": t.set("/srv/./m")})})], "3.4.4", ["CVE-2026-53793"], "affected"))
}

test_072_writable_unconfined_receiver if {
	_one("RSYNC-072", _doc([object.union(_no_chroot, {"effective": t.effective({"chroot": false, "writable": true})})], "3.4.4", ["CVE-2026-53785"], "affected"))
	_one("RSYNC-072", _doc([_writable({"path": "/srv/./m"})], "3.4.4", ["CVE-2026-53785"], "affected"))
	_quiet("RSYNC-072", _doc([_writable({})], "3.4.4", ["CVE-2026-53785"], "affected"))
}

# The table itself: what the rules rely on.

test_every_reported_entry_has_a_rule_matching_how_it_applies if {
	every e in data.rsyncguard.cves.cves {
		_rule_fits(e)
	}
}

_rule_fits(e) if {
	e.applies == "any-daemon"
	e.rule == "RSYNC-070"
}

_rule_fits(e) if {
	e.applies == "condition"
	e.rule in {"RSYNC-071", "RSYNC-072"}
	count(e.condition.all_of) > 0
}

_rule_fits(e) if {
	e.applies == "not-daemon"
	e.rule == null
}

# A table of made-up entries, for the shapes the reviewed table does not have today.
_entry(id, fixed, severity, rule, all_of) := {
	"id": id, "fixed": fixed, "severity": severity, "summary": "S.", "rule": rule,
	"cvss": {"score": 5}, "condition": {"all_of": all_of},
}

_fake := [
	object.union(_entry("CVE-2030-0001", "3.4.10", "low", "RSYNC-070", []), {"cvss": {"score": 3.1}}),
	_entry("CVE-2030-0002", "3.4.9", "medium", "RSYNC-070", []),
	_entry("CVE-2030-0003", "3.4.9", "medium", "RSYNC-072", ["local_user_can_plant_symlinks"]),
]

test_070_names_the_newest_fix_and_the_worst_severity if {
	d := _doc([t.module({}, {})], "3.4.8", ["CVE-2030-0001", "CVE-2030-0002"], "affected")
	fs := versions.findings with input as d with data.rsyncguard.cves.cves as _fake
	some f in fs
	f.message == "rsync 3.4.8 is older than 3.4.10: CVE-2030-0001, CVE-2030-0002."
	f.severity == "medium"
}

test_072_with_only_host_facts_is_at_the_first_file if {
	d := _doc([], "3.4.8", ["CVE-2030-0003"], "affected")
	fs := versions.findings with input as d with data.rsyncguard.cves.cves as _fake
	some f in fs
	f.location == {"file": "rsyncd.conf", "line": 1, "column": 1}
	f.path == "rsync.version"
	contains(f.message, "(medium, CVSS 5.0)")
}
