import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { ConfigSource, IncludeTarget } from '../common/index.ts';
import { parseRsyncdConf } from './rsyncd-config.ts';

/** A daemon filesystem of a few files and one directory, /etc/rsyncd.d, listed as `entries`. */
function source(files: Record<string, string>): ConfigSource {
  return {
    resolve(name: string, from: string): IncludeTarget {
      // The loader resolves a directory's entries against `DIR/.`.
      const target = name.startsWith('/') ? name : `${from.slice(0, from.lastIndexOf('/'))}/${name}`;
      const dir = target.replace(/\/+$/, '');
      const entries = Object.keys(files)
        .filter((p) => p.startsWith(`${dir}/`))
        .map((p) => p.slice(dir.length + 1));
      if (entries.length > 0) return { kind: 'dir', path: dir, entries };
      const text = files[target];
      return text === undefined ? { kind: 'missing', path: target, reason: 'No such file or directory' } : { kind: 'file', path: target, bytes: Buffer.from(text) };
    },
  };
}

const MAIN = 'address = 127.0.0.1\n&include /etc/rsyncd.d\n[m]\npath = /srv\n';

const test = suite('startup parse: &include of a directory');

test('reads the *.conf files, as the full parse does (params.c include_config picks the pattern by directive)', () => {
  const config = parseRsyncdConf('/etc/rsyncd.conf', Buffer.from(MAIN), source({ '/etc/rsyncd.d/a.conf': 'address = 0.0.0.0\nport = 18009\n', '/etc/rsyncd.d/b.inc': 'port = 1\n' }));
  assert.is(config.listener['address']?.value, '0.0.0.0');
  assert.is(config.listener['port']?.value, 18009);
});

test('a fatal line in an included *.conf keeps the daemon from starting', () => {
  const config = parseRsyncdConf('/etc/rsyncd.conf', Buffer.from(MAIN), source({ '/etc/rsyncd.d/a.conf': '&bogus x\n[x]\npath = /tmp\n' }));
  assert.is(config.starts, false);
  assert.ok(config.diagnostics.some((d) => d.code === 'daemon-refuses-to-start' && d.at.file === '/etc/rsyncd.d/a.conf'));
});

test('&merge of a directory still reads *.inc only', () => {
  const config = parseRsyncdConf('/etc/rsyncd.conf', Buffer.from('&merge /etc/rsyncd.d\n[m]\npath = /srv\n'), source({ '/etc/rsyncd.d/a.conf': 'port = 2\n', '/etc/rsyncd.d/b.inc': 'port = 18010\n' }));
  assert.is(config.listener['port']?.value, 18010);
});

test.run();
