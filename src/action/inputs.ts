/**
 * The Action's inputs, read once into a typed object. An input that is wrong is an ActionInputError that
 * names it; nothing falls back silently. An input left empty (`format: ''`, or only blanks) means its
 * default, as when it is not given: the runner passes an unset input as action.yml's default, and
 * INPUT_DEFAULTS holds the same values (a test checks action.yml against it), so both ways agree.
 */
import { formatNames, isFormatName, REPORT_FORMATS, unknownFormatMessage, type ReportFormatName } from '../report/index.ts';
import { FRAMEWORKS, releaseNumbers, type Framework } from '../common/index.ts';
import { FAIL_ON } from '../runner/index.ts';

export class ActionInputError extends Error {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(`Input "${input}": ${message}`);
    this.name = 'ActionInputError';
  }
}

/** Every input the code reads; action.yml must declare exactly these (a test checks both ways). */
export const INPUT_NAMES = ['paths', 'exclude', 'format', 'sarif-file', 'fail-on', 'severity', 'policy', 'waivers', 'category', 'annotations', 'sarif-suppressions', 'compliance', 'rsync-version', 'fix-patch', 'baseline'] as const;
export const OUTPUT_NAMES = ['sarif-file', 'findings', 'highest-severity', 'exit-code', 'declared-public', 'fix-patch', 'new-findings'] as const;

type InputName = (typeof INPUT_NAMES)[number];

/**
 * Each input's default: action.yml's `default:` (undefined where it declares none), used when the input is
 * empty. The waivers file's default is found by the runner (.rsyncguard.yaml when present), not here.
 */
export const INPUT_DEFAULTS: Readonly<Record<InputName, string | undefined>> = {
  paths: '.',
  exclude: undefined,
  format: 'text',
  'sarif-file': `rsyncguard${REPORT_FORMATS.sarif.extension}`,
  'fail-on': 'high',
  severity: undefined,
  policy: undefined,
  waivers: undefined,
  category: 'rsyncguard/',
  annotations: 'true',
  'sarif-suppressions': 'false',
  compliance: undefined,
  'rsync-version': undefined,
  'fix-patch': undefined,
  baseline: undefined,
};

export interface ActionInputs {
  paths: string[];
  /**
   * Globs to leave out, as scan's --exclude: relative to each path scanned, and applied to what a glob in
   * `paths` matches (relative to the workspace). Separated by commas or newlines.
   */
  exclude: string[];
  format: ReportFormatName;
  sarifFile: string;
  failOn: (typeof FAIL_ON)[number];
  /**
   * `severity` as scan's --severity, the text the filter parses (commas or blanks between levels, any case):
   * only these severities are reported, and fail-on judges what is reported. Undefined reports every one.
   */
  severity: string | undefined;
  policy: string | undefined;
  waivers: string | undefined;
  category: string;
  annotations: boolean;
  /**
   * Waived and declared-public findings in the SARIF file as suppressed results. Off by default: code
   * scanning ignores `suppressions` and opens them as alerts (shared/reference/sarif-github.md §1.11); the
   * job summary and the `declared-public` output say what was left out either way.
   */
  sarifSuppressions: boolean;
  /** The framework of the --compliance section (log, job summary, SARIF run properties), or none. */
  compliance: Framework | undefined;
  /**
   * The rsync release the scanned configurations run (X.Y.Z), as the CLI's --rsync-version: without it the
   * version-dependent rules and CVEs are not judged (a repository holds no binary to ask).
   */
  rsyncVersion: string | undefined;
  /**
   * Where to write the verified fixes as a unified diff (`rsyncguard fix`'s output), for a later step that
   * commits it or opens a pull request; none when empty (fixes are then not computed: each is re-evaluated).
   */
  fixPatch: string | undefined;
  /**
   * An earlier run's JSON report or SARIF file (`--baseline`): findings are marked new, updated or unchanged,
   * the fixed ones listed, and `fail-on` counts only new and updated findings (docs/baselines.md).
   */
  baseline: string | undefined;
}

/** INPUT_<NAME> as the runner sets it (name upper-cased, spaces to underscores); empty means the default. */
function raw(env: NodeJS.ProcessEnv, name: InputName): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim() || (INPUT_DEFAULTS[name] ?? '');
}

/** The choice `v` names, in any case (`HIGH`, `Sarif`), as its canonical spelling; undefined for none. */
function choiceOf<T extends string>(choices: readonly T[], v: string): T | undefined {
  return choices.find((c) => c.toLowerCase() === v.toLowerCase());
}

/** Any case is taken (`fail-on: HIGH`, as the CLI takes --fail-on HIGH); the value read is the canonical one. */
function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: InputName, choices: readonly T[]): T {
  const v = raw(env, name);
  const hit = choiceOf(choices, v);
  if (hit === undefined) throw new ActionInputError(name, `must be one of ${choices.join(', ')}, not "${v}"`);
  return hit;
}

/** The report format the log shows: a name REPORT_FORMATS has, in any case, with the CLI's sentence for any other. */
function format(env: NodeJS.ProcessEnv): ReportFormatName {
  const v = raw(env, 'format');
  const name = choiceOf(formatNames(REPORT_FORMATS), v);
  if (name === undefined || !isFormatName(REPORT_FORMATS, name)) throw new ActionInputError('format', unknownFormatMessage(REPORT_FORMATS, v));
  return name;
}

/** A list input: items separated by commas or line breaks (a YAML block), blanks around each dropped. */
function list(env: NodeJS.ProcessEnv, name: 'exclude'): string[] {
  return raw(env, name)
    .split(/[,\n]/)
    .map((g) => g.trim())
    .filter((g) => g !== '');
}

function flag(env: NodeJS.ProcessEnv, name: 'annotations' | 'sarif-suppressions'): boolean {
  const v = raw(env, name);
  if (!/^(true|false)$/i.test(v)) throw new ActionInputError(name, `must be true or false, not "${v}"`);
  return v.toLowerCase() === 'true';
}

/** `rsync-version` as the CLI takes --rsync-version: a release X.Y.Z, or nothing. */
function rsyncVersion(env: NodeJS.ProcessEnv): string | undefined {
  const v = raw(env, 'rsync-version');
  if (v === '') return undefined;
  if (releaseNumbers(v) === null) throw new ActionInputError('rsync-version', `must be a release like 3.2.7, not "${v}"`);
  return v;
}

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const annotations = flag(env, 'annotations');
  const category = raw(env, 'category');
  return {
    paths: raw(env, 'paths')
      .split(/\s+/)
      .filter((p) => p !== ''),
    exclude: list(env, 'exclude'),
    format: format(env),
    sarifFile: raw(env, 'sarif-file'),
    failOn: oneOf(env, 'fail-on', FAIL_ON),
    severity: raw(env, 'severity') || undefined,
    policy: raw(env, 'policy') || undefined,
    waivers: raw(env, 'waivers') || undefined,
    // GitHub reads the category up to the last "/": make sure there is one.
    category: category.endsWith('/') ? category : `${category}/`,
    annotations,
    sarifSuppressions: flag(env, 'sarif-suppressions'),
    compliance: raw(env, 'compliance') === '' ? undefined : oneOf(env, 'compliance', FRAMEWORKS),
    rsyncVersion: rsyncVersion(env),
    fixPatch: raw(env, 'fix-patch') || undefined,
    baseline: raw(env, 'baseline') || undefined,
  };
}
