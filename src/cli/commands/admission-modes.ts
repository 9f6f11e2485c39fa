/**
 * Which mode answers a review: the path the API server posts to (`/validate/warn` — the chart routes each
 * namespace labelled `rsyncguard.dev/mode` to its own path), else `--mode` for `/validate`. Any other path is
 * a misconfigured webhook, answered 404 rather than judged under a mode nobody chose.
 */
import { ADMISSION_MODES, type AdmissionMode } from '../../runner/index.ts';

export { ADMISSION_MODES, type AdmissionMode };

/** The path without its query: the API server adds `?timeout=10s` to every call. */
export function pathOf(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0] ?? '/';
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** The mode a POST to `path` is answered in, or undefined when the path is not one this webhook serves. */
export function modeForPath(path: string, configured: AdmissionMode): AdmissionMode | undefined {
  if (path === '/validate') return configured;
  const m = /^\/validate\/([a-z]+)$/.exec(path);
  return ADMISSION_MODES.find((mode) => mode === m?.[1]);
}

export const POST_PATHS = ['/validate', ...ADMISSION_MODES.map((m) => `/validate/${m}`)];
