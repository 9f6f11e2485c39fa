package rsyncguard.rules.secrets_test

import data.rsyncguard.rules.secrets
import data.rsyncguard.testing as t

entry(name, over) := object.union(
	{
		"kind": "user", "name": name, "line": 2, "length": 8, "equals_name": false, "weak": true, "common": false,
		"reused": false, "dead": false, "unmatchable": false, "trailing_whitespace": false,
	},
	over,
)

secrets_doc(e) := t.doc([], {"secrets": [{
	"path": "/etc/rsyncd.secrets", "file": "rsyncd.secrets", "exists": true, "mode": "0600", "uid": 0, "gid": 0,
	"owner_is_root": true, "referenced_by": ["m"], "entries": [e],
}]})

test_rsync_032_describes_a_name_equal_password_by_its_line if {
	some f in secrets.findings with input as secrets_doc(entry("Zq7alice", {"equals_name": true}))
	f.rule_id == "RSYNC-032"
	not contains(f.message, "Zq7alice")
	contains(f.message, "line 2 has its own name as password")
}

test_rsync_032_names_the_user_of_a_common_password if {
	some f in secrets.findings with input as secrets_doc(entry("ann", {"common": true}))
	f.rule_id == "RSYNC-032"
	contains(f.message, "\"ann\" is weak (it is a commonly used password)")
}

test_rsync_032_describes_a_withheld_name_by_its_line if {
	some f in secrets.findings with input as secrets_doc(entry("********", {"length": 2}))
	f.rule_id == "RSYNC-032"
	contains(f.message, "the password of the user on line 2 is weak (2 characters)")
}
