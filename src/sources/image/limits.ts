/**
 * The image reader's limits, each with a default and an environment variable to change it. Read when a scan
 * starts, not when the module loads, and validated: a value that is not a positive whole number is an error
 * naming the variable, never NaN (every comparison with NaN is false, so a NaN cap would turn the cap off).
 */
import { statfsSync } from 'node:fs';
import { ok, readEnvNumber, type Result } from '../../common/index.ts';

export interface ImageLimits {
  /** Bytes one layer's tar may inflate to (a gzip or zstd bomb stops here). */
  layerBytes: number;
  /** Bytes all walks of one image's layers may inflate to, in all: indexing and every later lazy read. */
  inflateBytes: number;
  /** Entries indexed over all layers. */
  entries: number;
  /** Characters of entry names and link targets indexed over all layers. */
  nameBytes: number;
  /** Bytes a gzip-compressed image archive may inflate to on disk. */
  archiveBytes: number;
  /**
   * Bytes of registry layers copied under TMPDIR (no shared layer cache) by every analysis of the process
   * together (scratch-space.ts): the disk's free space does not show a Kubernetes emptyDir's sizeLimit.
   */
  scratchBytes: number;
  /** Bytes left free on the disk that holds inflated archives and cached layers. */
  minFreeBytes: number;
}

const LIMITS: Record<keyof ImageLimits, { env: string; fallback: number }> = {
  layerBytes: { env: 'RSYNCGUARD_MAX_LAYER_BYTES', fallback: 8 * 2 ** 30 },
  inflateBytes: { env: 'RSYNCGUARD_MAX_IMAGE_INFLATE_BYTES', fallback: 32 * 2 ** 30 },
  entries: { env: 'RSYNCGUARD_MAX_IMAGE_ENTRIES', fallback: 3_000_000 },
  nameBytes: { env: 'RSYNCGUARD_MAX_IMAGE_NAME_BYTES', fallback: 256 * 2 ** 20 },
  archiveBytes: { env: 'RSYNCGUARD_MAX_ARCHIVE_BYTES', fallback: 16 * 2 ** 30 },
  scratchBytes: { env: 'RSYNCGUARD_MAX_SCRATCH_BYTES', fallback: 4 * 2 ** 30 },
  minFreeBytes: { env: 'RSYNCGUARD_MIN_FREE_BYTES', fallback: 256 * 2 ** 20 },
};

/** The variable's name for a limit, for messages that tell how to raise it. */
export const limitVariable = (key: keyof ImageLimits): string => LIMITS[key].env;

/** The limits on what reading an image costs (not the free-space reserve, which is the disk's state). */
const COST_LIMITS: (keyof ImageLimits)[] = ['layerBytes', 'inflateBytes', 'entries', 'nameBytes', 'archiveBytes', 'scratchBytes'];

/**
 * Whether a failure message is one of a cost limit's (each names its variable): the image holds more than
 * the reader will walk — a bomb, too many files — which is the image's doing, the same every time.
 */
export function costLimitExceeded(message: string): boolean {
  return COST_LIMITS.some((key) => message.includes(`(${LIMITS[key].env})`));
}

/**
 * Every limit, validated (src/common's readEnvNumber): a cap of 0 would refuse every image, so caps start at
 * 1; a free-space reserve of 0 is meaningful.
 */
export function readImageLimits(env: Readonly<Record<string, string | undefined>> = process.env): Result<ImageLimits> {
  const out = {} as Record<keyof ImageLimits, number>;
  for (const key of Object.keys(LIMITS) as (keyof ImageLimits)[]) {
    const { env: name, fallback } = LIMITS[key];
    const value = readEnvNumber(env, name, { min: key === 'minFreeBytes' ? 0 : 1, fallback });
    if (!value.ok) return value;
    out[key] = value.value;
  }
  return ok(out);
}

/**
 * The same, for the image reader, which reports failures as thrown errors turned into "could not be
 * evaluated" per image; the message names the first variable set to something invalid and what to do.
 */
export function imageLimits(): ImageLimits {
  const limits = readImageLimits();
  if (!limits.ok) {
    const hint = limits.error.hint ?? '';
    throw new Error(hint === '' ? limits.error.message : `${limits.error.message}; ${hint.charAt(0).toLowerCase()}${hint.slice(1).replace(/\.$/, '')}`);
  }
  return limits.value;
}

/** Bytes an unprivileged process may still write to the filesystem holding `dir`. */
export function freeBytes(dir: string): number {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
}

/** A size for messages: GiB or MiB when that is exact enough, else bytes. */
export const mib = (n: number): string => (n >= 2 ** 30 ? `${(n / 2 ** 30).toFixed(1)} GiB` : n >= 2 ** 20 ? `${Math.ceil(n / 2 ** 20)} MiB` : `${n} bytes`);
