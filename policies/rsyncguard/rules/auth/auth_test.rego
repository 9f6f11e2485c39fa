package rsyncguard.rules.auth_test

import data.rsyncguard.rules.auth
import data.rsyncguard.testing as t

rule(raw, pattern, option, empty) := {"raw": raw, "pattern": pattern, "group": false, "option": option, "ignored_option": null, "empty": empty, "shadowed_by": null}

test_rsync_020_fires_when_no_secrets_file_is_set if {
	m := t.module({"auth users": "joe"}, {"auth_required": true})
	some f in auth.findings with input as t.doc([m], {})
	f.rule_id == "RSYNC-020"
	f.location == {"file": "rsyncd.conf", "line": 3, "column": 1}
}

test_rsync_023_fires_on_a_trailing_space_in_the_comma_only_form if {
	m := object.union(t.module({"auth users": ", joe :deny"}, {"auth_required": true}), {"auth_rules": [rule("joe :deny", "joe ", "deny", false)]})
	"RSYNC-023" in t.ids(auth.findings) with input as t.doc([m], {})
}

test_rsync_023_quiet_on_a_well_formed_rule if {
	m := object.union(t.module({"auth users": "joe:deny"}, {"auth_required": true}), {"auth_rules": [rule("joe:deny", "joe", "deny", false)]})
	not "RSYNC-023" in t.ids(auth.findings) with input as t.doc([m], {})
}

test_rsync_025_quiet_before_3_5_0_which_has_no_auth_digest if {
	m := t.module({"auth users": "joe", "secrets file": "/etc/s"}, {"auth_required": true})
	not "RSYNC-025" in t.ids(auth.findings) with input as t.doc([m], {"context": {"rsync_version": "3.4.1"}})
}

test_rsync_024_quotes_an_access_word_back if {
	r := object.union(rule("joe:readwrite", "joe", null, false), {"ignored_option": "readwrite"})
	m := object.union(t.module({"auth users": "joe:readwrite"}, {"auth_required": true}), {"auth_rules": [r]})
	some f in auth.findings with input as t.doc([m], {})
	f.rule_id == "RSYNC-024"
	contains(f.message, "\":readwrite\" after \"joe\"")
}

test_rsync_024_withholds_what_may_be_a_password if {
	r := object.union(rule("joe:Tr0ub4dor", "joe", null, false), {"ignored_option": "Tr0ub4dor"})
	m := object.union(t.module({"auth users": "joe:Tr0ub4dor"}, {"auth_required": true}), {"auth_rules": [r]})
	some f in auth.findings with input as t.doc([m], {})
	f.rule_id == "RSYNC-024"
	not contains(f.message, "Tr0ub4dor")
	contains(f.message, "\":********\"")
}

test_rsync_025_quiet_when_no_login_can_succeed_without_a_secrets_file if {
	m := t.module({"auth users": "joe"}, {"auth_required": true})
	ids := t.ids(auth.findings) with input as t.doc([m], {})
	"RSYNC-020" in ids
	not "RSYNC-025" in ids
}

_secrets(over) := object.union(
	{
		"path": "/etc/s", "file": "/etc/s", "exists": true, "mode": 384, "uid": 0, "gid": 0, "owner_is_root": true,
		"other_accessible": false, "referenced_by": ["m"], "entries": [],
	},
	over,
)

test_rsync_025_quiet_when_strict_modes_reject_the_secrets_file_on_a_host if {
	m := t.module({"auth users": "joe", "secrets file": "/etc/s"}, {"auth_required": true})
	host := {"kind": "host", "id": "h", "display": "h"}
	not "RSYNC-025" in t.ids(auth.findings) with input as t.doc([m], {"target": host, "secrets": [_secrets({"mode": 420, "other_accessible": true})]})
	not "RSYNC-025" in t.ids(auth.findings) with input as t.doc([m], {"target": host, "secrets": [_secrets({"uid": 1000, "owner_is_root": false})]})
}

test_rsync_025_fires_when_only_a_repository_checkout_shows_the_mode if {
	m := t.module({"auth users": "joe", "secrets file": "/etc/s"}, {"auth_required": true})
	"RSYNC-025" in t.ids(auth.findings) with input as t.doc([m], {"secrets": [_secrets({"mode": 420, "other_accessible": true})]})
}

test_rsync_025_fires_when_a_login_can_succeed if {
	m := t.module({"auth users": "joe", "secrets file": "/etc/s"}, {"auth_required": true})
	some f in auth.findings with input as t.doc([m], {"secrets": [_secrets({})]})
	f.rule_id == "RSYNC-025"
	f.location == {"file": "rsyncd.conf", "line": 3, "column": 1}
}

test_rsync_025_fires_when_strict_modes_are_off if {
	m := t.module({"auth users": "joe", "secrets file": "/etc/s", "strict modes": false}, {"auth_required": true})
	"RSYNC-025" in t.ids(auth.findings) with input as t.doc([m], {"secrets": [_secrets({"mode": 420, "other_accessible": true})]})
}

# With `daemon chroot` the daemon opens the secrets file inside the jail: the host's file says nothing.
_jailed := {"config": {"global": {"daemon chroot": {"value": "/jail", "file": "rsyncd.conf", "line": 1, "column": 1, "source": "global"}}}}

test_rsync_020_quiet_when_the_missing_secrets_file_was_looked_up_outside_the_daemon_chroot if {
	m := t.module({"auth users": "joe", "secrets file": "/etc/s"}, {"auth_required": true})
	host := {"kind": "host", "id": "h", "display": "h"}
	missing := [_secrets({"exists": false, "mode": null, "uid": null, "gid": null, "owner_is_root": null, "other_accessible": null})]
	"RSYNC-020" in t.ids(auth.findings) with input as t.doc([m], {"target": host, "secrets": missing})
	ids := t.ids(auth.findings) with input as t.doc([m], object.union(_jailed, {"target": host, "secrets": missing}))
	not "RSYNC-020" in ids
	"RSYNC-025" in ids
}

test_rsync_025_fires_when_strict_modes_reject_only_the_file_outside_the_daemon_chroot if {
	m := t.module({"auth users": "joe", "secrets file": "/etc/s"}, {"auth_required": true})
	host := {"kind": "host", "id": "h", "display": "h"}
	"RSYNC-025" in t.ids(auth.findings) with input as t.doc([m], object.union(_jailed, {"target": host, "secrets": [_secrets({"mode": 420, "other_accessible": true})]}))
}

test_rsync_020_fires_without_a_secrets_file_even_under_daemon_chroot if {
	m := t.module({"auth users": "joe"}, {"auth_required": true})
	"RSYNC-020" in t.ids(auth.findings) with input as t.doc([m], _jailed)
}
