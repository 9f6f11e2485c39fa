import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { launchFromArgv, launchFromScript, readImageConfig } from './image-config.ts';

const launch = suite('launchFromArgv and launchFromScript');

launch('finds rsync --daemon and its --config in exec form, both spellings', () => {
  assert.equal(launchFromArgv(['rsync', '--daemon', '--config=/srv/a.cfg']), {
    daemon: true,
    configs: ['/srv/a.cfg'],
    programs: ['rsync'],
    daemonArgs: [['--daemon', '--config=/srv/a.cfg']],
    passed: new Map([['rsync', ['--daemon', '--config=/srv/a.cfg']]]),
  });
  assert.equal(launchFromArgv(['/usr/bin/rsync', '--no-detach', '--daemon', '--config', 'b.cfg']).configs, ['b.cfg']);
});

launch('reads sh -c strings, wrappers and assignments', () => {
  const l = launchFromArgv(['/bin/sh', '-c', 'mkdir -p /run && RSYNC_X=1 exec su-exec nobody rsync --daemon --config "/srv/c d.cfg"']);
  assert.ok(l.daemon);
  assert.equal(l.configs, ['/srv/c d.cfg']);
});

launch('takes Cmd options when the entrypoint script hands over "$@"', () => {
  assert.equal(launchFromArgv(['/entrypoint.sh', 'rsync', '--daemon', '--config=/x.cfg']).configs, ['/x.cfg']);
});

launch('a script: comments ignored, programs listed for following', () => {
  const l = launchFromScript('#!/bin/sh\n# rsync --daemon --config=/nope\nset -e\n/usr/local/bin/prepare\nexec rsync --daemon --config=/srv/y.cfg\n');
  assert.equal(l.configs, ['/srv/y.cfg']);
  assert.ok(l.programs.includes('/usr/local/bin/prepare'));
});

launch("a script's rsync --daemon keeps its arguments, where --address and -M are (reach.ts)", () => {
  const l = launchFromScript('#!/bin/sh\nexec rsync --daemon --no-detach --address=0.0.0.0 -M "port=8730"\n');
  assert.equal(l.daemonArgs, [['--daemon', '--no-detach', '--address=0.0.0.0', '-M', 'port=8730']]);
});

launch("\"$@\" in the daemon's command line is what the shell is given: a sh -c string's words after $0, a script's arguments", () => {
  const viaShell = launchFromArgv(['sh', '-c', 'exec rsync --daemon --no-detach "$@"', '--', '--address=0.0.0.0']);
  assert.ok(viaShell.daemonArgs.some((a) => a.includes('--address=0.0.0.0')));
  const script = launchFromScript('#!/bin/sh\nset -e\nexec rsync --daemon --no-detach "$@"\n', ['--address=0.0.0.0', '--config=/srv/z.cfg']);
  assert.equal(script.daemonArgs, [['--daemon', '--no-detach', '--address=0.0.0.0', '--config=/srv/z.cfg']]);
  assert.equal(script.configs, ['/srv/z.cfg']);
  assert.equal(launchFromArgv(['/entrypoint.sh', '--address=0.0.0.0']).passed?.get('/entrypoint.sh'), ['--address=0.0.0.0']);
});

launch('no daemon when rsync runs as a client', () => {
  assert.not.ok(launchFromArgv(['rsync', '-a', '/src', 'rsync://h/m']).daemon);
});

const config = suite('readImageConfig');

config('keeps the public fields, withholds credentials, keeps the raw argv only for launch analysis', () => {
  const r = readImageConfig({ config: { User: 'nobody', Entrypoint: ['rsync'], Cmd: ['--password=s'], Env: ['A_KEY=s', 'TZ=UTC'], ExposedPorts: { '873/tcp': {} }, WorkingDir: '/srv' } });
  assert.equal(r.config, {
    user: 'nobody',
    entrypoint: ['rsync'],
    cmd: ['--password=********'],
    exposed: ['873/tcp'],
    env: [
      { name: 'A_KEY', value: null },
      { name: 'TZ', value: 'UTC' },
    ],
  });
  assert.is(r.workdir, '/srv');
  assert.equal(r.argv, ['rsync', '--password=s']);
});

config('withholds a Cmd word that is the value of an option Entrypoint ends with', () => {
  const r = readImageConfig({ config: { Entrypoint: ['app', '--token'], Cmd: ['s3cr3t', '-v'] } });
  assert.equal(r.config.cmd, ['********', '-v']);
});

config('expands $VAR in paths from the Env, but never a credential-like one', () => {
  const r = readImageConfig({ config: { Env: ['CONF=/srv/a.cfg', 'DB_PASSWORD=hunter2'] } });
  assert.is(r.expand('${CONF}'), '/srv/a.cfg');
  assert.is(r.expand('/x/$DB_PASSWORD'), null);
});

launch.run();
config.run();
