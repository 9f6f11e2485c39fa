import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { discoverConfigs } from './discover.ts';

const discover = suite('discoverConfigs');

discover('lists a Dockerfile or unit whose mention of rsync comes after the first 16 KB; leaves out a long one that never mentions it', () => {
  const root = mkdtempSync(join(tmpdir(), 'rsyncguard-discover-'));
  try {
    const steps = Array.from({ length: 250 }, (_, i) => `RUN echo step ${i} of the build, logged for later inspection >> /var/log/build.log`).join('\n');
    writeFileSync(join(root, 'Dockerfile'), `FROM debian:bookworm\n${steps}\nRUN apt-get install -y rsync\nEXPOSE 873\nCMD ["rsync","--daemon","--no-detach"]\n`);
    const env = Array.from({ length: 600 }, (_, i) => `Environment=STEP_${i}=a-value-long-enough-to-fill-the-head`).join('\n');
    writeFileSync(join(root, 'backup.service'), `[Unit]\nDescription=backup\n[Service]\n${env}\nExecStart=/usr/bin/rsync --daemon --no-detach\n`);
    writeFileSync(join(root, 'web.Dockerfile'), `FROM nginx\n${steps}\nCMD ["nginx","-g","daemon off;"]\n`);
    const paths = discoverConfigs(root, { exclude: [] }).map((d) => d.path);
    assert.ok(paths.includes('Dockerfile'), paths.join(', '));
    assert.ok(paths.includes('backup.service'), paths.join(', '));
    assert.not.ok(paths.includes('web.Dockerfile'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

discover.run();
