package rsyncguard.rules.confinement_test

import data.rsyncguard.rules.confinement
import data.rsyncguard.testing as t

test_rsync_040_is_critical_when_anyone_can_write if {
	m := t.module({"use chroot": false, "read only": false}, {"anonymous_write": true})
	some f in confinement.findings with input as t.doc([m], {})
	f.rule_id == "RSYNC-040"
	f.severity == "critical"
	f.context != null
}

test_rsync_040_quiet_on_a_non_root_daemon if {
	m := t.module({"use chroot": false}, {})
	not "RSYNC-040" in t.ids(confinement.findings) with input as t.doc([m], {"context": {"daemon_user": "nonroot"}})
}

test_rsync_041_quiet_when_an_unset_use_chroot_chroots_on_a_root_daemon if {
	m := t.module({"munge symlinks": false}, {})
	not "RSYNC-041" in t.ids(confinement.findings) with input as t.doc([m], {})
}

test_rsync_041_fires_when_daemon_uid_drops_root if {
	m := t.module({"munge symlinks": false}, {})
	"RSYNC-041" in t.ids(confinement.findings) with input as t.doc([m], {"config": {"global": {"daemon uid": t.set("65534")}}})
}

test_rsync_049_reads_octal_modes if {
	every clause in ["F0666", "4755", "D2775"] {
		"RSYNC-049" in t.ids(confinement.findings) with input as t.doc([t.module({"incoming chmod": clause}, {})], {})
	}
	every clause in ["F0644", "0750", "Dgo-w"] {
		not "RSYNC-049" in t.ids(confinement.findings) with input as t.doc([t.module({"incoming chmod": clause}, {})], {})
	}
}
