import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseUnitSettings } from './systemd-unit.ts';

const units = suite('parseUnitSettings');

units('reads the account and the hardening directives a unit sets', () => {
  const s = parseUnitSettings('[Service]\nExecStart=/usr/bin/rsync --daemon --no-detach\nUser=rsync\nNoNewPrivileges=yes\nProtectSystem = strict\n');
  assert.equal(s, { user: 'rsync', hardening: ['NoNewPrivileges', 'ProtectSystem', 'User'] });
});

units('a directive set to a false value is not hardening', () => {
  const s = parseUnitSettings('[Service]\nPrivateTmp=no\nProtectHome=false\nPrivateDevices=0\nNoNewPrivileges=off\n');
  assert.equal(s, { user: null, hardening: [] });
});

units('a unit without User runs its daemon as root (no account named)', () => {
  assert.is(parseUnitSettings('[Service]\nExecStart=/usr/bin/rsync --daemon\n').user, null);
});

units.run();

const syntax = suite('parseUnitSettings: systemd.syntax(7)');

syntax('an empty assignment resets a setting: an override that clears User= runs as root', () => {
  assert.equal(parseUnitSettings('[Service]\nUser=rsync\nUser=\nPrivateTmp=yes\nPrivateTmp=\n'), { user: null, hardening: [] });
});

syntax('joins a line ending in a backslash with the next', () => {
  assert.equal(parseUnitSettings('[Service]\nExecStart=/usr/bin/rsync \\\n    --daemon\nUser=rsync\n'), { user: 'rsync', hardening: ['User'] });
});

syntax.run();
