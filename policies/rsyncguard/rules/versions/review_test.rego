package rsyncguard.rules.versions_test

import data.rsyncguard.rules.versions
import data.rsyncguard.testing as t

# Fixes of the adversarial review of issue 15: `refuse options` read as rsync reads it, the UNKNOWN client
# under `hosts deny`, name converters, and a daemon that does not serve. The refuse cases are the ones
# test/integration/cve-refuse-semantics.test.ts checks against a real rsync daemon.

_open(m) := object.union(m, {"effective": t.effective({"writable": true, "chroot": false})})

# Words in order, `!` accepting again, wildcards over long and short names (CVE-2026-43618 needs compress).
test_refuse_options_in_rsyncs_order if {
	every r in ["compress !z", "comp* !z", "z !compress", "* !compress", "a", "co{m}press*", "compress-*", "!"] {
		_one("RSYNC-071", _doc([_writable({"refuse options": r})], "3.4.1", ["CVE-2026-43618"], "affected"))
	}
	every r in ["!compress *", "!z comp*", "[cz]*", "[^a-y]", "z", "!compress compress", "compress !"] {
		_quiet("RSYNC-071", _doc([_writable({"refuse options": r})], "3.4.1", ["CVE-2026-43618"], "affected"))
	}
}

# --remove-sent-files is its own entry; a refused delete refuses --remove-source-files to a sending daemon.
test_remove_source_files_needs_its_alias_or_delete_refused if {
	f := _one("RSYNC-072", _doc([_writable({"refuse options": "remove-source-files"})], "3.4.4", ["CVE-2026-53800"], "affected"))
	contains(f.message, "module [m] does not refuse remove-sent-files, and module [m] does not refuse delete")
	_one("RSYNC-072", _doc([_writable({"refuse options": "delete-*"})], "3.4.4", ["CVE-2026-53800"], "affected"))
	every r in ["remove-source-files remove-sent-files", "remove-s*-files", "delete", "del*", "remove-s* !delete delete"] {
		_quiet("RSYNC-072", _doc([_writable({"refuse options": r})], "3.4.4", ["CVE-2026-53800"], "affected"))
	}
}

# No compression, no compression threads.
test_zstd_threads_quiet_when_compression_is_refused if {
	every r in ["compress", "z", "compress-threads zt"] {
		_quiet("RSYNC-071", _doc([t.module({"refuse options": r}, {})], "3.4.2", ["CVE-2026-70455"], "affected"))
	}
	f := _one("RSYNC-071", _doc([t.module({"refuse options": "zt compress !z"}, {})], "3.4.2", ["CVE-2026-70455"], "affected"))
	contains(f.message, "does not refuse compress-threads, and module [m] does not refuse compress")
}

_denies(tokens) := object.union(t.module({"hosts deny": concat(" ", [x.token | some x in tokens])}, {}), {"acl": {"allow": null, "deny": tokens}})

test_hosts_deny_that_matches_unknown_stays_closed if {
	chroot := {"daemon chroot": "/srv/chroot"}
	fires := [[{"token": "*.example.com", "kind": "wildcard"}], [{"token": "bad.example.com", "kind": "hostname"}, {"token": "192.0.2.1", "kind": "address"}]]
	every ts in fires {
		_one("RSYNC-071", _doc_with([_denies(ts)], "3.4.1", ["CVE-2026-43617"], "affected", chroot))
	}
	quiet := [
		[{"token": "*", "kind": "wildcard"}],
		[{"token": "bad.example.com", "kind": "hostname"}, {"token": "*", "kind": "wildcard"}],
		[{"token": "*.example.com", "kind": "wildcard"}, {"token": "u*", "kind": "wildcard"}],
		[{"token": "*.example.com", "kind": "wildcard"}, {"token": "unknown", "kind": "placeholder"}],
	]
	every ts in quiet {
		_quiet("RSYNC-071", _doc_with([_denies(ts)], "3.4.1", ["CVE-2026-43617"], "affected", chroot))
	}
}

test_name_converter_expanding_a_variable if {
	m := t.module({"name converter": "/usr/local/bin/conv %RSYNC_USER_NAME%"}, {})
	f := _one("RSYNC-071", _doc([m], "3.4.4", ["CVE-2026-53790"], "affected"))
	f.path == "config.modules[0].params.name converter"
	_quiet("RSYNC-071", _doc([t.module({"name converter": "/usr/local/bin/conv"}, {})], "3.4.4", ["CVE-2026-53790"], "affected"))
}

# numeric ids = yes counts only without chroot, and only once --usermap, --groupmap and --chown are refused.
test_name_converter_and_numeric_ids if {
	conv := {"name converter": "/usr/local/bin/nameconv", "numeric ids": true}
	_one("RSYNC-071", _doc([_writable(conv)], "3.4.4", ["CVE-2026-53788"], "affected"))
	_one("RSYNC-071", _doc([_open(t.module(conv, {}))], "3.4.4", ["CVE-2026-53798"], "affected"))
	_one("RSYNC-071", _doc([_open(t.module(object.union(conv, {"refuse options": "usermap groupmap"}), {}))], "3.4.4", ["CVE-2026-53788"], "affected"))
	every r in ["usermap groupmap chown", "*map chown", "*"] {
		_quiet("RSYNC-071", _doc([_open(t.module(object.union(conv, {"refuse options": r}), {}))], "3.4.4", ["CVE-2026-53788", "CVE-2026-53798"], "affected"))
	}
	_one("RSYNC-071", _doc([_writable(object.union(conv, {"refuse options": "usermap groupmap chown"}))], "3.4.4", ["CVE-2026-53788"], "affected"))
}

# RSYNC-100/101 report the configuration; nothing is reachable, so no version findings.
test_quiet_when_the_daemon_does_not_serve if {
	d := _doc_with([_writable({})], "3.4.1", ["CVE-2026-43618", "CVE-2026-53791", "CVE-2026-70456"], "affected", {"proxy protocol": true})
	count(versions.findings) == 3 with input as d
	every over in [{"starts": false, "serves": false}, {"starts": true, "serves": false}] {
		count(versions.findings) == 0 with input as object.union(d, {"config": over})
	}
}
