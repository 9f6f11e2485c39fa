# -*- coding: utf-8 -*-
# Documentation only: rsyncguard.audit.collect is an action plugin (plugins/action/collect.py); no Python runs on the host.
from __future__ import annotations

DOCUMENTATION = r'''
module: collect
short_description: Run rsyncguard's POSIX collector on a host and return its document
description:
  - Streams rsyncguard's collector (sh and awk only) to C(sh -s) over the task's connection. No Python is
    needed on the host, nothing is copied there and nothing stays behind.
  - Returns the collector's C(rsyncguard/host-raw@1) document, and in every case C(rsyncguard_outcome) with a
    status named as C(rsyncguard sweep) names it (ok, unreachable, auth-failed, host-key-unknown,
    host-key-mismatch, timeout, ssh-error, collector-error, output-too-large, malformed-output).
  - Honours become (the collector then runs as the become user, e.g. root to read every daemon's files).
options:
  collector:
    description: The collector on the controller. Default, the copy the collection was built with.
    type: path
  host_name:
    description: How the document names the host. Default, the inventory name.
    type: str
  max_output:
    description: Largest document accepted, in bytes.
    type: int
    default: 16777216
  timeout:
    description:
      - Seconds for the whole exchange, connection included; 0 for none. At the deadline the task's ssh is
        killed and the outcome is C(timeout). Prefer it to the task keyword C(timeout), which abandons a
        running ssh process.
    type: int
    default: 0
  share_connection:
    description:
      - Let the ssh connection open a connection-sharing master (ssh_args as configured). By default the
        collector's ssh runs with C(-o ControlMaster=no) and without ControlPersist; its one command needs no
        master, and a master would outlive the play.
    type: bool
    default: false
author: rsyncguard contributors
'''

EXAMPLES = r'''
- name: Collect
  rsyncguard.audit.collect:
  register: collected
  ignore_unreachable: true
  ignore_errors: true
'''

RETURN = r'''
document:
  description: The collector's document (rsyncguard/host-raw@1), its host named as the inventory names it.
  returned: when the status is ok
  type: dict
rsyncguard_outcome:
  description: host, status, reason and seconds, as in a sweep's results file.
  returned: always, except when the collector cannot be read on the controller
  type: dict
'''
