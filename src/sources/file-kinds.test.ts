import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { classifyFile, FILE_KINDS, headText, worthSniffing } from './file-kinds.ts';

const kindOf = (path: string, text: string | Uint8Array) => classifyFile(path, text).kind.id;
const concerns = (path: string, text: string) => {
  const { kind } = classifyFile(path, text);
  return kind.analyzer !== 'none' && kind.concernsRsync(headText(text) ?? '', path);
};

const UNIT = '[Unit]\nDescription=rsync daemon\n\n[Service]\nExecStart=/usr/bin/rsync --daemon --no-detach\n';
const DOCKERFILE = 'FROM debian:12\nRUN apt-get install -y rsync\nEXPOSE 873\nCMD ["rsync", "--daemon", "--no-detach"]\n';
const RSYNCD = 'uid = nobody\n\n[data]\n  path = /srv/data\n  read only = yes\n';

const byContent = suite('classifyFile: each kind by its content');

byContent('tells every kind of the registry apart by content alone (a name that says nothing)', () => {
  const samples: Record<string, string> = {
    'rsyncd-config': RSYNCD,
    'rsync-secrets': '# users\nbackup:Correct-Horse-Battery-9\n@ops:another-long-password\n',
    'systemd-unit': UNIT,
    dockerfile: DOCKERFILE,
    stunnel: 'pid = /run/stunnel.pid\n[rsync]\naccept = 874\nconnect = 127.0.0.1:873\ncert = /etc/stunnel/rsync.pem\n',
    xinetd: 'service rsync\n{\n\tdisable = no\n\tsocket_type = stream\n\tserver = /usr/bin/rsync\n\tserver_args = --daemon\n}\n',
    supervisord: '[program:rsyncd]\ncommand=/usr/bin/rsync --daemon --no-detach\nuser=root\n',
    upstart: 'description "rsync daemon"\nstart on filesystem\nrespawn\nexec rsync --daemon --no-detach\n',
    hcl: 'job "rsync" {\n  group "g" {\n    task "rsyncd" {\n      driver = "docker"\n    }\n  }\n}\n',
    'shell-script': '#!/bin/sh\nexec rsync --daemon --no-detach\n',
    samba: '[global]\n   workgroup = WORKGROUP\n[public]\n   path = /srv/samba/public\n   read only = no\n   guest ok = yes\n',
  };
  for (const k of FILE_KINDS) if (k.content) assert.ok(samples[k.id] !== undefined, `no sample for ${k.id}`);
  for (const [id, text] of Object.entries(samples)) {
    const c = classifyFile('file', text);
    assert.is(c.kind.id, id, id);
    assert.is(c.by, 'content', id);
  }
});

byContent('reads a fragment of globals (rsyncd.conf.header, a &merge target) as rsyncd', () => {
  assert.is(kindOf('x', '[global]\ncharset = utf-8\nmax connections = 8\n'), 'rsyncd-config');
  assert.is(kindOf('x', '# overrides\nmax connections = 4\nuid = nobody\n'), 'rsyncd-config');
  assert.is(kindOf('x', '&include /etc/rsyncd.d\n'), 'rsyncd-config');
});

byContent('does not take YAML "key: value" lines for a secrets file', () => {
  assert.is.not(kindOf('vars', 'name: rsync\nstate: present\n'), 'rsync-secrets');
});

const byName = suite('classifyFile: names, and content over names');

byName('recognises kinds by name when the content says nothing', () => {
  const cases: [string, string][] = [
    ['rsyncd.conf', 'rsyncd-config'],
    ['roles/x/templates/rsyncd.conf.j2', 'rsyncd-config'],
    ['rsyncd.conf.erb', 'rsyncd-config'],
    ['addon/rsyncd.conf.gtpl', 'rsyncd-config'],
    ['rootfs/etc/rsyncd.conf.header', 'rsyncd-config'],
    ['rsyncd.conf.footer', 'rsyncd-config'],
    ['rsyncd.conf.inc', 'rsyncd-config'],
    ['cookbooks/x/templates/chef-rsyncd.conf.erb', 'rsyncd-config'],
    ['app.conf.j2', 'rsyncd-config'],
    ['etc/rsyncd.secrets', 'rsync-secrets'],
    ['rsync.service', 'systemd-unit'],
    ['rsyncd.socket', 'systemd-unit'],
    ['Dockerfile', 'dockerfile'],
    ['Containerfile', 'dockerfile'],
    ['docker/Dockerfile.alpine', 'dockerfile'],
    ['rsync.Dockerfile', 'dockerfile'],
    ['xinetd.d/rsync', 'xinetd'],
    ['deploy/rsync.nomad', 'hcl'],
    ['start.sh', 'shell-script'],
    ['README.md', 'markdown'],
    ['README', 'markdown'],
    ['salt/rsyncd/default.sls', 'yaml'],
    ['SOURCES.tsv', 'unknown'],
  ];
  for (const [path, id] of cases) assert.is(kindOf(path, '# nothing to go by\n'), id, path);
});

byName('lets content decide when content and name disagree', () => {
  assert.is(kindOf('rsyncd.conf', UNIT), 'systemd-unit');
  assert.is(kindOf('override.socket.conf', '[Socket]\nListenStream=\nListenStream=/run/rsyncd.sock\n'), 'systemd-unit');
  assert.is(kindOf('pi-stunnel-localhost.conf', RSYNCD), 'rsyncd-config');
  assert.is(kindOf('upstart-rsync.conf', 'start on filesystem\nexec rsync --daemon\n'), 'upstart');
  assert.is(kindOf('rsyncd.secrets', RSYNCD), 'rsyncd-config');
  assert.is(classifyFile('rsyncd.conf', UNIT).by, 'content');
});

byName('reads a generic config name with nothing recognisable as rsyncd.conf, as rsync reads any --config file', () => {
  assert.is(kindOf('fires.conf', '# only a comment\n'), 'rsyncd-config');
  assert.is(kindOf('empty.conf', ''), 'rsyncd-config');
  assert.is(classifyFile('notes', '').by, 'none');
});

const hostile = suite('classifyFile: hostile inputs');

hostile('a binary head matches no content test: only the name decides', () => {
  const binary = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0x5b, 0x55, 0x6e, 0x69, 0x74, 0x5d]);
  assert.is(headText(binary), null);
  assert.is(kindOf('a.out', binary), 'unknown');
  assert.is(kindOf('rsyncd.conf', binary), 'rsyncd-config');
});

hostile('reads past a head of comments, but only so far: a unit header after 256 KiB of comments does not make it a unit', () => {
  const unit = '[Unit]\nDescription=x\n[Service]\nExecStart=/usr/bin/rsync --daemon\n';
  assert.is(kindOf('blob', `${'# padding\n'.repeat(2000)}${unit}`), 'systemd-unit');
  assert.is(kindOf('blob', Buffer.from(`# ${'x'.repeat(20_000)}\n${unit}`)), 'systemd-unit');
  assert.is(kindOf('blob', Buffer.from(`${'# padding\n'.repeat(30_000)}${unit}`)), 'unknown');
});

hostile('an empty file is its name', () => {
  assert.is(kindOf('Dockerfile', ''), 'dockerfile');
  assert.is(kindOf('blob', ''), 'unknown');
});

hostile('a huge single line is classified without trouble and matches no kind by accident', () => {
  const long = `${'a'.repeat(2_000_000)}:${'b'.repeat(10)}`;
  const started = performance.now();
  assert.is.not(kindOf('blob', long), 'rsync-secrets');
  assert.ok(performance.now() - started < 2000);
});

hostile('CRLF line ends and a UTF-8 BOM do not hide a kind', () => {
  assert.is(kindOf('x', `\uFEFF${UNIT.replace(/\n/g, '\r\n')}`), 'systemd-unit');
  assert.is(kindOf('x', `\uFEFF${DOCKERFILE.replace(/\n/g, '\r\n')}`), 'dockerfile');
  assert.is(kindOf('x', `\uFEFF${RSYNCD.replace(/\n/g, '\r\n')}`), 'rsyncd-config');
  assert.is(kindOf('x', '\uFEFFbackup:Correct-Horse-Battery-9\r\n'), 'rsync-secrets');
});

const discovery = suite('FileKind.concernsRsync: what directory discovery lists');

discovery('lists Dockerfiles and units only when they concern rsync', () => {
  assert.ok(concerns('Dockerfile', DOCKERFILE));
  assert.not.ok(concerns('Dockerfile', 'FROM node:20\nRUN npm ci\nCMD ["node", "app.js"]\n'));
  assert.ok(concerns('deploy/rsyncd.service', UNIT));
  assert.not.ok(concerns('deploy/web.service', '[Unit]\nDescription=web\n[Service]\nExecStart=/usr/bin/node app.js\n'));
});

discovery('lists an xinetd service only when it starts rsync --daemon', () => {
  assert.ok(concerns('xinetd.d/rsync', 'service rsync\n{\n\tsocket_type = stream\n\tserver = /usr/bin/rsync\n\tserver_args = --daemon\n}\n'));
  assert.not.ok(concerns('xinetd.d/tftp', 'service tftp\n{\n\tsocket_type = dgram\n\tserver = /usr/sbin/in.tftpd\n}\n'));
});

discovery('lists a name:password file only under an rsync-ish name', () => {
  assert.ok(concerns('etc/rsyncd.secrets', 'backup:Correct-Horse-Battery-9\n'));
  assert.not.ok(concerns('etc/app.secrets', 'backup:Correct-Horse-Battery-9\n'));
});

discovery('opens only files whose name may be of a kind someone analyses', () => {
  for (const p of ['Dockerfile', 'docker/Containerfile.alpine', 'deploy/rsyncd.service', 'etc/rsyncd.secrets', 'xinetd.d/rsync', 'conf/app.conf', 'rsyncd.conf.j2']) assert.ok(worthSniffing(p), p);
  for (const p of ['src/app.ts', 'README.md', 'start.sh', 'package.json', 'stack.yaml']) assert.not.ok(worthSniffing(p), p);
});

discovery('never lists a kind nobody analyses', () => {
  assert.not.ok(concerns('rsync.sh', '#!/bin/sh\nexec rsync --daemon\n'));
});

discovery('keeps a stunnel service that relays, for the front end of a loopback daemon, whatever its name', () => {
  const stunnel = classifyFile('etc/stunnel/stunnel.conf', '[rsync]\naccept = 874\nconnect = 127.0.0.1:873\n').kind;
  assert.is(stunnel.id, 'stunnel');
  assert.ok(stunnel.concernsRsync('[rsync]\naccept = 874\nconnect = 127.0.0.1:873\n', 'etc/stunnel/stunnel.conf'));
  assert.not.ok(stunnel.concernsRsync('pid = /run/stunnel.pid\ncert = /x.pem\n', 'etc/stunnel/stunnel.conf'));
});

byContent.run();
byName.run();
hostile.run();
discovery.run();

const rsyncFirst = suite('classifyFile: rsync content in a file with an rsyncd name');

rsyncFirst('reads an rsyncd.conf as rsyncd whatever kind its banner or module names suggest, as rsync does', () => {
  // params.c: every line starting '#' is a comment; module names are any text; names ignore case and spaces.
  assert.is(kindOf('rsyncd.conf', '#!/bin/sh\n# generated by deploy.sh\nuid = root\nuse chroot = no\n[data]\npath = /srv\nread only = no\n'), 'rsyncd-config');
  assert.is(kindOf('rsyncd.conf', '#!!!! Managed by Puppet - local changes will be lost !!!!\n[data]\npath = /srv\n'), 'rsyncd-config');
  assert.is(kindOf('etc/rsyncd.conf', '[supervisord]\npath = /srv/super\nread only = no\nuse chroot = no\n'), 'rsyncd-config');
  assert.is(kindOf('etc/rsyncd.conf', '[program:files]\npath = /srv\nread only = no\n'), 'rsyncd-config');
  assert.is(kindOf('etc/rsyncd.conf', '[Service]\nPath=/srv/service\nReadOnly=no\nUseChroot=no\n'), 'rsyncd-config');
});

rsyncFirst('still calls a real unit, stunnel or supervisord file by its kind when rsync would find none of its parameters', () => {
  assert.is(kindOf('rsyncd.conf', UNIT), 'systemd-unit');
  assert.is(kindOf('stunnel-rsyncd.conf', 'pid = /run/stunnel.pid\n[rsync]\naccept = 874\nconnect = 127.0.0.1:873\ncert = /x.pem\n'), 'stunnel');
});

rsyncFirst('tells a shebang from a banner comment: #! followed by an interpreter path', () => {
  assert.is(kindOf('blob', '#!/usr/bin/env bash\nrsync --daemon\n'), 'shell-script');
  assert.is(kindOf('blob', '#! /bin/sh\nrsync --daemon\n'), 'shell-script');
  assert.is.not(kindOf('blob', '#!!! managed !!!\nrsync --daemon\n'), 'shell-script');
});

const foreign = suite('classifyFile: INI files that are not rsyncd.conf');

foreign('does not read Samba, MySQL, nginx or sysctl configs as rsyncd.conf', () => {
  const smb =
    '[global]\n   workgroup = WORKGROUP\n   server string = %h server (Samba)\n   security = user\n   map to guest = bad user\n\n[homes]\n   comment = Home Directories\n   browseable = no\n   read only = no\n   valid users = %S\n\n[public]\n   comment = Public share\n   path = /srv/samba/public\n   read only = no\n   guest ok = yes\n';
  assert.is(kindOf('etc/samba/smb.conf', smb), 'samba');
  assert.is(kindOf('smb.conf', '[data]\n  path = /srv/data\n  read only = no\n  writable = yes\n'), 'samba');
  assert.is(kindOf('roles/samba/templates/smb.conf.j2', '[public]\n  path = /srv/public\n  comment = Public\n  read only = yes\n  public = yes\n'), 'samba');
  assert.is(kindOf('my.cnf', '[mysqld]\nport = 3306\n'), 'unknown');
  assert.is(kindOf('mysql/server.conf', '[mysqld]\nport = 3306\ndatadir = /var/lib/mysql\nsocket = /run/mysqld.sock\nuser = mysql\n'), 'other-config');
  assert.is(kindOf('nginx.conf', 'user www-data;\nevents {\n  worker_connections 768;\n}\nhttp {\n  server {\n    listen 80;\n  }\n}\n'), 'other-config');
  assert.is(kindOf('sysctl.conf', '# kernel\nnet.ipv4.ip_forward = 1\nvm.swappiness = 10\n'), 'other-config');
});

foreign('finds rsyncd content in a file with any name: a module with path, or two rsync parameters', () => {
  assert.is(kindOf('etc/daemon.conf', 'address = 0.0.0.0\npid file = /tmp/rsyncd.pid\n\n[root]\npath = /\n'), 'rsyncd-config');
  assert.is(kindOf('mirror.cfg', '[archlinux]\npath = /srv/mirror\n'), 'rsyncd-config');
  assert.is(kindOf('backup.conf', `# ${'x'.repeat(20_000)}\n[backup]\npath = /srv\nread only = no\n`), 'rsyncd-config');
});

foreign('names templates of every common engine as rsyncd configs', () => {
  for (const path of ['templates/rsyncd.conf.epp', 'rsyncd.conf.tftpl', 'rsyncd.conf.ctmpl', 'rsyncd.conf.j2']) {
    assert.is(kindOf(path, '<%# nothing to go by %>\n'), 'rsyncd-config', path);
    assert.ok(worthSniffing(path), path);
  }
});

rsyncFirst.run();
foreign.run();

const samba = suite('classifyFile: Samba share words in a config rsync serves');

samba('reads a module with Samba share words as rsyncd: rsync ignores them and serves the module (reference §1.3)', () => {
  const text = 'pid file = /run/rsyncd.pid\nport = 8873\nuse chroot = no\n[share]\n    path = /srv/share\n    comment = shared files\n    read only = no\n    writable = yes\n    browseable = yes\n';
  assert.is(kindOf('rsyncd.conf', text), 'rsyncd-config');
  assert.is(kindOf('srv/backup.conf', '[backup]\npath = /srv/backup\nread only = false\nguest ok = yes\n'), 'rsyncd-config');
  assert.ok(concerns('srv/backup.conf', '[backup]\npath = /srv/backup\nread only = false\nguest ok = yes\n'));
  assert.ok(concerns('shares.conf', '[data]\n  path = /srv/data\n  read only = no\n  writable = yes\n'));
});

samba('still calls a file with Samba [global] parameters Samba', () => {
  assert.is(kindOf('x.conf', '[global]\nworkgroup = WORKGROUP\n[data]\npath = /srv\nread only = no\nguest ok = yes\n'), 'samba');
});

samba('reads a module whose protections are misspelt with underscores as rsyncd: rsync serves it to anyone', () => {
  const text = '[backup]\n    path = /srv/backup\n    auth_users = backup\n    secrets_file = /etc/rsyncd.secrets\n    hosts_allow = 10.0.0.0/8\n';
  assert.is(kindOf('us2/backup.conf', text), 'rsyncd-config');
  assert.ok(concerns('us2/backup.conf', text));
});

samba.run();

const everyday = suite('classifyFile: everyday INI files whose keys rsync also knows');

everyday('does not read setup.cfg, .gitmodules, git config, desktop entries, .network templates or my.cnf as rsyncd', () => {
  const files: Record<string, string> = {
    'setup.cfg': '[flake8]\nexclude = .git,__pycache__,build\nmax-line-length = 88\n\n[metadata]\nname = foo\n',
    'modules.conf': '[submodule "lib"]\n\tpath = lib\n\turl = https://example.org/lib.git\n',
    'gitconfig.conf': '[user]\n\tname = Alice\n\temail = alice@example.org\n[include]\n\tpath = ~/.gitconfig.local\n[core]\n\teditor = vim\n',
    '10-eth0.network.j2': '[Match]\nName=eth0\n\n[Network]\nAddress=192.168.1.2/24\nGateway=192.168.1.1\n',
    'foo.desktop.tmpl': '[Desktop Entry]\nType=Application\nName=Foo\nComment=Foo app\nExec=/usr/bin/foo\n',
    'svc.ini': '[Service]\nName=foo\nPath=/opt/foo\nPort=8080\nAddress=0.0.0.0\n',
    'my.cnf': '[client]\nport = 3306\nsocket = /run/mysqld/mysqld.sock\n[mysqld]\nuser = mysql\nport = 3306\nbind-address = 0.0.0.0\npid-file = /run/mysqld/mysqld.pid\ntimeout = 30\n',
  };
  for (const [path, text] of Object.entries(files)) {
    assert.is.not(kindOf(path, text), 'rsyncd-config', path);
    assert.not.ok(concerns(path, text), path);
  }
});

everyday.run();
