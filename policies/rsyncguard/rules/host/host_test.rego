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
