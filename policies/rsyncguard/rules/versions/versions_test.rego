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
	d := t.doc([t.module({"use chroot": false}, {})], {"rsync": {"version": "3.4.1"}})
	some f in versions.findings with input as d
	f.rule_id == "RSYNC-071"
	f.severity == "high"
}

test_version_rules_are_quiet_without_a_known_version if {
	count(versions.findings) == 0 with input as t.doc([t.module({}, {})], {})
}
