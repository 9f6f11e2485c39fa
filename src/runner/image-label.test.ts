import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Report } from '../report/index.ts';
import { imageLabel, labelImageReport } from './image-label.ts';

const digest = `sha256:${'a'.repeat(64)}`;
const label = suite('imageLabel');

label('a registry image is the reference as typed, with the digest it resolved to', () => {
  assert.is(imageLabel('127.0.0.1:5000/test/rsyncd:1', { digest }, true), `127.0.0.1:5000/test/rsyncd:1@${digest}`);
  assert.is(imageLabel(`nginx@${digest}`, { digest }, true), `nginx@${digest}`, 'a digest typed is not repeated');
  assert.is(imageLabel('nginx:1', { digest: null }, false), 'nginx:1');
});

label('a local image is the path as typed, with the name the image gives itself', () => {
  assert.is(imageLabel('docker-archive:img.tar', { digest: null, name: 'test/rsyncd:1' }, false), 'docker-archive:img.tar (test/rsyncd:1)');
  assert.is(imageLabel('oci:build/oci:rsyncd', { digest, name: 'rsyncd' }, false), 'oci:build/oci:rsyncd', 'named by its tag already');
  assert.is(imageLabel('oci-archive:a.tar', { digest }, false), 'oci-archive:a.tar');
  // A path without a transport: only when paths are read (the CLI), and then it gets no digest appended.
  assert.is(imageLabel('/nonexistent/img.tar', { digest, name: 'app:2' }, true), '/nonexistent/img.tar (app:2)');
});

const relabel = suite('labelImageReport');

relabel('labels targets and errors by id, and keeps the id', () => {
  const report = { targets: [{ target: 'r:/etc/rsyncd.conf' }, { target: 'other' }], errors: [{ target: 'r:/x', message: 'm' }] } as unknown as Report;
  const out = labelImageReport(
    report,
    new Map([
      ['r:/etc/rsyncd.conf', 'img.tar (r:1) /etc/rsyncd.conf'],
      ['r:/x', 'img.tar (r:1) /x'],
      ['other', 'other'],
    ]),
  );
  assert.equal(out.targets, [{ target: 'r:/etc/rsyncd.conf', label: 'img.tar (r:1) /etc/rsyncd.conf' }, { target: 'other' }]);
  assert.equal(out.errors, [{ target: 'r:/x', label: 'img.tar (r:1) /x', message: 'm' }]);
});

label.run();
relabel.run();
