package rsyncguard.rules.access_test

import data.rsyncguard.rules.access
import data.rsyncguard.testing as t

# config.effective.reach (src/facts/reach.ts) bounds who "every admitted host" is.

test_rsync_001_raised_when_any_host_can_connect if {
	m := t.module({}, {})
	some f in access.findings with input as t.doc([m], t.reach("any", "any host on the network"))
	f.rule_id == "RSYNC-001"
	f.severity == "high"
	f.context == "any host on the network can read it"
}

test_rsync_001_not_raised_on_a_loopback_daemon_and_says_who_connects if {
	m := t.module({}, {})
	some f in access.findings with input as t.doc([m], t.reach("local", "processes on this machine"))
	f.rule_id == "RSYNC-001"
	f.severity == null
	f.context == null
	f.location == {"file": "rsyncd.conf", "line": 3, "column": 1}
	contains(f.message, "(only processes on this machine can connect)")
	not contains(f.message, "any host")
}

test_rsync_001_not_raised_on_a_private_address if {
	m := t.module({}, {})
	some f in access.findings with input as t.doc([m], t.reach("private", "hosts on the private network 10.0.0.0/8"))
	f.rule_id == "RSYNC-001"
	f.severity == null
	contains(f.message, "(only hosts on the private network 10.0.0.0/8 can connect)")
}

test_rsync_002_not_raised_in_an_unexposed_container if {
	m := t.module({"read only": false}, {"anonymous_write": true})
	some f in access.findings with input as t.doc([m], t.reach("container", "peers on the container network"))
	f.rule_id == "RSYNC-002"
	f.location == {"file": "rsyncd.conf", "line": 5, "column": 5}
	f.severity == null
	f.context == null
	contains(f.message, "can upload (only peers on the container network can connect).")
}

test_rsync_002_raised_when_any_host_can_connect if {
	m := t.module({"read only": false}, {"anonymous_write": true})
	some f in access.findings with input as t.doc([m], t.reach("any", "any host on the network"))
	f.rule_id == "RSYNC-002"
	f.severity == "critical"
	f.context == "any host on the network can write to it"
	not contains(f.message, "can connect")
}

test_rsync_003_fires_when_any_host_can_connect if {
	m := t.module({}, {})
	some f in access.findings with input as t.doc([m], t.reach("any", "any host on the network"))
	f.rule_id == "RSYNC-003"
	f.message == "Module [m] admits connections from any address: it has no \"hosts allow\"."
}

test_rsync_003_names_the_private_network if {
	m := t.module({}, {})
	some f in access.findings with input as t.doc([m], t.reach("private", "hosts on the private network 10.0.0.0/8"))
	f.rule_id == "RSYNC-003"
	f.location == {"file": "rsyncd.conf", "line": 3, "column": 1}
	f.message == "Module [m] admits connections from all hosts on the private network 10.0.0.0/8: it has no \"hosts allow\"."
}

test_rsync_003_quiet_when_only_local_processes_can_connect if {
	m := t.module({}, {})
	not "RSYNC-003" in t.ids(access.findings) with input as t.doc([m], t.reach("local", "processes on this machine"))
}
