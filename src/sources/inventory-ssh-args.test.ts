import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkSshArgs, shlexSplit } from './inventory-ssh-args.ts';

const args = suite('ssh arguments from an Ansible inventory');

args('split as Python shlex.split splits them (as Ansible does)', () => {
  const texts = ['-o A=b -o C=d', '-o ProxyCommand="ssh -W %h:%p -q user@bastion"', "-o 'ProxyJump=a b' -v", '-o X="a \\"q\\" b"', 'a\\ b  c', "-o 'it'\\''s'", '  ', '-o "#notacomment" # neither'];
  const py = spawnSync('python3', ['-c', 'import json, shlex, sys\nprint(json.dumps([shlex.split(t) for t in json.load(sys.stdin)]))'], { input: JSON.stringify(texts), encoding: 'utf8' });
  assert.is(py.status, 0, py.stderr);
  assert.equal(
    texts.map((t) => shlexSplit(t)),
    JSON.parse(py.stdout),
  );
  assert.is(shlexSplit('-o "open'), null);
});

args('normalised to one option per word, its argument the next word', () => {
  assert.equal(checkSshArgs(['-4Cv', '-oA=b', '-p2222', '-o', 'ProxyCommand=ssh -W %h:%p bastion', '-J', 'ops@jump:2200', '-i', '-odd-key-name']), {
    args: ['-4', '-C', '-v', '-o', 'A=b', '-p', '2222', '-o', 'ProxyCommand=ssh -W %h:%p bastion', '-J', 'ops@jump:2200', '-i', '-odd-key-name'],
    dropped: [],
    kept: [],
  });
});

args('what would change the session or the command is refused, by option name only', () => {
  for (const [words, why] of [
    [['hostname'], /word 1, which is not an ssh option/],
    [['-v', 'sh', '-c', 'id'], /word 2/],
    [['--'], /"--"/],
    [['-'], /word 1/],
    [['-N'], /-N, which runs no command/],
    [['-vn'], /-n, which closes ssh's input/],
    [['-T', '-t'], /-t, which forces a terminal/],
    [['-W', 'secret:22'], /-W, which forwards/],
    [['-O', 'exit'], /-O/],
    [['-E', '/tmp/log'], /-E, which sends ssh's messages to a file/],
    [['-o', 'RemoteCommand=cat /etc/shadow'], /-o remotecommand, which replaces the collector/],
    [['-oLocalCommand=touch /tmp/x', '-o', 'PermitLocalCommand=yes'], /-o localcommand/],
    [['-o', 'requesttty force'], /-o requesttty/],
    [['-o', 'Match exec "x"'], /only in a file/],
    [['-Z'], /-Z, which is not an ssh option/],
    [['-o'], /ends with ssh option -o, which needs an argument/],
    [['-o', 'A=b\nRemoteCommand=x'], /control character/],
  ] as const) {
    const r = checkSshArgs([...words]);
    assert.ok('error' in r, words.join(' '));
    if ('error' in r) {
      assert.match(r.error, why, words.join(' '));
      assert.not.match(r.error, /shadow|secret|\/tmp/, words.join(' '));
    }
  }
});

args('connection sharing and weaker host-key checking are left out, and said', () => {
  const r = checkSshArgs(['-o', 'StrictHostKeyChecking=no', '-o', 'stricthostkeychecking accept-new', '-o', 'StrictHostKeyChecking=yes', '-M', '-S', '/tmp/cm', '-o', 'ControlPersist=60s', '-o', 'ControlMaster=auto', '-C']);
  assert.ok(!('error' in r));
  if ('error' in r) return;
  assert.equal(r.args, ['-o', 'StrictHostKeyChecking=yes', '-C']);
  assert.is(r.dropped.length, 6);
  assert.match(r.dropped.join('\n'), /StrictHostKeyChecking.*--accept-new-host-keys/);
  assert.match(r.dropped.join('\n'), /controlpersist \(connection sharing/);
});

args('-q and -y are left out: they would hide why a host failed (a changed host key read as exit 255)', () => {
  const r = checkSshArgs(['-q', '-Cy', '-vq', '-o', 'ConnectTimeout=5']);
  assert.ok(!('error' in r));
  if ('error' in r) return;
  assert.equal(r.args, ['-C', '-v', '-o', 'ConnectTimeout=5']);
  assert.is(r.dropped.length, 3);
  assert.match(r.dropped.join('\n'), /^-q \(ssh's messages name each failure/m);
  assert.match(r.dropped.join('\n'), /^-y \(/m);
});

args('-F is kept and said: ssh reads the last -F, so it replaces --ssh-config for the host', () => {
  const r = checkSshArgs(['-F', '/etc/ssh/other.conf']);
  assert.ok(!('error' in r));
  if ('error' in r) return;
  assert.equal(r.args, ['-F', '/etc/ssh/other.conf']);
  assert.is(r.kept.length, 1);
  assert.match(r.kept[0] as string, /^-F \(this ssh_config replaces --ssh-config/);
  assert.not.match(r.kept[0] as string, /other\.conf/);
  // What the note says of ssh itself: of two -F, the last one is read.
  const dir = mkdtempSync(join(tmpdir(), 'rg-sshf-'));
  try {
    writeFileSync(join(dir, 'a'), 'Port 1111\n');
    writeFileSync(join(dir, 'b'), 'Port 2222\n');
    const g = spawnSync('ssh', ['-G', '-F', join(dir, 'a'), '-F', join(dir, 'b'), 'example.invalid'], { encoding: 'utf8' });
    assert.is(g.status, 0, g.stderr);
    assert.match(g.stdout, /^port 2222$/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

args('an -o keyword that is not a bare word is refused: ssh strips the quotes and would run it', () => {
  const sneaky = ['"RemoteCommand" touch /tmp/x', 'Remote"Command" touch /tmp/x', '=RemoteCommand touch /tmp/x', '"LocalCommand"=touch /tmp/x'];
  for (const arg of sneaky) {
    // ssh itself reads each of these as the keyword (the guarantee the check must keep).
    const g = spawnSync('ssh', ['-G', '-o', arg, 'example.invalid'], { encoding: 'utf8' });
    assert.is(g.status, 0, g.stderr);
    assert.match(g.stdout, /^(remote|local)command touch/m, arg);
    for (const words of [['-o', arg], [`-o${arg}`]]) {
      const r = checkSshArgs(words);
      assert.ok('error' in r, arg);
      if ('error' in r) {
        assert.match(r.error, /keyword is not a bare word/, arg);
        assert.not.match(r.error, /touch|tmp/, arg);
      }
    }
  }
  // Any other quoting is refused alike, whether ssh would read it or not.
  const single = checkSshArgs(['-o', "'RemoteCommand'=x"]);
  assert.ok('error' in single && /bare word/.test(single.error));
  // Bare keywords with "=" or whitespace, spaces before and around, still pass or are refused by name.
  for (const [arg, ok] of [
    ['ConnectTimeout=5', true],
    ['  ConnectTimeout = 5', true],
    [' LocalCommand=x', false],
    ['PermitLocalCommand yes', false],
  ] as const) {
    const r = checkSshArgs(['-o', arg]);
    assert.is(!('error' in r), ok, arg);
    if ('error' in r) assert.match(r.error, /localcommand/, arg);
  }
});

args.run();
