import pkg from '../../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
/** The rsync release whose semantics are modelled when the target's version is unknown. */
export const DEFAULT_RSYNC_VERSION = '3.5.0';
