/**
 * The image config's `rootfs.diff_ids`: the digest of each layer's uncompressed tar, in layer order. A blob
 * digest only says the registry or layout served the bytes the manifest names; the diff_id is what the
 * config (itself fetched by digest) says the layer unpacks to, so every form of image is held to it, not
 * only docker save, whose layers have no blob digest at all.
 */
import { isObject } from '../../common/index.ts';

const DIFF_ID = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;

/**
 * One diff_id per layer, or an error: a config that lists fewer (or more) than the manifest has layers, or
 * one that is no digest, leaves a layer unverified, which is never passed over silently.
 */
export function layerDiffIds(config: unknown, layers: number, where: string): string[] {
  const rootfs = isObject(config) && isObject(config['rootfs']) ? config['rootfs'] : {};
  const ids = Array.isArray(rootfs['diff_ids']) ? rootfs['diff_ids'] : [];
  if (ids.length !== layers || !ids.every((d): d is string => typeof d === 'string' && DIFF_ID.test(d))) {
    const bad = ids.length === layers ? '; not every one is a sha256 or sha512 digest' : '';
    throw new Error(`the image config lists ${ids.length} layer diff_ids for ${layers} layers in ${where}${bad}; the image is inconsistent (altered or corrupt)`);
  }
  return ids;
}
