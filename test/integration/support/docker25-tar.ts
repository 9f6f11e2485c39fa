import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * A tar as Docker 25+ `docker save` writes it: an OCI layout (oci-layout, index.json with containerd's
 * image-name annotation, blobs/sha256/…, layers uncompressed) and the legacy manifest.json pointing into the
 * same blobs. From an OCI layout `tag`; `tags` become manifest.json's RepoTags.
 */
export function docker25Tar(layout: string, tag: string, out: string, tags: string[], work: string): void {
  const dir = mkdtempSync(join(work, 'd25-'));
  const blob = (d: string) => join(layout, 'blobs', 'sha256', d.replace('sha256:', ''));
  const put = (bytes: Buffer): string => {
    const hex = createHash('sha256').update(bytes).digest('hex');
    writeFileSync(join(dir, 'blobs', 'sha256', hex), bytes);
    return `sha256:${hex}`;
  };
  execFileSync('mkdir', ['-p', join(dir, 'blobs', 'sha256')]);
  const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as { manifests: { digest: string; annotations?: Record<string, string> }[] };
  const entry = index.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === tag);
  if (!entry) throw new Error(`no ${tag} in ${layout}`);
  const manifest = JSON.parse(readFileSync(blob(entry.digest), 'utf8')) as { config: { digest: string; size: number }; layers: { mediaType: string; digest: string; size: number }[] };
  cpSync(blob(manifest.config.digest), join(dir, 'blobs', 'sha256', manifest.config.digest.replace('sha256:', '')));
  const layers = manifest.layers.map((l) => {
    const raw = gunzipSync(readFileSync(blob(l.digest)));
    return { mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: put(raw), size: raw.length };
  });
  const m = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: manifest.config, layers }));
  const md = put(m);
  const name = tags[0] ?? 'test/rsyncd:1';
  const full = `docker.io/${name.includes('/') ? '' : 'library/'}${name}`;
  writeFileSync(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: md, size: m.length, annotations: { 'io.containerd.image.name': full, 'org.opencontainers.image.ref.name': name.replace(/^.*:/, '') } }],
    }),
  );
  writeFileSync(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify([{ Config: `blobs/sha256/${manifest.config.digest.replace('sha256:', '')}`, RepoTags: tags, Layers: layers.map((l) => `blobs/sha256/${l.digest.replace('sha256:', '')}`) }]));
  execFileSync('tar', ['-cf', out, '-C', dir, 'blobs', 'index.json', 'manifest.json', 'oci-layout']);
}
