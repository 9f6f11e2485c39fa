export { localConfigSource, readLocalFile, statLocal, MAX_FILE_BYTES } from './local-files.ts';
export type { FileStat } from './local-files.ts';
export { discoverConfigs, gitModes, looksLikeRsyncd, toRootRelative } from './discover.ts';
export type { Discovered, DiscoverOptions } from './discover.ts';
export { repoConfigSource } from './repo-files.ts';
