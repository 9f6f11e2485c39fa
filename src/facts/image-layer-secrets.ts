/**
 * Secrets files baked into an image's layers (RSYNC-092): whoever can pull the image has them, whatever
 * the final filesystem shows. A file a config names is a secrets file whatever its name (a link to
 * `data/real` included), and a layer that holds one is a finding even when no config of the final image
 * is left to evaluate: then the image gets a target of its own, named by the config that named the file.
 */
import { diagnostic } from '../common/index.ts';
import type { ImageRsyncdConfig, RsyncdConfig } from '../parse/index.ts';
import type { ImageFacts } from './types.ts';

type Sighting = ImageFacts['layer_secrets'][number];

/** A config, in some layer, that names a secrets file (the sources' SecretsNamer). */
export interface LayerConfig {
  /** Root-relative path. */
  path: string;
  /** Digest of the layer that wrote it. */
  layer: string;
  /** sha256 (hex) of its bytes. */
  sha256: string;
}

/**
 * What the indexer saw in the layers, plus each secrets file this config names that the image holds as
 * the daemon would open it (links followed inside the image root), under the path and layer it resolves to.
 */
export function withNamedSecrets(sightings: Sighting[], parsed: ImageRsyncdConfig): Sighting[] {
  const all = [...sightings];
  for (const s of parsed.secrets) {
    if (!s.file || !s.stat) continue;
    const path = s.file.replace(/^\/+/, '');
    const layer = parsed.layers.find((l) => l.path === path)?.layer;
    if (layer === undefined || all.some((o) => o.path === path && o.layer === layer)) continue;
    all.push({ path, layer, deleted_later: false });
  }
  return all;
}

/**
 * The configuration of an image target with no rsyncd config left to evaluate: nothing starts or serves,
 * so no daemon, access or exposure rule of a config can fire; the config that named the secrets file, in
 * the layer that wrote it, is listed so findings point at it, and a note says why nothing else is checked.
 */
export function layerSecretsConfig(namer: LayerConfig | undefined, ref: string): RsyncdConfig {
  const file = namer ? `/${namer.path}` : undefined;
  const note = (at: string, layer: string) =>
    diagnostic(
      'info',
      'image-layer-secrets',
      `No rsyncd config of ${ref} was evaluated (a later layer deleted it, or nothing in the image starts rsync with it); ${at}, written by layer ${layer}, names a secrets file: only the secrets files the image's layers hold are checked.`,
      {
        file: at,
        line: 1,
        column: 1,
      },
    );
  return {
    starts: false,
    serves: false,
    partial: false,
    limit: null,
    files: namer && file ? [{ path: file, sha256: namer.sha256 }] : [],
    global: {},
    listener: {},
    modules: [],
    diagnostics: namer && file ? [note(file, namer.layer)] : [],
    inlineWaivers: [],
    publicDeclarations: [],
  };
}
