export { parseRsyncdConf, LISTENER_PARAMS } from './rsyncd-config.ts';
export type { RsyncdConfig, ModuleConfig, Param } from './rsyncd-config.ts';
export { PARAMS, lookupParam, strwiEq } from './rsyncd-params.ts';
export type { ParamSpec, ParamType } from './rsyncd-params.ts';
export type { Value } from './rsyncd-store.ts';
export { parseSecrets, shownName } from './secrets.ts';
export type { ParsedSecrets } from './secrets.ts';
export type { SecretsEntry } from '../common/index.ts';
export type { InlineWaiver } from './inline-waivers.ts';
export { configOf, hostErrors, isVerifiedDaemon, parseHostConfigs } from './host-configs.ts';
export type { HostProcess, ParsedConfig } from './host-configs.ts';
export { localSecrets, moduleSecretsPaths, repoSecrets, secretsFilesOf } from './secrets-files.ts';
export type { SecretsFile } from './secrets-files.ts';
export { parseUnitSettings } from './systemd-unit.ts';
export type { UnitSettings } from './systemd-unit.ts';
export { PACKAGE_DATABASES, releaseFromPackages, releaseFromVersionLine } from './rsync-release.ts';
export type { RsyncRelease } from './rsync-release.ts';
/** The collector's document, as the facts stage reads it after parsing (facts sees no source). */
export type { HostRaw } from '../sources/index.ts';
