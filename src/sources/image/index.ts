/** Container images as a source: opened in any form, indexed layer by layer, read lazily. */
import { ImageFs } from './image-fs.ts';
import { indexLayers, type LayerProgress, type NamesSecrets } from './layer-index.ts';
import type { LayerSource } from './layer-stream.ts';

export { isLocalTransport, localTransport, openImage } from './open-image.ts';
export { isLocalPath } from './local-image.ts';
export type { LocalTransportName, OpenedImage } from './open-image.ts';
export { cleanPath } from './paths.ts';
export { isSecretsName, MAX_FILE as MAX_IMAGE_FILE_BYTES } from './layer-index.ts';
export type { LayerProgress, NamesSecrets, SecretSighting, SecretsNamer } from './layer-index.ts';
export type { LayerSource } from './layer-stream.ts';
export { ImageFs } from './image-fs.ts';
export type { ImageFile } from './image-fs.ts';
export { imageConfigSource, unusableConfig } from './config-source.ts';
export { dockerConfigIgnored } from './docker-config.ts';
export { defaultDockerConfig, displayRef, indexPlatforms, MAX_NAME, overlongReference, parseRegistryRef, readDockerConfig, resolveDigest } from './registry.ts';
// From where they are defined: every command checks for an EnvironmentFailure, and registry.ts would bring the image reader along.
export { EnvironmentFailure, failureKind, isReadFailure } from './registry-failure.ts';
export type { FailureKind } from './registry.ts';
export type { RegistryOptions } from './registry.ts';
export { defaultCacheDir, DEFAULT_CACHE_BYTES } from './layer-cache.ts';
export type { LayerCache } from './layer-cache.ts';

export { costLimitExceeded, imageLimits, readImageLimits } from './limits.ts';
export { clearScratchSlot, scratchAccount, useScratchAccount } from './scratch-space.ts';
export type { ImageLimits } from './limits.ts';

/**
 * Walk and merge every layer (reading only what `prefetch` wants, and what `need` says is certainly needed
 * under a budget of its own), following the secrets files each layer's configs name (`namesSecrets`),
 * then serve lookups and lazy reads.
 */
export async function indexImage(layers: LayerSource[], prefetch: (path: string) => boolean, need?: (path: string) => boolean, onProgress?: (progress: LayerProgress) => void, namesSecrets?: NamesSecrets): Promise<ImageFs> {
  return new ImageFs(await indexLayers(layers, prefetch, need, onProgress, namesSecrets));
}
export { checkInsecureRegistry } from './insecure-registries.ts';
export { MAX_LOOPBACK_LABELS, registryLabeller } from './registry-labels.ts';
export type { RegistryLabeller } from './registry-labels.ts';
export type { InsecureRegistries } from './insecure-registries.ts';
