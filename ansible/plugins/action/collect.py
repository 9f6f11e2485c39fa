# -*- coding: utf-8 -*-
# rsyncguard.audit.collect: runs rsyncguard's POSIX collector on the host and returns its document.
#
# An action plugin rather than a module: a module needs Python on the host, and the collector needs only sh
# and awk. The script is streamed to `sh -s` on the connection's stdin (as `rsyncguard sweep` does over ssh),
# so nothing is copied to the host, no remote temporary directory is made, and nothing stays behind.
#
# Every outcome gets one of `rsyncguard sweep`'s statuses (src/runner/sweep-results.ts), so the role can write
# the same results file a sweep writes and `rsyncguard eval` accounts for every host the same way.
from __future__ import annotations

import json
import os
import re
import shlex
import signal
import time

from ansible.errors import AnsibleConnectionFailure, AnsibleError
from ansible.module_utils.common.text.converters import to_bytes, to_text
from ansible.plugins.action import ActionBase
from ansible_collections.rsyncguard.audit.plugins.plugin_utils.outcome import child_pids, last_line, ssh_failure, without_connection_sharing

SCHEMA = 'rsyncguard/host-raw@1'
DEFAULT_MAX_OUTPUT = 16 * 1024 * 1024
# The collector is some hundred lines of sh: a larger "collector" is the wrong file.
MAX_COLLECTOR = 1024 * 1024


def bundled_collector():
    """files/rsync-facts.sh of the built collection (scripts/build-collection.sh copies it there)."""
    return os.path.normpath(os.path.join(os.path.dirname(__file__), '..', '..', 'files', 'rsync-facts.sh'))


def printable(text, limit):
    """The first bytes of what a host printed, made printable: that output may be anything."""
    return re.sub(r'[^\x20-\x7e]', '?', text[:limit])


class ActionModule(ActionBase):
    TRANSFERS_FILES = False

    ARGUMENT_SPEC = {
        'collector': {'type': 'path'},
        'host_name': {'type': 'str'},
        'max_output': {'type': 'int', 'default': DEFAULT_MAX_OUTPUT},
        'timeout': {'type': 'int', 'default': 0},
        'share_connection': {'type': 'bool', 'default': False},
    }

    def run(self, tmp=None, task_vars=None):
        task_vars = task_vars or {}
        result = super(ActionModule, self).run(tmp, task_vars)
        del tmp
        _, args = self.validate_argument_spec(argument_spec=self.ARGUMENT_SPEC)
        host = args['host_name'] or task_vars.get('inventory_hostname') or self._play_context.remote_addr
        started = time.monotonic()

        def outcome(status, reason, document=None, unreachable=False):
            seconds = round(time.monotonic() - started, 3)
            result['changed'] = False
            result['rsyncguard_outcome'] = {'host': host, 'status': status, 'reason': reason, 'seconds': seconds}
            if document is not None:
                result['document'] = document
                return result
            result['msg'] = '%s: %s' % (status, reason)
            result['unreachable' if unreachable else 'failed'] = True
            return result

        collector = args['collector'] or bundled_collector()
        try:
            if os.path.getsize(collector) > MAX_COLLECTOR:
                raise ValueError('larger than %d bytes' % MAX_COLLECTOR)
            with open(collector, 'rb') as f:
                script = f.read(MAX_COLLECTOR + 1)
        except (OSError, ValueError) as e:
            # A controller-side problem, not the host's: fail the task plainly, with no outcome to record.
            result['failed'] = True
            result['msg'] = 'cannot read the collector %s: %s (build the collection with scripts/build-collection.sh, or set collector)' % (collector, e)
            return result

        if not args['share_connection']:
            try:
                self._connection.set_option('ssh_args', without_connection_sharing(self._connection.get_option('ssh_args')))
            except (KeyError, AnsibleError):
                pass  # Not the ssh connection plugin: nothing of ssh's to turn off.

        # The host is named as the inventory names it, whatever its kernel calls itself (as sweep does).
        cmd = 'RSYNCGUARD_HOST_NAME=%s sh -s' % shlex.quote(host)
        deadline = args['timeout']
        expired = []

        # The task keyword `timeout` would abandon the ssh process (it raises inside the connection plugin and
        # the worker exits): it stays connected to a hung host. This worker's only children are the
        # connection's, so at the deadline they are killed, the connection plugin sees them end and returns.
        def on_alarm(signum, frame):
            expired.append(True)
            for pid in child_pids(os.getpid()):
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass

        previous = signal.signal(signal.SIGALRM, on_alarm) if deadline > 0 else None
        if deadline > 0:
            signal.alarm(deadline)
        try:
            res = self._low_level_execute_command(cmd, in_data=script, sudoable=True)
        except AnsibleConnectionFailure as e:
            if expired:
                return outcome('timeout', 'no complete answer within %d s' % deadline, unreachable=True)
            status, reason = ssh_failure(to_text(e))
            return outcome(status, reason, unreachable=True)
        finally:
            if deadline > 0:
                signal.alarm(0)
                signal.signal(signal.SIGALRM, previous)
        if expired:
            return outcome('timeout', 'no complete answer within %d s' % deadline)

        stdout = res.get('stdout', '')
        size = len(to_bytes(stdout, errors='surrogate_then_replace'))
        if res.get('rc') != 0:
            return outcome('collector-error', last_line(res.get('stderr', '')) or 'exit %s' % res.get('rc'))
        # The connection plugin has read it all by now; the cap still keeps an oversized answer out of the results.
        if size > args['max_output']:
            return outcome('output-too-large', 'more than %d bytes of output' % args['max_output'])
        try:
            document = json.loads(stdout)
        except ValueError:
            return outcome('malformed-output', 'the collector\'s output is not JSON (%d bytes, starts "%s")' % (size, printable(stdout, 40)))
        if not isinstance(document, dict) or document.get('schema') != SCHEMA:
            return outcome('malformed-output', 'the collector\'s output is not a %s document' % SCHEMA)
        host_block = document.get('host')
        if isinstance(host_block, dict):
            host_block['name'] = host
        return outcome('ok', '', document=document)
