package rsyncguard.rules.exposure_test

import data.rsyncguard.lib
import data.rsyncguard.rules.exposure
import data.rsyncguard.testing as t

test_rsync_060_does_not_blame_the_default_port_for_another_one if {
	d := t.doc([t.module({}, {})], {"config": {"listener": {"port": t.set(8873)}}})
	some f in exposure.findings with input as d
	f.rule_id == "RSYNC-060"
	f.message == "The daemon listens on every interface on port 8873."
}

test_rsync_060_names_the_port_the_command_line_gives if {
	d := _with_reach({"addresses": [], "port": 8730, "every_interface": true, "front_end": null}, {})
	some f in exposure.findings with input as d
	f.rule_id == "RSYNC-060"
	f.message == "The daemon listens on every interface on port 8730."
}

test_rsync_060_fires_for_an_explicit_wildcard_address if {
	listener := {"config": {"listener": {"address": t.set("0.0.0.0")}}}
	d := _with_reach({"addresses": ["0.0.0.0"], "port": 873, "every_interface": true, "front_end": null}, listener)
	some f in exposure.findings with input as d
	f.rule_id == "RSYNC-060"
	f.message == "The daemon listens on every interface on the default port 873."
}

test_rsync_061_quiet_behind_a_tls_front_end if {
	d := _with_reach(_stunnel, {})
	not "RSYNC-061" in t.ids(exposure.findings) with input as d
}

test_rsync_061_quiet_when_only_local_processes_can_connect if {
	d := t.doc([t.module({}, {})], t.reach("local", "processes on this machine"))
	not "RSYNC-061" in t.ids(exposure.findings) with input as d
}

test_rsync_061_says_off_host_when_any_host_can_connect if {
	some f in exposure.findings with input as t.doc([t.module({}, {})], {})
	f.rule_id == "RSYNC-061"
	f.location == {"file": "rsyncd.conf", "line": 1, "column": 1}
	f.message == "The daemon is reachable off-host and rsync's protocol is not encrypted: use SSH or stunnel."
}

test_rsync_061_names_the_private_network if {
	d := t.doc([t.module({}, {})], t.reach("private", "hosts on the private network 192.168.0.0/16"))
	some f in exposure.findings with input as d
	f.rule_id == "RSYNC-061"
	startswith(f.message, "The daemon is reachable by hosts on the private network 192.168.0.0/16 and")
}

test_rsync_060_in_an_unexposed_container_says_who_connects if {
	d := t.doc([t.module({}, {})], object.union(t.reach("container", "peers on the container network"), {"target": {"kind": "image"}}))
	some f in exposure.findings with input as d
	f.rule_id == "RSYNC-060"
	f.message == "The daemon listens on every interface on the default port 873; the image does not expose that port, so only peers on the container network can connect."
}

test_rsync_060_quiet_when_the_command_line_binds_an_address if {
	d := t.doc([t.module({}, {})], {"config": {"effective": {"reach": {"value": "local", "addresses": ["127.0.0.1"], "who": "processes on this machine", "reason": "test"}}}})
	not "RSYNC-060" in t.ids(exposure.findings) with input as d
}

test_rsync_062_names_the_value_the_listener_uses if {
	late := object.union(t.set(18752), {"origin": "global"})
	d := t.doc([t.module({}, {})], {"config": {"global": {"port": late}, "listener": {"port": t.set(18751)}}})
	some f in exposure.findings with input as d
	f.rule_id == "RSYNC-062"
	contains(f.message, "18751")
}

test_reach_note_names_the_tls_front_end_never_local_processes if {
	d := _with_reach(_stunnel, {})
	lib.reach_note == " (any host can connect through stunnel on port 874 in stunnel.conf:7)" with input as d
}

_stunnel := {"addresses": ["127.0.0.1"], "port": 8873, "every_interface": false, "front_end": "stunnel on port 874 in stunnel.conf:7"}

# A document whose config.effective.reach is "any" with these fields, and `over` merged in.
_with_reach(fields, over) := t.doc([t.module({}, {})], object.union(over, {"config": {"effective": {"reach": object.union(
	{"value": "any", "who": "any host on the network", "reason": "test"},
	fields,
)}}}))

test_rsync_062_names_the_included_line_the_listener_reads_not_a_section_header if {
	early := object.union(t.set("127.0.0.1"), {"origin": "global", "line": 1})
	read := {"value": "127.0.0.2", "raw": "127.0.0.2", "file": "etc/inc.conf", "line": 1, "column": 11, "origin": "global"}
	d := t.doc([t.module({}, {})], {"config": {"global": {"address": early}, "listener": {"address": read}}})
	some f in exposure.findings with input as d
	f.rule_id == "RSYNC-062"
	f.message == "\"address = 127.0.0.1\" is not what the listening daemon uses: at startup it reads 127.0.0.2 from etc/inc.conf:1."
}
