# METADATA
# title: Network exposure
# description: Where the daemon listens, and what crosses the network in clear text.
package rsyncguard.rules.exposure

import data.rsyncguard.lib

# METADATA
# title: Default port on every interface
# description: >-
#   Without `address` (or with a wildcard such as `address = 0.0.0.0`), the daemon binds every interface,
#   by default on port 873, the port every scanner tries first.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#address
# custom:
#   id: RSYNC-060
#   severity: low
#   security_severity: "3.7"
#   cwe: CWE-1327
#   compliance:
#     nist: [SC-7, CM-7]
#     pci: ["1.2.5", "1.3.1"]
#   tags: [network, exposure]
#   # Not reported for a read-only module declared public: daemon-wide: quiet only when every module is a read-only declared public one.
#   quiet_when_public: true
#   help: |
#     Bind the interface clients use (before the first module, not under `[global]`).
#
#     Prefer:
#     ```ini
#     address = 192.0.2.10
#     ```
findings contains f if {
	input.config.starts
	count(input.daemon.listeners) == 0 # a live host has RSYNC-080, from its real sockets
	_every_interface
	f := lib.global_finding("RSYNC-060", "address", concat("", ["The daemon listens on every interface", _port, _inside, "."]))
}

# config.effective.reach.every_interface: no `address` (before the first module, or on the command line),
# or a wildcard given explicitly (`address = 0.0.0.0` binds every IPv4 interface just the same).
_every_interface if input.config.effective.reach.every_interface == true

# A document made before reach had every_interface: no address is bound at all.
_every_interface if {
	not _knows_every_interface
	not _bound
}

_knows_every_interface if is_boolean(input.config.effective.reach.every_interface)

_bound if {
	v := input.config.listener.address.value
	is_string(v)
	v != ""
}

_bound if count(input.config.effective.reach.addresses) > 0

# An image that does not expose the port: every interface of the container, which only its peers reach.
default _inside := ""

_inside := concat("", ["; the image does not expose that port, so only ", lib.reach_who, " can connect"]) if lib.reach == "container"

# The daemon's port as it listens (config.effective.reach.port: `--port` and `-M port=` beat the file).
default _daemon_port := 873

_daemon_port := p if {
	p := input.config.effective.reach.port
} else := p if {
	p := input.config.listener.port.value
	p != 0
}

_port := " on the default port 873" if _daemon_port == 873

else := concat("", [" on port ", lib.text(_daemon_port)])

# METADATA
# title: No transport encryption off-host
# description: >-
#   The rsync daemon protocol is not encrypted: file contents, module names and user names cross the
#   network in clear text, and a listener on a public interface exposes them.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#AUTHENTICATION_STRENGTH
# custom:
#   id: RSYNC-061
#   severity: medium
#   security_severity: "5.9"
#   cwe: CWE-319
#   compliance:
#     nist: [SC-8, SC-8(1)]
#     pci: ["4.2.1", "2.2.5"]
#   tags: [network, crypto]
#   # Not reported for a read-only module declared public: daemon-wide: public data needs no secrecy in transit; quiet only when every module is public.
#   quiet_when_public: true
#   help: |
#     Reach the daemon over SSH (`rsync -e ssh host::module`) or put stunnel in front of it
#     (`accept = 874`, `exec = rsync`, `execargs = rsync --server --daemon .`) and bind rsync to loopback:
#     ```ini
#     address = 127.0.0.1
#     ```
findings contains f if {
	input.config.serves

	# Only processes on this machine can connect (config.effective.reach: the host's sockets, then
	# `--address`, then `address` before the first module): nothing crosses a network.
	lib.reach != "local"

	# Reachable only through a TLS front end (stunnel): the protocol crosses the network encrypted.
	not _tls_front_end
	count(input.config.modules) > 0
	f := lib.global_finding("RSYNC-061", "address", concat("", ["The daemon is reachable ", _reachable_by, " and rsync's protocol is not encrypted: use SSH or stunnel."]))
}

_tls_front_end if is_string(input.config.effective.reach.front_end)

_reachable_by := "off-host" if lib.reach == "any"

else := concat("", ["by ", lib.reach_who])

# METADATA
# title: Listener setting ignored under [global]
# description: >-
#   The listening daemon reads `address`, `port`, `pid file`, `listen backlog` and `socket options`
#   only before the first section header. Under an explicit `[global]` they are ignored:
#   `address = 127.0.0.1` there still binds every interface.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsyncd.conf.5#GLOBAL_PARAMETERS
# custom:
#   id: RSYNC-062
#   severity: medium
#   security_severity: "6.5"
#   cwe: CWE-1284
#   compliance:
#     nist: [CM-6, SC-7]
#     pci: ["2.2.6", "1.2.5"]
#   tags: [network, parsing]
#   help: |
#     Move listener settings to the top of the file, before any `[section]`.
findings contains f if {
	some name in ["address", "port", "pid file", "listen backlog", "socket options"]
	g := input.config.global[name]
	g.origin == "global"
	g.value != input.config.listener[name].value
	msg := concat("", ["\"", name, " = ", lib.text(g.value), "\" ", _why_unseen(input.config.listener[name], g)])
	f := lib.global_finding("RSYNC-062", name, msg)
}

# The listening daemon took its value from another file (an &include read at startup, whose globals the
# modules' pass undoes): that line is named. Otherwise the value it ignores came after a section header.
_why_unseen(l, g) := concat("", ["is not what the listening daemon uses: at startup it reads ", lib.text(l.value), " from ", l.file, ":", format_int(l.line, 10), "."]) if {
	l.origin == "global"
	is_string(l.file)
	l.file != g.file
} else := concat("", ["comes after a section header, so the listening daemon never sees it (it uses ", lib.text(_shown(l.value)), ")."])

_shown(null) := "its default"

_shown(v) := v if v != null

# METADATA
# title: PROXY protocol from any peer
# description: >-
#   With `proxy protocol = yes`, the client address (and every host rule) comes from a header the peer
#   sends. Before 3.5.0 any peer could send it (CVE-2026-53791); 3.5.0 needs `proxy protocol hosts`.
# related_resources:
#   - ref: https://www.cve.org/CVERecord?id=CVE-2026-53791
# custom:
#   id: RSYNC-063
#   severity: high
#   security_severity: "8.6"
#   cwe: CWE-290
#   compliance:
#     nist: [AC-3, IA-3, SC-7]
#     pci: ["1.4.2", "7.2.1"]
#   tags: [network, acl-bypass]
#   help: |
#     Name the proxies that may send the PROXY header in `proxy protocol hosts` (rsync 3.5.0).
#
#     Prefer:
#     ```ini
#     proxy protocol = yes
#     proxy protocol hosts = 10.0.0.5
#     ```
findings contains f if {
	input.config.global["proxy protocol"].value == true
	not lib.global_has_text("proxy protocol hosts")
	msg := concat(" ", [
		"\"proxy protocol = yes\" without \"proxy protocol hosts\":",
		"spoofed client addresses (before 3.5.0) or every connection refused (3.5.0).",
	])
	f := lib.global_finding("RSYNC-063", "proxy protocol", msg)
}
