package rsyncguard.rules.versions_test

import data.rsyncguard.rules.versions
import data.rsyncguard.testing as t

test_rsync_070_stays_high_without_anonymous_readers if {
	d := t.doc([t.module({}, {"anonymous_read": false})], {"rsync": {"version": "3.2.7"}})
	some f in versions.findings with input as d
	f.rule_id == "RSYNC-070"
	f.severity == null # the catalog default, high
}

test_rsync_071_is_high_with_a_module_without_chroot if {
	m := object.union(t.module({"use chroot": false}, {}), {"effective": t.effective({"chroot": false})})
	some f in versions.findings with input as t.doc([m], {"rsync": {"version": "3.4.1"}})
	f.rule_id == "RSYNC-071"
	f.severity == "high"
}

test_rsync_071_stays_medium_when_every_module_chroots if {
	some f in versions.findings with input as t.doc([t.module({}, {})], {"rsync": {"version": "3.4.1"}})
	f.rule_id == "RSYNC-071"
	f.severity == null
}

test_version_rules_are_quiet_without_a_known_version if {
	count(versions.findings) == 0 with input as t.doc([t.module({}, {})], {})
}
