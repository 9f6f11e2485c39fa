export { buildFacts, OUTSIDE_CLIENTS, relabelFiles } from './build-facts.ts';
export type { FactsInput, SecretsInput } from './build-facts.ts';
export { simulateAccess } from './access/simulate.ts';
export type { AccessReport, ClientSpec, ModuleAccess, Outcome, SimulationOptions } from './access/simulate.ts';
export type { Resolution, Version } from './access/hosts.ts';
export { hostnameTokens } from './access/hostname-tokens.ts';
export { FACTS_SCHEMA } from './types.ts';
export type { DaemonFacts, FactsDocument, ImageFacts } from './types.ts';
export { validateFacts } from './validate.ts';
