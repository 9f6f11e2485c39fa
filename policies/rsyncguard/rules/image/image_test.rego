package rsyncguard.rules.image_test

import data.rsyncguard.rules.image
import data.rsyncguard.testing as t

img := {
	"ref": "r/rsyncd:1", "digest": null, "exposed_ports": [], "user": "0:0",
	"entrypoint": ["rsync", "--daemon"], "cmd": [], "env": [], "files": [], "layer_secrets": [], "starts_daemon": true,
}

test_rsync_091_reads_uid_0_as_root if {
	"RSYNC-091" in t.ids(image.findings) with input as t.doc([], {"image": img})
}

test_rsync_092_reports_a_secrets_file_still_present if {
	d := t.doc([], {"image": object.union(img, {"layer_secrets": [{"path": "/etc/rsyncd.secrets", "layer": "sha256:1", "deleted_later": false}]})})
	some f in image.findings with input as d
	f.rule_id == "RSYNC-092"
	endswith(f.message, "/etc/rsyncd.secrets.")
}

test_rsync_093_reports_rsync_password_in_env if {
	d := t.doc([], {"image": object.union(img, {"env": [{"name": "PATH", "value": "/bin"}, {"name": "RSYNC_PASSWORD", "value": null}]})})
	some f in image.findings with input as d
	f.rule_id == "RSYNC-093"
	f.path == "image.env[1]"
}

test_rsync_093_ignores_other_variables if {
	not "RSYNC-093" in t.ids(image.findings) with input as t.doc([], {"image": object.union(img, {"env": [{"name": "RSYNC_PASSWORD_FILE", "value": "/run/secrets/rsync"}]})})
}
