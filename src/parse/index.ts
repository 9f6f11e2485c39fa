export { parseRsyncdConf, LISTENER_PARAMS } from './rsyncd-config.ts';
export type { RsyncdConfig, ModuleConfig, Param } from './rsyncd-config.ts';
export { PARAMS, lookupParam, strwiEq } from './rsyncd-params.ts';
export type { ParamSpec, ParamType } from './rsyncd-params.ts';
export type { Value } from './rsyncd-store.ts';
export { parseSecrets, shownName } from './secrets.ts';
export type { ParsedSecrets } from './secrets.ts';
export type { SecretsEntry } from '../common/index.ts';
export type { InlineWaiver } from './inline-waivers.ts';
