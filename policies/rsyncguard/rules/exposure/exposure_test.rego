package rsyncguard.rules.exposure_test

import data.rsyncguard.rules.exposure
import data.rsyncguard.testing as t

test_rsync_060_does_not_blame_the_default_port_for_another_one if {
	d := t.doc([t.module({}, {})], {"config": {"listener": {"port": t.set(8873)}}})
	some f in exposure.findings with input as d
	f.rule_id == "RSYNC-060"
	f.message == "The daemon listens on every interface."
}

test_rsync_061_quiet_on_ipv6_loopback if {
	d := t.doc([t.module({}, {})], {"config": {"listener": {"address": t.set("::1")}}})
	not "RSYNC-061" in t.ids(exposure.findings) with input as d
}

test_rsync_062_names_the_value_the_listener_uses if {
	late := object.union(t.set(18752), {"origin": "global"})
	d := t.doc([t.module({}, {})], {"config": {"global": {"port": late}, "listener": {"port": t.set(18751)}}})
	some f in exposure.findings with input as d
	f.rule_id == "RSYNC-062"
	contains(f.message, "18751")
}
