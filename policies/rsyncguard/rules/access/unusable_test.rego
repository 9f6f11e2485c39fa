package rsyncguard.rules.access_test

import data.rsyncguard.rules.access
import data.rsyncguard.testing as t

_unusable(param, reason) := {"value": true, "reason": reason, "param": param}

test_rsync_014_fires_at_the_uid_line_when_the_uid_does_not_resolve if {
	u := _unusable("uid", "\"uid\" is \"0 # the owner\"")
	m := object.union(t.module({"uid": "0 # the owner"}, {}), {"effective": object.union(t.effective({}), {"unusable": u})})
	some f in access.findings with input as t.doc([m], {})
	f.rule_id == "RSYNC-014"
	f.location == {"file": "rsyncd.conf", "line": 5, "column": 5}
	f.module == "m"
	contains(f.message, "0 # the owner")
}

test_rsync_014_fires_at_the_header_of_a_module_without_a_path if {
	base := t.module({}, {})
	m := object.union(base, {"params": object.union(base.params, {"path": t.unset(null)}), "effective": object.union(t.effective({}), {"unusable": _unusable("path", "no path")})})
	some f in access.findings with input as t.doc([m], {})
	f.rule_id == "RSYNC-014"
	f.location == {"file": "rsyncd.conf", "line": 3, "column": 1}
}

test_rsync_014_quiet_when_the_module_is_served if {
	not "RSYNC-014" in t.ids(access.findings) with input as t.doc([t.module({}, {})], {})
}

test_rsync_014_quiet_when_the_daemon_serves_nothing if {
	m := object.union(t.module({}, {}), {"effective": object.union(t.effective({}), {"unusable": _unusable("uid", "x")})})
	not "RSYNC-014" in t.ids(access.findings) with input as t.doc([m], {"config": {"serves": false}})
}

test_rsync_001_002_003_quiet_on_a_module_rsync_will_not_serve if {
	m := object.union(t.module({"read only": false, "uid": "0 # x"}, {"open_to_any_host": true}), {"effective": object.union(t.effective({}), {"unusable": _unusable("uid", "x")})})
	ids := t.ids(access.findings) with input as t.doc([m], {})
	not "RSYNC-001" in ids
	not "RSYNC-002" in ids
	not "RSYNC-003" in ids
	"RSYNC-014" in ids
}

test_rsync_014_quiet_on_a_template_module_without_a_literal_path if {
	base := t.module({}, {})
	m := object.union(base, {"params": object.union(base.params, {"path": t.unset(null)}), "effective": object.union(t.effective({}), {"unusable": _unusable("path", "no path")})})
	note := {"severity": "info", "code": "template", "message": "m", "file": "rsyncd.conf", "line": 1, "column": 1}
	not "RSYNC-014" in t.ids(access.findings) with input as t.doc([m], {"config": {"diagnostics": [note]}})
}
