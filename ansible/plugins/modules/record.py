# -*- coding: utf-8 -*-
# Documentation only: rsyncguard.audit.record is an action plugin (plugins/action/record.py) run on the controller.
from __future__ import annotations

DOCUMENTATION = r'''
module: record
short_description: Write every host's rsyncguard.audit.collect outcome as a sweep results file
description:
  - Reads each host's registered collect result and writes one JSON line per host, in the format of
    C(rsyncguard sweep --results), to C(results), whole or not at all (mode 0600).
  - A host Ansible stopped before the collector answered (a task timeout, unreachable, skipped, or gone from
    the play) is recorded with a status saying so; no host is left out.
  - Run it once, on the controller (run_once, delegate_to localhost).
options:
  results:
    description: The results file to write (its directory must exist).
    type: path
    required: true
  hosts:
    description: The hosts to record, usually ansible_play_hosts_all.
    type: list
    elements: str
    required: true
  register:
    description: The variable the collect task registered.
    type: str
    default: rsyncguard_collected
author: rsyncguard contributors
'''

EXAMPLES = r'''
- name: Record
  rsyncguard.audit.record:
    results: "{{ out }}/results.jsonl"
    hosts: "{{ ansible_play_hosts_all }}"
  delegate_to: localhost
  run_once: true
'''

RETURN = r'''
counts:
  description: Hosts per status.
  returned: always
  type: dict
'''
