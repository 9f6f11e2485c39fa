/**
 * The Action's inputs, read once into a typed object. An input that is wrong is an ActionInputError that
 * names it; nothing falls back silently.
 */
import { isFormatName, REPORT_FORMATS, unknownFormatMessage, type ReportFormatName } from '../report/index.ts';
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
export const INPUT_NAMES = ['paths', 'format', 'sarif-file', 'fail-on', 'policy', 'waivers', 'category', 'annotations'] as const;
export const OUTPUT_NAMES = ['sarif-file', 'findings', 'highest-severity', 'exit-code'] as const;

export interface ActionInputs {
  paths: string[];
  format: ReportFormatName;
  sarifFile: string;
  failOn: (typeof FAIL_ON)[number];
  policy: string | undefined;
  waivers: string | undefined;
  category: string;
  annotations: boolean;
}

/** INPUT_<NAME> as the runner sets it (name upper-cased, spaces to underscores). */
function raw(env: NodeJS.ProcessEnv, name: (typeof INPUT_NAMES)[number]): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: (typeof INPUT_NAMES)[number], choices: readonly T[], fallback: T): T {
  const v = raw(env, name) || fallback;
  const hit = choices.find((c) => c === v);
  if (hit === undefined) throw new ActionInputError(name, `must be one of ${choices.join(', ')}, not "${v}"`);
  return hit;
}

/** The report format the log shows: a name REPORT_FORMATS has, with the CLI's sentence for any other. */
function format(env: NodeJS.ProcessEnv): ReportFormatName {
  const v = raw(env, 'format') || 'text';
  if (!isFormatName(REPORT_FORMATS, v)) throw new ActionInputError('format', unknownFormatMessage(REPORT_FORMATS, v));
  return v;
}

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const annotations = raw(env, 'annotations') || 'true';
  if (!/^(true|false)$/i.test(annotations)) throw new ActionInputError('annotations', `must be true or false, not "${annotations}"`);
  const category = raw(env, 'category') || 'rsyncguard/';
  return {
    paths: (raw(env, 'paths') || '.').split(/\s+/).filter((p) => p !== ''),
    format: format(env),
    sarifFile: raw(env, 'sarif-file') || `rsyncguard${REPORT_FORMATS.sarif.extension}`,
    failOn: oneOf(env, 'fail-on', FAIL_ON, 'high'),
    policy: raw(env, 'policy') || undefined,
    waivers: raw(env, 'waivers') || undefined,
    // GitHub reads the category up to the last "/": make sure there is one.
    category: category.endsWith('/') ? category : `${category}/`,
    annotations: annotations.toLowerCase() === 'true',
  };
}
