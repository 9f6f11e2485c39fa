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

secrets_file(over) := object.union(
	{
		"path": "/etc/rsyncd.secrets", "file": "rsyncd.secrets", "exists": true, "mode": 384, "uid": 0, "gid": 0,
		"owner_is_root": true, "other_accessible": false, "referenced_by": ["m"], "entries": [],
	},
	over,
)

secrets_doc(e) := t.doc([], {"secrets": [secrets_file({"entries": [e]})]})

# A module that names the secrets file, as its config line (t.set places parameters at rsyncd.conf:5:5).
naming_module := t.module({"auth users": "ann", "secrets file": "/etc/rsyncd.secrets"}, {"auth_required": true})

test_rsync_030_fires_at_the_secrets_file_when_others_can_read_it if {
	d := t.doc([naming_module], {"secrets": [secrets_file({"mode": 420, "other_accessible": true})]})
	some f in secrets.findings with input as d
	f.rule_id == "RSYNC-030"
	f.location == {"file": "rsyncd.secrets", "line": 1, "column": 1}
	f.path == "secrets[0].mode"
	f.message == concat("", [
		"The secrets file /etc/rsyncd.secrets is in the repository with mode 644: deployed as committed, ",
		"other users can read (or write) it, and anyone who can read the repository has its passwords.",
	])
}

test_rsync_030_on_a_host_states_the_mode_it_has if {
	d := object.union(t.doc([naming_module], {"secrets": [secrets_file({"mode": 420, "other_accessible": true})]}), {"target": {"kind": "host"}})
	some f in secrets.findings with input as d
	f.rule_id == "RSYNC-030"
	f.message == "The secrets file /etc/rsyncd.secrets has mode 644: other users can read (or write) it."
}

test_rsync_030_under_a_root_outside_the_repository_states_the_mode_it_has if {
	d := t.doc([naming_module], {"secrets": [secrets_file({"mode": 420, "other_accessible": true, "in_repository": false})]})
	some f in secrets.findings with input as d
	f.rule_id == "RSYNC-030"
	f.message == "The secrets file /etc/rsyncd.secrets has mode 644: other users can read (or write) it."
}

test_rsync_030_is_located_at_the_config_line_when_the_file_was_not_read if {
	s := secrets_file({"file": null, "mode": 420, "other_accessible": true})
	some f in secrets.findings with input as t.doc([naming_module], {"secrets": [s]})
	f.rule_id == "RSYNC-030"
	f.location == {"file": "rsyncd.conf", "line": 5, "column": 5}
}

test_rsync_030_is_located_at_the_first_file_when_no_module_names_it if {
	s := secrets_file({"file": null, "mode": 420, "other_accessible": true})
	some f in secrets.findings with input as t.doc([t.module({}, {})], {"secrets": [s]})
	f.rule_id == "RSYNC-030"
	f.location == {"file": "rsyncd.conf", "line": 1, "column": 1}
}

test_rsync_030_quiet_on_mode_0600 if {
	not "RSYNC-030" in t.ids(secrets.findings) with input as t.doc([naming_module], {"secrets": [secrets_file({})]})
}

test_rsync_031_fires_when_a_root_daemon_reads_a_file_root_does_not_own if {
	d := t.doc([naming_module], {"secrets": [secrets_file({"uid": 65534, "owner_is_root": false})]})
	some f in secrets.findings with input as d
	f.rule_id == "RSYNC-031"
	f.location == {"file": "rsyncd.secrets", "line": 1, "column": 1}
	f.message == "The secrets file /etc/rsyncd.secrets is owned by uid 65534, not root."
}

test_rsync_031_quiet_when_modules_do_not_run_as_root if {
	over := object.union(t.root(false), {"secrets": [secrets_file({"uid": 65534, "owner_is_root": false})]})
	not "RSYNC-031" in t.ids(secrets.findings) with input as t.doc([naming_module], over)
}

test_rsync_031_quiet_when_the_owner_is_not_known if {
	s := secrets_file({"uid": null, "owner_is_root": null})
	not "RSYNC-031" in t.ids(secrets.findings) with input as t.doc([naming_module], {"secrets": [s]})
}

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
	f.location == {"file": "rsyncd.secrets", "line": 2, "column": 1}
	contains(f.message, "the password of the user on line 2 is weak (2 characters)")
}

test_rsync_032_quiet_on_a_dead_entry if {
	# RSYNC-034 reports it: rsync never reads that password.
	not "RSYNC-032" in t.ids(secrets.findings) with input as secrets_doc(entry("ann", {"dead": true}))
}

test_rsync_033_fires_at_each_entry_that_shares_its_password if {
	some f in secrets.findings with input as secrets_doc(entry("ann", {"weak": false, "reused": true, "line": 3}))
	f.rule_id == "RSYNC-033"
	f.location == {"file": "rsyncd.secrets", "line": 3, "column": 1}
	f.message == "/etc/rsyncd.secrets: user \"ann\" shares its password with another entry."
}

test_rsync_034_says_why_an_entry_is_dead if {
	dead := {f.message |
		some f in secrets.findings with input as secrets_doc(entry("ann", {"weak": false, "dead": true}))
		f.rule_id == "RSYNC-034"
	}
	dead == {"/etc/rsyncd.secrets line 2: the entry for user \"ann\" is never used (an earlier line has the same name)."}
	indented := {f.message |
		some f in secrets.findings with input as secrets_doc(entry("ann", {"weak": false, "unmatchable": true}))
		f.rule_id == "RSYNC-034"
	}
	indented == {"/etc/rsyncd.secrets line 2: the entry for user \"ann\" is never used (leading whitespace keeps it from ever matching)."}
}

test_rsync_035_fires_when_the_secrets_file_is_inside_an_exported_path if {
	m := t.module({"path": "/srv/m/./data", "secrets file": "/srv/m/data/rsyncd.secrets"}, {})
	some f in secrets.findings with input as t.doc([m], {})
	f.rule_id == "RSYNC-035"
	f.location == {"file": "rsyncd.conf", "line": 5, "column": 5}
	f.message == "Module [m] exports /srv/m/./data, which contains the secrets file /srv/m/data/rsyncd.secrets."
}

test_rsync_035_quiet_for_a_sibling_directory_with_the_same_prefix if {
	m := t.module({"path": "/srv/m", "secrets file": "/srv/mirror.secrets"}, {})
	not "RSYNC-035" in t.ids(secrets.findings) with input as t.doc([m], {})
}

test_rsync_036_fires_for_a_module_secrets_file_in_var_tmp if {
	m := t.module({"auth users": "ann", "secrets file": "/var/tmp/s"}, {"auth_required": true})
	some f in secrets.findings with input as t.doc([m], {})
	f.rule_id == "RSYNC-036"
	f.module == "m"
}

test_rsync_036_quiet_for_a_secrets_file_under_etc_or_a_tmp_lookalike if {
	m := t.module({"auth users": "ann", "secrets file": "/tmpfiles/s"}, {"auth_required": true})
	not "RSYNC-036" in t.ids(secrets.findings) with input as t.doc([m], {})
}

test_rsync_032_counts_a_one_character_password_in_the_singular if {
	some f in secrets.findings with input as secrets_doc(entry("ann", {"length": 1}))
	f.rule_id == "RSYNC-032"
	contains(f.message, "\"ann\" is weak (1 character)")
}
