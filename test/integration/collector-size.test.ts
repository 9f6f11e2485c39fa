/**
 * The collector's file sizes under dash and busybox sh (issue 21 §6: a size set in a command substitution's
 * subshell came out as `"size": null` everywhere). The collector runs in a mount namespace of its own with an
 * overlay on /etc (the machine's /etc below, awk's alternatives symlink included), so the files it reads are
 * the ones planted here, of sizes known here, and the real /etc is never written.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseHostRaw } from '../../src/sources/index.ts';

const COLLECTOR = resolve('collectors/rsync-facts.sh');

/** Sizes that a shared code path would not give by accident: all different, one with multibyte text. */
const FILES: Record<string, string> = {
  '/etc/rsyncd.conf': '# miroir — café\n[pub]\n    path = /srv/pub\n    read only = yes\n',
  '/etc/default/rsync': 'RSYNC_ENABLE=true\nRSYNC_OPTS=""\n',
};

function collectUnder(shell: string[]): { code: number | null; stdout: string; stderr: string } {
  const plant = Object.entries(FILES)
    .map(([path, text]) => `mkdir -p "$(dirname ${path})" && printf '%s' '${text}' > ${path}`)
    .join(' && ');
  const dir = mkdtempSync(join(tmpdir(), 'rg-collector-size-'));
  try {
    const overlay = `mkdir ${dir}/upper ${dir}/work && mount -t overlay overlay -o lowerdir=/etc,upperdir=${dir}/upper,workdir=${dir}/work /etc`;
    const script = `${overlay} && ${plant} && exec ${shell.join(' ')} ${COLLECTOR}`;
    const r = spawnSync('unshare', ['--mount', 'sh', '-c', script], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 });
    return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const size = suite('collector: file sizes under dash and busybox sh');

for (const shell of [['dash'], ['busybox', 'sh']]) {
  size(`${shell.join(' ')}: every planted file has its size in bytes, and mode and owner beside it`, () => {
    const r = collectUnder(shell);
    assert.is(r.code, 0, r.stderr);
    const parsed = parseHostRaw(JSON.parse(r.stdout), shell.join(' '));
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
    if (!parsed.ok) return;
    const seen = [...parsed.value.files, ...parsed.value.units.map((u) => u.file), ...parsed.value.defaults];
    for (const [path, text] of Object.entries(FILES)) {
      const f = seen.find((x) => x.path === path);
      assert.ok(f, `${path} was not collected (${seen.map((x) => x.path).join(', ')})`);
      assert.is(f?.size, Buffer.byteLength(text), `${path}: size`);
      assert.is(f?.mode, '644', `${path}: mode`);
      assert.is(f?.uid, 0, `${path}: uid`);
    }
  });
}

size.run();
