package rsyncguard.rules.host_test

import data.rsyncguard.rules.host
import data.rsyncguard.testing as t

test_rsync_082_fires_for_a_file_another_user_owns if {
	d := t.doc([t.module({}, {})], {"config": {"files": [{"path": "/etc/rsyncd.conf", "sha256": "", "mode": 420, "uid": 1000}]}})
	some f in host.findings with input as d
	f.rule_id == "RSYNC-082"
	f.location.file == "/etc/rsyncd.conf"
}

test_rsync_082_quiet_for_root_0644 if {
	d := t.doc([t.module({}, {})], {"config": {"files": [{"path": "/etc/rsyncd.conf", "sha256": "", "mode": 420, "uid": 0}]}})
	not "RSYNC-082" in t.ids(host.findings) with input as d
}

proc := {"daemon": {"processes": [{"pid": 42, "uid": 0, "cmdline": ["rsync", "--daemon"], "config_path": "/etc/rsyncd.conf", "root": "/", "chrooted": false}]}}

test_rsync_081_fires_on_a_root_process_without_daemon_uid if {
	some f in host.findings with input as t.doc([t.module({}, {})], proc)
	f.rule_id == "RSYNC-081"
	endswith(f.message, "runs as root and the configuration sets no \"daemon uid\".")
}

# "daemon uid = root" keeps root: the facts say so (effective.root true), and the message names the setting.
test_rsync_081_fires_when_daemon_uid_names_root if {
	global := {"config": {"global": {"daemon uid": {"value": "root", "raw": "root", "file": "rsyncd.conf", "line": 1, "column": 1, "origin": "set"}}}}
	some f in host.findings with input as t.doc([t.module({}, {})], object.union(proc, global))
	f.rule_id == "RSYNC-081"
	endswith(f.message, "runs as root and \"daemon uid = root\" keeps it.")
}

test_rsync_081_quiet_when_the_facts_say_root_is_dropped if {
	not "RSYNC-081" in t.ids(host.findings) with input as t.doc([t.module({}, {})], object.union(proc, t.root(false)))
}
