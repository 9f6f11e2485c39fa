package rsyncguard.rules.loading_test

import data.rsyncguard.rules.loading
import data.rsyncguard.testing as t

_diag(code, message) := {"severity": "fatal", "code": code, "message": message, "file": "rsyncd.conf", "line": 1, "column": 1}

test_rsync_100_fires_when_the_startup_parse_fails if {
	diag := _diag("daemon-refuses-to-start", "rsync --daemon refuses to start: Unknown directive: &bogus.")
	d := t.doc([t.module({}, {})], {"config": {"starts": false, "serves": false, "diagnostics": [diag]}})
	some f in loading.findings with input as d
	f.rule_id == "RSYNC-100"
	f.location == {"file": "rsyncd.conf", "line": 1, "column": 1}
	f.message == "rsync --daemon refuses to start: Unknown directive: &bogus. Nothing is served until this is fixed."
}

test_rsync_100_quiet_when_the_daemon_starts if {
	d := t.doc([t.module({}, {})], {"config": {"starts": true, "serves": true, "diagnostics": []}})
	count(loading.findings) == 0 with input as d
}

test_rsync_101_fires_when_every_connection_fails if {
	d := t.doc([t.module({}, {})], {"config": {"starts": true, "serves": false, "diagnostics": [_diag("every-connection-fails", "The daemon starts, but every connection fails.")]}})
	some f in loading.findings with input as d
	f.rule_id == "RSYNC-101"
	f.path == "config.serves"
}

test_rsync_101_quiet_when_the_daemon_does_not_even_start if {
	d := t.doc([t.module({}, {})], {"config": {"starts": false, "serves": false, "diagnostics": [_diag("daemon-refuses-to-start", "x")]}})
	not "RSYNC-101" in t.ids(loading.findings) with input as d
}
