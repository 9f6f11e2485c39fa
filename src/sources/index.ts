export { localConfigSource, readLocalFile, statLocal, MAX_FILE_BYTES } from './local-files.ts';
export type { FileStat } from './local-files.ts';
