import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isLocalPath, looksLikeFile } from './local-image.ts';
import { openImage } from './open-image.ts';

test('a name that reads as a file (an archive name, or a "/" path no registry could serve) is a local path', () => {
  for (const ref of ['img.tar', 'sub/x.tar', 'Img.tar', 'img.oci', 'a.oci.tar', 'b.tar.gz', 'c.TGZ', 'Build/x', 'dir\\img.tar']) assert.ok(looksLikeFile(ref), ref);
  // Registry references: a host, a tag or a digest, or a repository name without an archive's ending.
  for (const ref of ['nginx', 'bitnami/rsync', 'nginx:1.tar', 'registry.example.com/x.tar', 'localhost:5000/a.tar', 'docker.io/library/img.tar', `img.tar@sha256:${'a'.repeat(64)}`]) {
    assert.not.ok(looksLikeFile(ref), ref);
    assert.not.ok(isLocalPath(ref), ref);
  }
});

test('a missing local file written without ./ is "no such file" here, and no request goes to any registry', async () => {
  const cwd = process.cwd();
  const real = globalThis.fetch;
  const asked: string[] = [];
  globalThis.fetch = ((url: string | URL | Request) => {
    asked.push(String(url));
    return Promise.reject(new Error('no network in this test'));
  }) as typeof fetch;
  process.chdir(mkdtempSync(join(tmpdir(), 'rg-local-image-')));
  try {
    const cases: [string, string][] = [
      ['img.tar', 'img.tar: no such file or directory here (to pull it from a registry write docker.io/library/img.tar)'],
      ['sub/xx.tar', 'sub/xx.tar: no such file or directory here (to pull it from a registry write docker.io/sub/xx.tar)'],
      ['img.oci', 'img.oci: no such file or directory here (to pull it from a registry write docker.io/library/img.oci)'],
      // No registry could serve an upper-case repository: nothing to suggest.
      ['Img.tar', 'Img.tar: no such file or directory here (a local image: a docker-archive or oci-archive file, or an OCI layout directory)'],
      ['./gone.tar', './gone.tar: no such file or directory here (a local image: a docker-archive or oci-archive file, or an OCI layout directory)'],
    ];
    for (const [ref, message] of cases) {
      const e = await openImage(ref, { platform: 'linux/amd64', insecure: false }, { paths: true }).then(
        () => null,
        (err: unknown) => err,
      );
      assert.instance(e, Error, ref);
      assert.is((e as Error).message, message);
    }
    assert.equal(asked, [], 'never sent to a registry');
  } finally {
    process.chdir(cwd);
    globalThis.fetch = real;
  }
});

test.run();
