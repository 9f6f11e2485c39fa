# -*- coding: utf-8 -*-
# rsyncguard.audit.record: writes every host's outcome of rsyncguard.audit.collect to one results file on the
# controller, in the JSON Lines format of `rsyncguard sweep --results` (src/runner/sweep-results.ts), so that
# `rsyncguard eval RESULTS` accounts for the hosts that could not be read exactly as a sweep does.
#
# One run on the controller reads every host's registered result: each host writing its own line would need
# the output directory before the collector runs and would lose the hosts Ansible stopped (a task timeout, a
# host that left the play), which are the ones the file must name.
from __future__ import annotations

import json
import os
import re
import tempfile

from ansible.module_utils.common.text.converters import to_text
from ansible.plugins.action import ActionBase
from ansible_collections.rsyncguard.audit.plugins.plugin_utils.outcome import last_line, ssh_failure

TIMED_OUT = 'failed to execute in the expected time frame'


def group_of(hostvars):
    """rsyncguard_group when set; else the host's first group by name (Ansible sorts group_names)."""
    group = hostvars.get('rsyncguard_group')
    if group:
        return to_text(group)
    names = [to_text(g) for g in hostvars.get('group_names') or []]
    return sorted(names)[0] if names else 'ungrouped'


def outcome_of(host, group, result):
    """One line of the results file for HOST, from what the collect task registered (or did not)."""
    base = {'host': host, 'group': group}
    if not isinstance(result, dict):
        return dict(base, status='collector-error', reason='no collection result: the host left the play before the collector ran', seconds=0)
    found = result.get('rsyncguard_outcome')
    if isinstance(found, dict) and found.get('status') == 'ok' and isinstance(result.get('document'), dict):
        return dict(base, status='ok', reason='', seconds=found.get('seconds', 0), raw=result['document'])
    if isinstance(found, dict) and found.get('status'):
        return dict(base, status=to_text(found['status']), reason=to_text(found.get('reason', '')), seconds=found.get('seconds', 0))
    # Ansible stopped it before (or instead of) the plugin answering: its message is all there is.
    message = to_text(result.get('msg', ''))
    if result.get('skipped'):
        return dict(base, status='collector-error', reason='the collector did not run: the task was skipped', seconds=0)
    if TIMED_OUT in message:
        # Worded as sweep words its own --timeout.
        limit = re.search(r'time frame \((\d+)\)', message)
        return dict(base, status='timeout', reason='no complete answer within %s s' % limit.group(1) if limit else last_line(message), seconds=0)
    if result.get('unreachable'):
        status, reason = ssh_failure(message)
        return dict(base, status=status, reason=reason, seconds=0)
    return dict(base, status='collector-error', reason=last_line(message) or 'the collector failed', seconds=0)


def plain(value):
    """Ansible's unsafe strings and lazy mappings as plain JSON values."""
    if isinstance(value, dict):
        return {to_text(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, str):
        return to_text(value)
    return value


class ActionModule(ActionBase):
    TRANSFERS_FILES = False

    ARGUMENT_SPEC = {
        'results': {'type': 'path', 'required': True},
        'hosts': {'type': 'list', 'elements': 'str', 'required': True},
        'register': {'type': 'str', 'default': 'rsyncguard_collected'},
    }

    def run(self, tmp=None, task_vars=None):
        task_vars = task_vars or {}
        result = super(ActionModule, self).run(tmp, task_vars)
        del tmp
        _, args = self.validate_argument_spec(argument_spec=self.ARGUMENT_SPEC)
        hostvars = task_vars['hostvars']
        lines = []
        counts = {}
        for host in args['hosts']:
            hv = hostvars[host]
            o = outcome_of(host, group_of(hv), plain(hv.get(args['register'])))
            counts[o['status']] = counts.get(o['status'], 0) + 1
            lines.append(json.dumps(o, ensure_ascii=False, separators=(',', ':'), allow_nan=False))
        path = args['results']
        directory = os.path.dirname(path) or '.'
        # Whole or not at all: a reader never sees half a file, and a rerun replaces the last run's file.
        fd, temp = tempfile.mkstemp(prefix='.results.', dir=directory)
        try:
            with os.fdopen(fd, 'w', encoding='utf-8') as f:
                f.write(''.join(line + '\n' for line in lines))
            os.chmod(temp, 0o600)
            os.replace(temp, path)
        except BaseException:
            try:
                os.unlink(temp)
            except OSError:
                pass
            raise
        result['changed'] = True
        result['results'] = path
        result['counts'] = counts
        result['msg'] = '%d hosts: %s' % (len(lines), ', '.join('%d %s' % (n, s) for s, n in sorted(counts.items())))
        return result
