export type { Report, TargetReport, TargetError } from './model.ts';
export { countBySeverity } from './model.ts';
export { toJson } from './json.ts';
export { toText } from './text.ts';
export { paint, colourWanted } from './colour.ts';
export type { Paint } from './colour.ts';
export { rulesText, rulesJson, rulesMarkdown } from './rules-catalog.ts';
