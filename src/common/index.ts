export type { Location } from './location.ts';
export { formatLocation } from './location.ts';
export type { Diagnostic, Severity } from './diagnostic.ts';
export { diagnostic } from './diagnostic.ts';
export type { Result } from './result.ts';
export { ok, fail, UserError } from './result.ts';
export type { ConfigSource, IncludeTarget } from './config-source.ts';
export type { SecretsEntry } from './secrets-entry.ts';
export { NO_INCLUDES } from './config-source.ts';
