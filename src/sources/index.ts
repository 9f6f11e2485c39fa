export { localConfigSource, readLocalFile, statLocal, MAX_FILE_BYTES } from './local-files.ts';
export type { FileStat } from './local-files.ts';
export { discoverConfigs, gitModes, looksLikeRsyncd, toRootRelative } from './discover.ts';
export type { Discovered, DiscoverOptions } from './discover.ts';
export { repoConfigSource } from './repo-files.ts';
export { parseHostRaw, octalMode } from './host-raw.ts';
export type { HostRaw, RawFile, RawSecretsEntry } from './host-raw.ts';
export { probeDaemon } from './probe.ts';
export type { ProbeResult } from './probe.ts';
