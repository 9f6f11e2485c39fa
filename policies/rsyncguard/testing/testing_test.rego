# Builders for the policy unit tests: a facts document with one module whose parameters default as
# rsync 3.5.0's table does, so each test states only what it is about.
package rsyncguard.testing

import data.rsyncguard.lib

set(v) := {"value": v, "raw": lib.text(v), "file": "rsyncd.conf", "line": 5, "column": 5, "origin": "module"}

unset(v) := {"value": v, "raw": null, "file": null, "line": null, "column": null, "origin": "default"}

defaults := {
	"path": set("/srv/m"),
	"read only": unset(true),
	"write only": unset(false),
	"list": unset(true),
	"auth users": unset(null),
	"secrets file": unset(null),
	"hosts allow": unset(null),
	"hosts deny": unset(null),
	"use chroot": unset("unset"),
	"munge symlinks": unset("unset"),
	"uid": unset(null),
	"gid": unset(null),
	"strict modes": unset(true),
	"max connections": unset(0),
	"lock file": unset("/var/run/rsyncd.lock"),
	"log file": unset(null),
	"transfer logging": unset(false),
	"auth digest": unset(null),
	"refuse options": unset(null),
	"fake super": unset(false),
	"insecure links": unset(false),
	"ignore nonreadable": unset(false),
	"incoming chmod": unset(null),
	"outgoing chmod": unset(null),
	"temp dir": unset(null),
	"early exec": unset(null),
	"pre-xfer exec": unset(null),
	"post-xfer exec": unset(null),
	"name converter": unset(null),
}

access := {
	"listed": true, "auth_required": false, "open_to_any_host": true,
	"host_allowed": {"ipv4": true, "ipv6": true}, "anonymous_read": true, "anonymous_write": false,
	"read": "ok", "write": "read-only", "reasons": [], "assumptions": [],
}

module(params, acc) := {
	"name": "m",
	"header": {"file": "rsyncd.conf", "line": 3, "column": 1},
	"shadowed": false,
	"params": object.union(defaults, {k: set(v) | some k, v in params}),
	"access": object.union(access, acc),
	"acl": {"allow": null, "deny": null},
	"auth_rules": [],
	"effective": effective({}),
}

# A module's effective facts as src/facts/effective.ts gives them for the defaults on a root daemon.
effective(over) := object.union(
	{
		"chroot": {"value": true, "reason": "unset, root"}, "disabled": {"value": false, "reason": "not negative"},
		"unusable": {"value": false, "reason": "served", "param": null},
		"transfer_uid_root": {"value": false, "reason": "unset: nobody"},
		"transfer_gid_root": {"value": false, "reason": "unset: nogroup"},
	},
	{k: {"value": v, "reason": "test"} | some k, v in over},
)

# The daemon-wide effective facts with modules running as root or not.
root(v) := {"config": {"effective": {"root": {"value": v, "reason": "test"}}}}

# Who can connect to the daemon (src/facts/reach.ts): "any", "private", "local" or "container".
reach(value, who) := {"config": {"effective": {"reach": {"value": value, "addresses": [], "who": who, "reason": "test"}}}}

doc(modules, over) := object.union(
	{
		"schema": "rsyncguard/facts@1",
		"target": {"kind": "file", "id": "rsyncd.conf", "display": "rsyncd.conf"},
		"context": {"daemon_user": "root", "rsync_version": "3.5.0", "today": "2026-11-25"},
		"rsync": {"version": null, "source": null},
		"config": {
			"starts": true, "serves": true, "partial": false,
			"files": [{"path": "rsyncd.conf", "sha256": "", "mode": null, "uid": null}],
			"global": {
				"daemon uid": unset(null), "daemon chroot": unset(null), "address": unset(null), "port": unset(0),
				"proxy protocol": unset(false), "proxy protocol hosts": unset(null),
			},
			"listener": {"address": unset(null), "port": unset(0)},
			"modules": modules, "diagnostics": [], "inline_waivers": [],
			"effective": {
				"root": {"value": true, "reason": "root, no daemon uid"},
				"reach": {"value": "any", "addresses": [], "who": "any host on the network", "reason": "no address"},
			},
		},
		"secrets": [],
		"daemon": {"processes": [], "listeners": [], "units": [], "probes": []},
		"image": null,
	},
	over,
)

ids(findings) := {f.rule_id | some f in findings}
