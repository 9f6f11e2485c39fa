export { parseRsyncdConf, LISTENER_PARAMS } from './rsyncd-config.ts';
export type { RsyncdConfig, ModuleConfig, Param } from './rsyncd-config.ts';
export type { ConfigSource, IncludeTarget } from './rsyncd-source.ts';
export { NO_INCLUDES } from './rsyncd-source.ts';
export { PARAMS, lookupParam, strwiEq } from './rsyncd-params.ts';
export type { ParamSpec, ParamType } from './rsyncd-params.ts';
export type { Value } from './rsyncd-store.ts';
