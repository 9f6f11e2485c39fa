package rsyncguard.rules.logging_test

import data.rsyncguard.rules.logging
import data.rsyncguard.testing as t

test_rsync_050_with_a_log_file_asks_only_for_transfer_logging if {
	some f in logging.findings with input as t.doc([t.module({"log file": "/var/log/rsyncd.log", "transfer logging": false}, {})], {})
	f.rule_id == "RSYNC-050"
	f.message == "Module [m] does not log transfers."
}

named(name, params) := object.union(t.module(params, {}), {"name": name})

test_rsync_050_is_one_daemon_finding_for_modules_that_inherit_the_setting if {
	ms := [named("a", {}), named("b", {}), named("c", {"transfer logging": false}), named("d", {"transfer logging": true})]
	fs := [f | some f in logging.findings with input as t.doc(ms, {}); f.rule_id == "RSYNC-050"]
	count(fs) == 2
	some daemon in fs
	daemon.module == null
	daemon.path == "config.global.transfer logging"
	[r.module | some r in daemon.related] == ["a", "b"]
	daemon.message == "Transfers are not logged in 2 modules ([a], [b]): \"transfer logging\" is off for the daemon (and no \"log file\": only syslog sees connections)."
	some own in fs
	own.module == "c"
}

test_rsync_050_names_five_modules_and_counts_the_rest if {
	ms := [named(n, {}) | some n in ["a", "b", "c", "d", "e", "f", "g"]]
	some f in logging.findings with input as t.doc(ms, {})
	f.rule_id == "RSYNC-050"
	contains(f.message, "in 7 modules ([a], [b], [c], [d], [e] and 2 more)")
	count(f.related) == 7
}

test_rsync_050_names_a_single_inheriting_module_as_a_module if {
	some f in logging.findings with input as t.doc([t.module({"log file": "/var/log/rsyncd.log"}, {})], {})
	f.message == "Transfers are not logged in module [m]: \"transfer logging\" is off for the daemon."
}
