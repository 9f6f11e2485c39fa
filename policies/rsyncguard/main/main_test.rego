package rsyncguard.main_test

import data.rsyncguard.main

# Every rule fixture (written by scripts/policy-fixtures.ts from test/fixtures/rules): the rule fires
# exactly at the places fires.conf states and stays quiet on the fixed configuration.
test_every_fixture_fires_or_stays_quiet if {
	count(data.fixtures) >= 100
	every fx in data.fixtures {
		ids := {f.rule_id | some f in main.findings} with input as fx.input
		every id in fx.fires {
			id in ids
		}
		every id in fx.quiet {
			not id in ids
		}
	}
}

test_every_fires_fixture_finds_its_rule_exactly_where_it_says if {
	every fx in data.fixtures {
		found := {[f.rule_id, f.location.file, f.location.line] |
			some f in main.findings with input as fx.input
			f.rule_id in fx.fires
		}
		found == {[e.rule, e.file, e.line] | some e in fx.at}
	}
}

empty_document := {
	"config": {"modules": [], "files": [], "diagnostics": [], "global": {}, "listener": {}},
	"secrets": [],
	"daemon": {"listeners": [], "processes": [], "units": []},
	"image": null,
	"rsync": {"version": null},
	"context": {"daemon_user": "root", "rsync_version": "3.5.0"},
}

test_a_clean_document_has_no_findings if {
	count(main.findings) == 0 with input as empty_document
}
