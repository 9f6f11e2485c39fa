/** A rule catalog (dist/rules.json, or a custom policy's) enters as unknown and leaves checked. */
import { type ComplianceMap, fail, isObject, ok, type Result, UserError } from '../common/index.ts';
import { SEVERITIES, type RuleInfo } from './finding.ts';

export interface RuleCatalog {
  entrypoint: string;
  rules: RuleInfo[];
  /** The parameters the policy can read; null: pass every parameter. */
  paramNames: string[] | null;
}

export function parseRuleCatalog(json: unknown, source: string): Result<RuleCatalog> {
  const bad = (why: string) => fail(new UserError(`invalid rule catalog: ${why}`, source, 'Regenerate it with npm run build:policies.'));
  if (!isObject(json) || typeof json['entrypoint'] !== 'string' || !Array.isArray(json['rules'])) return bad('expected {entrypoint, rules: [...]}');
  const rules: RuleInfo[] = [];
  const ids = new Set<string>();
  for (const r of json['rules']) {
    if (!isObject(r) || typeof r['id'] !== 'string' || r['id'] === '') return bad('a rule has no id');
    const id = r['id'];
    if (ids.has(id)) return bad(`${id} appears twice`);
    ids.add(id);
    const severity = r['severity'];
    if (typeof severity !== 'string' || !(SEVERITIES as readonly string[]).includes(severity)) return bad(`${id} has severity ${JSON.stringify(severity)}`);
    const text = (k: string): string => (typeof r[k] === 'string' ? (r[k] as string) : '');
    rules.push({
      id,
      title: text('title') || id,
      description: text('description'),
      severity: severity as RuleInfo['severity'],
      security_severity: text('security_severity'),
      cwe: text('cwe'),
      tags: Array.isArray(r['tags']) ? r['tags'].filter((t): t is string => typeof t === 'string') : [],
      help: text('help'),
      help_uri: text('help_uri') || null,
      package: text('package'),
      ...(r['quiet_when_public'] === true ? { quiet_when_public: true } : {}),
      ...(isObject(r['compliance']) ? { compliance: toCompliance(r['compliance']) } : {}),
    });
  }
  const names = json['param_names'];
  const paramNames = Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : null;
  return ok({ entrypoint: json['entrypoint'], rules, paramNames });
}

/** Every framework present, as a list of ids (a custom policy's catalog may name a framework or none). */
export function toCompliance(v: Record<string, unknown>): ComplianceMap {
  const list = (x: unknown): string[] => (Array.isArray(x) ? x.filter((id): id is string => typeof id === 'string') : []);
  return { nist: list(v['nist']), pci: list(v['pci']), cis: list(v['cis']) };
}
