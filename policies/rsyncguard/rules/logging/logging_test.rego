package rsyncguard.rules.logging_test

import data.rsyncguard.rules.logging
import data.rsyncguard.testing as t

test_rsync_050_with_a_log_file_asks_only_for_transfer_logging if {
	some f in logging.findings with input as t.doc([t.module({"log file": "/var/log/rsyncd.log"}, {})], {})
	f.rule_id == "RSYNC-050"
	f.message == "Module [m] does not log transfers."
}
