package rsyncguard.rules.image_test

import data.rsyncguard.rules.image
import data.rsyncguard.testing as t

img := {
	"ref": "r/rsyncd:1", "digest": null, "exposed_ports": [], "user": "0:0", "runs_as_root": {"value": true, "reason": "User \"0:0\" sets uid 0."},
	"entrypoint": ["rsync", "--daemon"], "cmd": [], "env": [], "files": [], "layer_secrets": [], "starts_daemon": true,
}

test_rsync_091_reads_uid_0_as_root if {
	"RSYNC-091" in t.ids(image.findings) with input as t.doc([], {"image": img})
}

# The rule reads the derived fact, never User: a User the facts call non-root (here "1000:0") is quiet, and
# one they call root (":1000", an empty user part) fires, whatever the string looks like.
test_rsync_091_follows_runs_as_root_not_user if {
	quiet := object.union(img, {"user": "1000:0", "runs_as_root": {"value": false, "reason": "uid 1000"}})
	not "RSYNC-091" in t.ids(image.findings) with input as t.doc([], {"image": quiet})
	loud := object.union(img, {"user": ":1000", "runs_as_root": {"value": true, "reason": "uid 0"}})
	"RSYNC-091" in t.ids(image.findings) with input as t.doc([], {"image": loud})
}

test_rsync_091_needs_the_daemon_started if {
	not "RSYNC-091" in t.ids(image.findings) with input as t.doc([], {"image": object.union(img, {"starts_daemon": false})})
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

# Each User form with the fact src/facts/effective.ts derives for it (src/facts/effective.test.ts holds the
# same table): only the user part sets the uid, and an empty one keeps uid 0.
users := {
	":1000": true, "0:0": true, "root:x": true, "0": true, "00": true,
	"1000:0": false, "rsync": false, "not-in-passwd": false,
}

test_rsync_091_on_each_user_form if {
	every user, root in users {
		d := t.doc([], {"image": object.union(img, {"user": user, "runs_as_root": {"value": root, "reason": ""}})})
		fired := "RSYNC-091" in t.ids(image.findings) with input as d
		fired == root
	}
}

# A Dockerfile (image.lines): each finding points at the line that causes it; a built image at the first file.
dockerfile := object.union(img, {
	"exposed_ports": ["873/tcp"], "user": null,
	"env": [{"name": "PATH", "value": "/bin"}, {"name": "RSYNC_PASSWORD", "value": null}],
	"lines": {"expose": 4, "user": null, "command": 9, "env": [2, 3]},
})

test_rsync_090_091_093_point_at_the_dockerfile_lines_that_cause_them if {
	d := t.doc([], {"image": dockerfile})
	lines := {f.rule_id: f.location.line | some f in image.findings with input as d}
	lines == {"RSYNC-090": 4, "RSYNC-091": 9, "RSYNC-093": 3}
}

test_rsync_091_points_at_a_user_line_that_keeps_root if {
	d := t.doc([], {"image": object.union(dockerfile, {"user": "root", "lines": {"expose": 4, "user": 7, "command": 9, "env": [2, 3]}})})
	some f in image.findings with input as d
	f.rule_id == "RSYNC-091"
	f.location == {"file": "rsyncd.conf", "line": 7, "column": 1}
}

test_rsync_090_on_a_built_image_points_at_the_first_file if {
	d := t.doc([], {"image": object.union(img, {"exposed_ports": ["873/tcp"]})})
	some f in image.findings with input as d
	f.rule_id == "RSYNC-090"
	f.location.line == 1
}

test_rsync_090_fires_on_the_daemon_port if {
	"RSYNC-090" in t.ids(image.findings) with input as _exposing(["873/tcp"])
}

test_rsync_090_quiet_on_a_port_that_only_starts_with_873 if {
	not "RSYNC-090" in t.ids(image.findings) with input as _exposing(["8730/tcp"])
}

_exposing(ports) := t.doc([], {"image": object.union(dockerfile, {"exposed_ports": ports})})
