# -*- coding: utf-8 -*-
# How rsyncguard names a host's outcome, shared by the collect and record action plugins (controller side).
from __future__ import annotations

import os
import re
import shlex
import subprocess

from ansible.module_utils.common.text.converters import to_text

# The same reading of ssh's words as src/sources/ssh-collect.ts (SSH_FAILURES), in the same order and with the
# same reasons: a sweep and this collection must name one failure alike, or their results files would disagree
# about the same host. A changed host key (a possible man in the middle) is not an unknown one.
SSH_FAILURES = (
    ('host-key-mismatch', re.compile(r'REMOTE HOST IDENTIFICATION HAS CHANGED|REVOKED HOST KEY|host key for .* has changed|differs from the key for the IP address|host key .* mismatch', re.I),
     'the host offered a key other than the one known for it (a possible man-in-the-middle): check the host, then replace its known_hosts entry'),
    ('host-key-unknown', re.compile(r'Host key verification failed|No \S+ host key is known', re.I),
     "no host key is known for it: check the host's key fingerprint, then run again with --accept-new-host-keys to trust it on first use"),
    ('auth-failed', re.compile(r'Permission denied|Too many authentication failures', re.I), None),
    ('timeout', re.compile(r'timed out|Timeout', re.I), None),
    ('unreachable', re.compile(r'Connection reset|Connection closed|kex_exchange_identification|Connection refused', re.I), None),
    ('unreachable', re.compile(r'No route to host|Network is unreachable|Could not resolve|Name or service not known', re.I), None),
)


# What Ansible's ssh connection puts before ssh's own words.
ANSIBLE_PREFIX = re.compile(r'^(Failed to connect to the host via ssh: |Data could not be sent to remote host "[^"]*"\. Make sure this host can be reached over ssh: )')


def ssh_lines(text):
    """ssh's own lines, without what Ansible puts before them and without notices about added keys."""
    lines = [ANSIBLE_PREFIX.sub('', line.strip()) for line in to_text(text, errors='surrogate_then_replace').splitlines()]
    return [line for line in lines if line and not line.startswith('Warning: Permanently added')]


def last_line(text):
    lines = ssh_lines(text)
    return lines[-1] if lines else ''


# Where sweep's reason names one of sweep's own flags, what an Ansible user does instead (the table above stays
# sweep's, word for word; only the advice differs).
ANSIBLE_REASONS = {
    'host-key-unknown': "no host key is known for it: check the host's key fingerprint, then add the key to the controller's "
                        "known_hosts (e.g. ssh-keyscan, compared with the fingerprint), or set "
                        "ansible_ssh_common_args='-o StrictHostKeyChecking=accept-new' for this host to trust it on first use",
}


def ssh_failure(message):
    """(status, reason) of a failed connection: the first kind any line matches, named by that line."""
    lines = ssh_lines(message)
    for status, pattern, reason in SSH_FAILURES:
        for line in lines:
            if pattern.search(line):
                return status, ANSIBLE_REASONS.get(status, reason) or line
    return 'ssh-error', lines[-1] if lines else 'exit 255'


def without_connection_sharing(ssh_args):
    """ssh_args without ControlMaster/ControlPersist/ControlPath, and `-o ControlMaster=no` first.

    The collector is the only command a host gets: a connection-sharing master would save nothing and
    outlive the play (ControlPersist), and a master still serving a hung session would outlive even a
    reset. On ssh's command line the first value of an option wins, so this also beats an ssh_config's
    `ControlMaster auto`.
    """
    words = shlex.split(ssh_args or '')
    kept = []
    skip = False
    for i, w in enumerate(words):
        if skip:
            skip = False
            continue
        value = w[2:] if w.startswith('-o') and len(w) > 2 else (words[i + 1] if w == '-o' and i + 1 < len(words) else None)
        if value is not None and re.match(r'(?i)\s*control(master|persist|path)\b', value):
            skip = w == '-o'
            continue
        kept.append(w)
    return ' '.join(shlex.quote(w) for w in ['-o', 'ControlMaster=no'] + kept)


def child_pids(parent):
    """The processes whose parent is PARENT: /proc where there is one, else pgrep -P (macOS, BSD)."""
    if os.path.isdir('/proc/self'):
        found = []
        for entry in os.listdir('/proc'):
            if not entry.isdigit():
                continue
            try:
                with open('/proc/%s/stat' % entry, 'rb') as f:
                    stat = f.read().decode('ascii', 'replace')
            except OSError:
                continue
            # pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
            fields = stat[stat.rfind(')') + 2:].split()
            if len(fields) > 1 and fields[1] == str(parent):
                found.append(int(entry))
        return found
    try:
        out = subprocess.run(['pgrep', '-P', str(parent)], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [int(p) for p in out.split() if p.isdigit()]
