/**
 * The orchestrators both front ends share (src/cli, src/action). Each reads as targets → facts → evaluate
 * → report: it picks its targets from a source (a config file, a repository, this host or a fleet of them
 * over ssh, an image, the images of an admission review), hands them to src/parse and src/facts for one
 * facts document each, and evaluateTargets turns the documents into one report for a front end to render.
 * The runner wires the stages: reading bytes, parsing and building facts are the stages' own work.
 */
export { loadConfigTarget, parseVersion } from './load-config.ts';
export type { ConfigTargetOptions, LoadedConfig } from './load-config.ts';
export { factsFor, repositoryTargets, scanRepository, streamRepository } from './scan-repository.ts';
export type { ConfigOrigin, ScanOptions, ScanResult, ScanTarget } from './scan-repository.ts';
export { evaluateAll, evaluateDocument, evaluateInto, evaluateTargets, exitCode, exitCodeOf, loadWaivers, openEvaluation, DEFAULT_WAIVER_FILE, FAIL_ON } from './evaluate-targets.ts';
export type { DocumentEvaluation, EvaluateOptions, Evaluation, EvaluationSink, Targets, TextedTarget } from './evaluate-targets.ts';
export { policiesFor } from './policies.ts';
export { asUserError } from './known-failure.ts';
export { EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, judgedFindings } from './exit-codes.ts';
export { parseBaseline, readBaseline } from './baseline.ts';
export { VERSION } from './version.ts';
export { collectLocal, collectorPath, hostFacts, hostErrors, hostTargets } from './host.ts';
export type { HostOptions } from './host.ts';
export { sweep } from './sweep.ts';
export { imageDisplayRef, scanImage } from './image.ts';
export { labelImageReport } from './image-label.ts';
export type { ImageScan } from './image.ts';
export type { HostOutcome, SweepOptions } from './sweep.ts';
export { parseOutcome } from './sweep-results.ts';
export { historyFileName, historyFiles, parseHistoryFile, prepareHistoryDir, readHistory, recordSweep, writeHistory, HISTORY_FILE } from './history.ts';
export { ADMISSION_MODES, AdmissionController, cut, startingDecision } from './admission.ts';
export type { AdmissionDecision, AdmissionMode, AdmissionObserver, AdmissionOptions, ImageOutcome } from './admission.ts';
export { fixRepository } from './fix-repository.ts';
export type { FixFile, FixOptions, FixRun } from './fix-repository.ts';
export { writeFixes } from './fix-write.ts';
export { fixHosts } from './fix-hosts.ts';
export type { CollectedHost, HostFixOptions, HostFixRun } from './fix-hosts.ts';
export { factsOf, judgeChange, realFile, reevaluate } from './fix-verify.ts';
export type { EvaluatedState, FixClaim } from './fix-verify.ts';
export { applyAll, combineEdits, rebaseEdits } from './fix-edits.ts';
export { combineFixes, ROUNDS, verificationsFor } from './fix-combine.ts';
export type { CombineInput } from './fix-combine.ts';
