# METADATA
# title: Container images
# description: What an image will do when it runs an rsync daemon.
package rsyncguard.rules.image

import data.rsyncguard.lib

# METADATA
# title: Image exposes the rsync port
# description: The image declares 873/tcp, so platforms may publish it without anyone deciding to.
# related_resources:
#   - ref: https://docs.docker.com/reference/dockerfile/#expose
# custom:
#   id: RSYNC-090
#   severity: low
#   security_severity: "3.1"
#   cwe: CWE-1327
#   compliance:
#     nist: [CM-7, SC-7]
#     pci: ["1.2.5", "2.2.4"]
#   tags: [image, exposure]
#   help: |
#     Drop `EXPOSE 873` and publish the port deliberately where it is needed.
findings contains f if {
	some port in input.image.exposed_ports
	split(port, "/")[0] == format_int(_daemon_port, 10)
	f := lib.target_finding("RSYNC-090", "image.exposed_ports", _line_or_first(object.get(_lines, "expose", null)), concat("", ["Image ", input.image.ref, " exposes ", port, "."]))
}

# The port the daemon listens on (`--port`, `-M port=`, `port`, else 873: config.effective.reach.port).
default _daemon_port := 873

_daemon_port := input.config.effective.reach.port if is_number(input.config.effective.reach.port)

# METADATA
# title: Image runs the rsync daemon as root
# description: The image starts `rsync --daemon` as root, so a daemon bug is a root compromise of the container.
# related_resources:
#   - ref: https://docs.docker.com/reference/dockerfile/#user
# custom:
#   id: RSYNC-091
#   severity: medium
#   security_severity: "5.6"
#   cwe: CWE-250
#   compliance:
#     nist: [AC-6, SC-39]
#     pci: ["7.2.5", "2.2.6"]
#   tags: [image, privilege]
#   help: |
#     Add `USER rsync` and use `daemon uid`/`use chroot = no` settings that work unprivileged.
findings contains f if {
	input.image.starts_daemon

	# Whether User means root is derived once, in the facts (src/facts/effective.ts imageRunsAsRoot).
	input.image.runs_as_root.value
	f := lib.target_finding("RSYNC-091", "image.user", _root_at, concat("", ["Image ", input.image.ref, " runs rsync --daemon as root."]))
}

# A Dockerfile (image.lines) says where: the USER line that keeps root, else the command that starts the daemon.
_root_at := _line_or_first(_lines.user) if is_number(object.get(_lines, "user", null))

else := _line_or_first(object.get(_lines, "command", null))

# Absent for a built image: every location falls back to the first file.
_lines := object.get(input.image, "lines", {})

_env_line(i) := line if {
	line := _lines.env[i]
} else := null

# The line of the Dockerfile (config.files[0]) that sets it; a built image has no lines: the first file's start.
_line_or_first(line) := {"file": input.config.files[0].path, "line": line, "column": 1} if is_number(line)

else := lib.first_file_location

# METADATA
# title: Secrets file in an image layer
# description: >-
#   A secrets file baked into a layer ships its passwords to everyone who can pull the image, even when a
#   later layer deletes it.
# related_resources:
#   - ref: https://docs.docker.com/build/building/secrets/
# custom:
#   id: RSYNC-092
#   severity: high
#   security_severity: "7.5"
#   cwe: CWE-522
#   compliance:
#     nist: [IA-5(7), SC-28]
#     pci: ["8.3.2", "8.6.2"]
#   tags: [image, secrets]
#   help: |
#     Mount the secrets file at run time (a Kubernetes Secret, a Docker secret) instead of copying it in.
findings contains f if {
	some i, s in input.image.layer_secrets
	msg := concat("", ["Layer ", s.layer, " of ", input.image.ref, " holds the secrets file ", s.path, _deleted(s), "."])
	f := lib.target_finding("RSYNC-092", concat("", ["image.layer_secrets[", format_int(i, 10), "]"]), lib.first_file_location, msg)
}

_deleted(s) := " (deleted by a later layer, but still in the image)" if s.deleted_later

else := ""

# METADATA
# title: rsync password in the image environment
# description: >-
#   RSYNC_PASSWORD in the image config gives every client in the container a daemon password, and gives it to
#   everyone who can pull the image: `docker inspect` prints it.
# related_resources:
#   - ref: https://download.samba.org/pub/rsync/rsync.1#ENVIRONMENT_VARIABLES
# custom:
#   id: RSYNC-093
#   severity: high
#   security_severity: "7.5"
#   cwe: CWE-798
#   compliance:
#     nist: [IA-5(7)]
#     pci: ["8.6.2", "8.3.2"]
#   tags: [image, secrets]
#   help: |
#     Remove `ENV RSYNC_PASSWORD=…` and pass the password at run time from a mounted file:
#
#     ```
#     rsync --password-file=/run/secrets/rsync backup@host::module /dst
#     ```
findings contains f if {
	msg := concat("", ["Image ", input.image.ref, " sets RSYNC_PASSWORD in its environment."])
	some i, e in input.image.env
	e.name == "RSYNC_PASSWORD"
	f := lib.target_finding("RSYNC-093", concat("", ["image.env[", format_int(i, 10), "]"]), _line_or_first(_env_line(i)), msg)
}
