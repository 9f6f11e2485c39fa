export { PolicyEngine, DEFAULT_ENTRYPOINT } from './policy-engine.ts';
export type { PolicySource } from './policy-engine.ts';
export { SEVERITIES, severityRank, compareFindings } from './finding.ts';
export type { Finding, RuleInfo, Severity } from './finding.ts';
export { parseWaiverFile, applyWaivers } from './waivers.ts';
export type { Waiver, WaivedFinding, WaiverOutcome } from './waivers.ts';
export { parseRuleCatalog } from './catalog.ts';
export { catalogFromRego } from './rego-metadata.ts';
