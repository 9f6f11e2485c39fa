package rsyncguard.rules.confinement_test

import data.rsyncguard.rules.confinement
import data.rsyncguard.testing as t

unconfined(params, acc) := object.union(t.module(params, acc), {"effective": t.effective({"chroot": false})})

test_rsync_040_is_critical_when_anyone_can_write if {
	m := unconfined({"use chroot": false, "read only": false}, {"anonymous_write": true})
	some f in confinement.findings with input as t.doc([m], {})
	f.rule_id == "RSYNC-040"
	f.severity == "critical"
	f.context != null
	f.location == {"file": "rsyncd.conf", "line": 5, "column": 5}
}

test_rsync_040_not_raised_when_only_local_processes_can_connect if {
	m := unconfined({"use chroot": false, "read only": false}, {"anonymous_write": true})
	some f in confinement.findings with input as t.doc([m], t.reach("local", "processes on this machine"))
	f.rule_id == "RSYNC-040"
	f.location == {"file": "rsyncd.conf", "line": 5, "column": 5}
	f.severity == null
	f.context == null
}

test_rsync_040_quiet_on_a_non_root_daemon if {
	m := unconfined({"use chroot": false}, {})
	not "RSYNC-040" in t.ids(confinement.findings) with input as t.doc([m], t.root(false))
}

test_rsync_040_quiet_when_the_module_chroots if {
	m := t.module({"use chroot": true}, {})
	not "RSYNC-040" in t.ids(confinement.findings) with input as t.doc([m], {})
}

test_rsync_041_quiet_when_an_unset_use_chroot_chroots_on_a_root_daemon if {
	m := t.module({"munge symlinks": false}, {})
	not "RSYNC-041" in t.ids(confinement.findings) with input as t.doc([m], {})
}

test_rsync_041_fires_when_the_module_runs_without_chroot if {
	m := unconfined({"munge symlinks": false}, {})
	d := t.doc([m], object.union(t.root(false), {"config": {"global": {"daemon uid": t.set("65534")}}}))
	some f in confinement.findings with input as d
	f.rule_id == "RSYNC-041"
	f.location == {"file": "rsyncd.conf", "line": 5, "column": 5}
}

test_rsync_041_quiet_when_a_non_root_daemon_must_chroot_and_so_refuses if {
	# Before rsync 3.2.7 an unset "use chroot" means yes: the module fails "chroot failed", it never runs unconfined.
	m := t.module({"munge symlinks": false}, {})
	not "RSYNC-041" in t.ids(confinement.findings) with input as t.doc([m], t.root(false))
}

as_root(params, over) := object.union(t.module(params, {}), {"effective": t.effective(over)})

test_rsync_042_reports_the_uid_the_facts_call_root if {
	m := as_root({"uid": "00"}, {"transfer_uid_root": true})
	some f in confinement.findings with input as t.doc([m], {})
	f.rule_id == "RSYNC-042"
	f.message == "Module [m] transfers with uid 00."
	f.location == {"file": "rsyncd.conf", "line": 5, "column": 5}
}

test_rsync_042_reports_the_gid_the_facts_call_root if {
	m := as_root({"gid": "rsync wheel"}, {"transfer_gid_root": true})
	some f in confinement.findings with input as t.doc([m], {})
	f.rule_id == "RSYNC-042"
	f.message == "Module [m] transfers with gid rsync wheel."
}

test_rsync_042_reads_the_facts_not_the_values if {
	# A non-root daemon cannot switch to "uid = root": the facts say false, and the rule follows them.
	m := as_root({"uid": "root", "gid": "0"}, {})
	not "RSYNC-042" in t.ids(confinement.findings) with input as t.doc([m], t.root(false))
}

test_rsync_049_reads_octal_modes if {
	every clause in ["F0666", "4755", "D2775"] {
		"RSYNC-049" in t.ids(confinement.findings) with input as t.doc([t.module({"incoming chmod": clause}, {})], {})
	}
	every clause in ["F0644", "0750", "Dgo-w"] {
		not "RSYNC-049" in t.ids(confinement.findings) with input as t.doc([t.module({"incoming chmod": clause}, {})], {})
	}
}

test_rsync_048_quiet_on_a_read_only_mirror if {
	m := t.module({"ignore nonreadable": true}, {})
	not "RSYNC-048" in t.ids(confinement.findings) with input as t.doc([m], {})
}

test_rsync_048_quiet_on_a_write_only_drop_box if {
	m := t.module({"ignore nonreadable": true, "read only": false, "write only": true}, {})
	not "RSYNC-048" in t.ids(confinement.findings) with input as t.doc([m], {})
}

test_rsync_048_fires_on_a_module_clients_write_and_read_back if {
	m := t.module({"ignore nonreadable": true, "read only": false}, {})
	some f in confinement.findings with input as t.doc([m], {})
	f.rule_id == "RSYNC-048"
	f.location == {"file": "rsyncd.conf", "line": 5, "column": 5}
}

test_rsync_048_fires_when_a_user_rule_grants_rw_on_a_read_only_module if {
	rule := {"raw": "ann:rw", "pattern": "ann", "group": false, "option": "rw", "ignored_option": null, "empty": false, "shadowed_by": null}
	m := object.union(t.module({"ignore nonreadable": true, "auth users": "ann:rw"}, {"auth_required": true}), {"auth_rules": [rule]})
	"RSYNC-048" in t.ids(confinement.findings) with input as t.doc([m], {})
}
