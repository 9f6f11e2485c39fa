package rsyncguard.rules.access_test

import data.rsyncguard.rules.access
import data.rsyncguard.testing as t

test_rsync_002_fires_at_the_read_only_line_and_is_critical_when_anyone_can_write if {
	m := t.module({"read only": false}, {"anonymous_write": true})
	some f in access.findings with input as t.doc([m], {})
	f.rule_id == "RSYNC-002"
	f.location == {"file": "rsyncd.conf", "line": 5, "column": 5}
	f.severity == "critical"
	f.module == "m"
}

test_rsync_001_stays_medium_when_host_rules_keep_outsiders_out if {
	m := t.module({}, {"anonymous_read": false, "open_to_any_host": false, "read": "access-denied"})
	some f in access.findings with input as t.doc([m], {})
	f.rule_id == "RSYNC-001"
	f.severity == null # the catalog default
	f.context == null
}

test_rsync_001_quiet_when_the_daemon_serves_nothing if {
	m := t.module({}, {})
	not "RSYNC-001" in t.ids(access.findings) with input as t.doc([m], {"config": {"serves": false}})
}

test_rsync_006_quiet_when_a_user_rule_grants_rw if {
	rule := {"raw": "ann:rw", "pattern": "ann", "group": false, "option": "rw", "ignored_option": null, "empty": false, "shadowed_by": null}
	m := object.union(t.module({"write only": true, "auth users": "ann:rw"}, {"auth_required": true}), {"auth_rules": [rule]})
	not "RSYNC-006" in t.ids(access.findings) with input as t.doc([m], {})
}

test_rsync_007_is_high_on_a_version_with_cve_2026_43617_under_daemon_chroot if {
	m := object.union(t.module({"hosts deny": "evil.example.com"}, {}), {"acl": {"allow": null, "deny": [{"token": "evil.example.com", "kind": "hostname"}]}})
	d := t.doc([m], {"rsync": {"version": "3.4.1"}, "config": {"global": {"daemon chroot": t.set("/jail")}}})
	some f in access.findings with input as d
	f.rule_id == "RSYNC-007"
	f.severity == "high"
}

test_rsync_009_finds_a_comment_before_any_module_as_a_daemon_finding if {
	diag := {"severity": "warning", "code": "comment-in-boolean", "message": "m", "file": "rsyncd.conf", "line": 1, "column": 14}
	some f in access.findings with input as t.doc([t.module({}, {})], {"config": {"diagnostics": [diag]}})
	f.rule_id == "RSYNC-009"
	f.module == null
}

test_rsync_009_on_a_line_after_a_reopening_header_names_the_reopened_module if {
	up := object.union(t.module({}, {}), {"name": "up", "header": {"file": "rsyncd.conf", "line": 2, "column": 1}, "reopened": [{"file": "rsyncd.conf", "line": 8, "column": 1}]})
	other := object.union(t.module({}, {}), {"name": "other", "header": {"file": "rsyncd.conf", "line": 6, "column": 1}})
	diag := {"severity": "warning", "code": "comment-in-boolean", "message": "m", "file": "rsyncd.conf", "line": 9, "column": 8}
	some f in access.findings with input as t.doc([up, other], {"config": {"diagnostics": [diag]}})
	f.rule_id == "RSYNC-009"
	f.module == "up"
}

test_rsync_001_and_002_quiet_on_a_module_max_connections_disables if {
	m := object.union(t.module({"read only": false, "max connections": -1}, {}), {"effective": t.effective({"disabled": true, "unusable": true})})
	ids := t.ids(access.findings) with input as t.doc([m], {})
	not "RSYNC-001" in ids
	not "RSYNC-002" in ids
}

test_rsync_005_quiet_when_the_allow_list_admits_any_host if {
	m := object.union(t.module({"hosts allow": "*"}, {"open_to_any_host": true}), {"acl": {"allow": [{"token": "*", "kind": "wildcard"}], "deny": null}})
	not "RSYNC-005" in t.ids(access.findings) with input as t.doc([m], {})
}

test_rsync_005_fires_when_the_allow_list_keeps_outsiders_out if {
	m := object.union(t.module({"hosts allow": "192.0.2.0/24"}, {"open_to_any_host": false}), {"acl": {"allow": [{"token": "192.0.2.0/24", "kind": "network"}], "deny": null}})
	"RSYNC-005" in t.ids(access.findings) with input as t.doc([m], {})
}

test_rsync_001_speaks_of_uploads_on_a_write_only_module if {
	m := t.module({"write only": true, "read only": false}, {"anonymous_read": false, "anonymous_write": true, "read": "write-only"})
	some f in access.findings with input as t.doc([m], {})
	f.rule_id == "RSYNC-001"
	contains(f.message, "uploads to it without a password")
	not contains(f.message, "reads it")
	f.severity == null # nobody can download: not raised to high
}

test_rsync_001_on_a_write_only_read_only_module_refuses_both if {
	m := t.module({"write only": true}, {"anonymous_read": false, "read": "write-only", "write": "read-only"})
	some f in access.findings with input as t.doc([m], {})
	f.rule_id == "RSYNC-001"
	contains(f.message, "refuse both downloads and uploads")
}

limited(name, limit, lock) := object.union(t.module({"max connections": limit, "lock file": lock}, {}), {"name": name})

test_rsync_012_quiet_when_modules_share_a_lock_file_with_one_limit if {
	ms := [limited("a", 10, "/run/r.lock"), limited("b", 10, "/run/r.lock"), limited("c", 10, "/run/r.lock")]
	not "RSYNC-012" in t.ids(access.findings) with input as t.doc(ms, {})
}

test_rsync_012_fires_on_the_smaller_limit_sharing_a_lock_file if {
	ms := [limited("a", 10, "/run/r.lock"), limited("b", 2, "/run/r.lock"), limited("c", 5, "/run/c.lock")]
	fs := {f.message | some f in access.findings with input as t.doc(ms, {}); f.rule_id == "RSYNC-012"}
	fs == {"Module [b] (max connections = 2) shares the lock file /run/r.lock with [a] (max connections = 10), whose connections can take all of its slots."}
}

test_rsync_011_is_one_daemon_finding_for_modules_without_their_own_limit if {
	own := object.union(t.module({"max connections": 0}, {}), {"name": "own"})
	ms := [object.union(t.module({}, {}), {"name": n}) | some n in ["a", "b"]]
	fs := [f | some f in access.findings with input as t.doc(array.concat(ms, [own]), {}); f.rule_id == "RSYNC-011"]
	{[f.module, f.message] | some f in fs} == {
		[null, "No connection limit in 2 modules ([a], [b]): \"max connections\" is 0 for the daemon."],
		["own", "Module [own] has no connection limit."],
	}
}

test_rsync_013_names_the_unknown_refuse_options if {
	m := object.union(t.module({"refuse options": "delete tarpit"}, {}), {"effective": t.effective({"refuse_unknown": ["tarpit"]})})
	some f in access.findings with input as t.doc([m], {})
	f.rule_id == "RSYNC-013"
	contains(f.message, "tarpit")
	not contains(f.message, "delete")
}

test_rsync_013_quiet_when_every_name_is_known if {
	m := object.union(t.module({"refuse options": "delete"}, {}), {"effective": t.effective({"refuse_unknown": []})})
	not "RSYNC-013" in t.ids(access.findings) with input as t.doc([m], {})
}

test_rsync_015_fires_at_the_read_only_line_of_a_writable_public_module if {
	d := {"reason": "Debian mirror", "source": "comment", "file": "rsyncd.conf", "line": 2}
	m := object.union(t.module({"read only": false}, {}), {"declared_public": d, "effective": t.effective({"writable": true})})
	some f in access.findings with input as t.doc([m], {})
	f.rule_id == "RSYNC-015"
	f.location == {"file": "rsyncd.conf", "line": 5, "column": 5}
	f.severity == null # the catalog default: critical
	contains(f.message, "declared public by the comment at rsyncd.conf:2")
}

test_rsync_015_names_a_config_entry_and_points_at_auth_users_for_a_rw_rule if {
	d := {"reason": "mirror", "source": "config", "file": ".rsyncguard.yaml", "line": 4}
	m := object.union(t.module({"auth users": "ann:rw"}, {}), {"declared_public": d, "effective": t.effective({"writable": true})})
	some f in access.findings with input as t.doc([m], {})
	f.rule_id == "RSYNC-015"
	f.location == {"file": "rsyncd.conf", "line": 5, "column": 5}
	contains(f.message, "the public entry at .rsyncguard.yaml:4")
}

test_rsync_015_quiet_when_the_public_module_is_read_only if {
	d := {"reason": "Debian mirror", "source": "comment", "file": "rsyncd.conf", "line": 2}
	m := object.union(t.module({}, {}), {"declared_public": d, "effective": t.effective({"writable": false})})
	not "RSYNC-015" in t.ids(access.findings) with input as t.doc([m], {})
}

test_rsync_015_quiet_when_rsync_will_not_serve_the_module if {
	d := {"reason": "mirror", "source": "comment", "file": "rsyncd.conf", "line": 2}
	m := object.union(t.module({"read only": false}, {}), {"declared_public": d, "effective": t.effective({"writable": true, "unusable": true})})
	not "RSYNC-015" in t.ids(access.findings) with input as t.doc([m], {})
}

test_rsync_015_quiet_when_nothing_is_declared if {
	m := object.union(t.module({"read only": false}, {}), {"declared_public": null, "effective": t.effective({"writable": true})})
	not "RSYNC-015" in t.ids(access.findings) with input as t.doc([m], {})
}

test_rsync_001_and_002_quiet_when_hosts_deny_star_admits_no_host if {
	closed := {"open_to_any_host": false, "anonymous_read": false, "anonymous_write": false}
	acl := {"acl": {"allow": null, "deny": [{"token": "*", "kind": "wildcard"}]}}
	m := object.union(t.module({"read only": false, "hosts deny": "*"}, closed), acl)
	ids := t.ids(access.findings) with input as t.doc([m], {})
	not "RSYNC-001" in ids
	not "RSYNC-002" in ids
}

test_rsync_001_still_fires_when_an_allow_list_admits_some_hosts_past_deny_star if {
	acl := {"acl": {
		"allow": [{"token": "10.0.0.0/8", "kind": "network"}],
		"deny": [{"token": "*", "kind": "wildcard"}],
	}}
	m := object.union(t.module({"hosts allow": "10.0.0.0/8", "hosts deny": "*"}, {"open_to_any_host": false, "anonymous_read": false}), acl)
	"RSYNC-001" in t.ids(access.findings) with input as t.doc([m], {})
}

test_rsync_003_names_hosts_in_neither_list_when_no_allow_entry_matches_everyone if {
	acl := {"acl": {
		"allow": [{"token": "192.168.10.0/24", "kind": "network"}],
		"deny": [{"token": "192.168.10.99", "kind": "address"}],
	}}
	m := object.union(t.module({"hosts allow": "192.168.10.0/24", "hosts deny": "192.168.10.99"}, {"open_to_any_host": true}), acl)
	some f in access.findings with input as t.doc([m], {})
	f.rule_id == "RSYNC-003"
	f.message == "Module [m] admits connections from any address that neither \"hosts allow\" nor \"hosts deny\" names: rsync admits a host in neither list."
}

test_rsync_003_says_an_allow_entry_matches_every_address_for_slash_zero if {
	m := object.union(t.module({"hosts allow": "0.0.0.0/0"}, {"open_to_any_host": true}), {"acl": {"allow": [{"token": "0.0.0.0/0", "kind": "any-address"}], "deny": null}})
	some f in access.findings with input as t.doc([m], {})
	f.rule_id == "RSYNC-003"
	endswith(f.message, "an entry of \"hosts allow\" matches every address.")
}
