/**
 * Manifest lists and OCI indexes: one image per platform. Both the registry and the OCI layout resolve an
 * index the same way, so a multi-platform image gives the same answer whatever form it arrives in.
 */
import { isObject, type JsonObject } from '../../common/index.ts';

/** The entries of an index, or undefined when the document is an image manifest. */
export function indexEntries(doc: unknown): JsonObject[] | undefined {
  return isObject(doc) && Array.isArray(doc['manifests']) && !isObject(doc['config']) ? doc['manifests'].filter(isObject) : undefined;
}

/** The digest of the entry for `platform` (os/arch[/variant]); an error naming what the index offers. */
export function pickPlatform(entries: JsonObject[], platform: string): string {
  const [os, arch, variant] = platform.split('/');
  const offered: string[] = [];
  for (const e of entries) {
    const p = e['platform'];
    if (!isObject(p) || typeof e['digest'] !== 'string') continue;
    offered.push([p['os'], p['architecture'], p['variant']].filter((s) => typeof s === 'string').join('/'));
    if (p['os'] === os && p['architecture'] === arch && (variant === undefined || p['variant'] === variant)) return e['digest'];
  }
  throw new Error(`no ${platform} image in the index (it has ${offered.length ? offered.join(', ') : 'no platforms'}); choose one with --platform`);
}
