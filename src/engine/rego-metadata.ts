/**
 * The rule catalog of a custom policy, read from its Rego sources' METADATA comment blocks (what
 * `opa inspect -a` reports), so a bundle needs no OPA to load. A `findings` rule without METADATA, or
 * whose METADATA has no custom.id, title or severity, is an error: custom rules carry the same contract
 * as the built-in ones.
 */
import { parse as parseYaml } from 'yaml';
import { errorMessage, fail, isObject, ok, type Result, UserError } from '../common/index.ts';
import { toCompliance } from './catalog.ts';
import { SEVERITIES, type RuleInfo } from './finding.ts';

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

interface Block {
  yaml: string;
  /** The first code line after the block. */
  next: string;
  line: number;
}

function metadataBlocks(source: string): Block[] {
  const lines = source.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.trim() !== '# METADATA') continue;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && (lines[j] ?? '').startsWith('#'); j++) body.push((lines[j] ?? '').replace(/^# ?/, ''));
    while (j < lines.length && (lines[j] ?? '').trim() === '') j++;
    blocks.push({ yaml: body.join('\n'), next: lines[j] ?? '', line: i + 1 });
    i = j - 1;
  }
  return blocks;
}

/** All `findings contains` rules of the given Rego files, each with its catalog entry. */
export function catalogFromRego(files: { path: string; text: string }[]): Result<RuleInfo[]> {
  const rules: RuleInfo[] = [];
  const bad = (where: string, why: string) => fail(new UserError(why, where, 'Give every findings rule METADATA with custom.id, custom.severity and a title (see docs/rules.md for the built-in ones).'));
  for (const file of files) {
    const pkg = /^package\s+(\S+)/m.exec(file.text)?.[1] ?? '';
    const blocks = metadataBlocks(file.text);
    const findingRules = [...file.text.matchAll(/^findings\s+contains\b/gm)].length;
    let annotated = 0;
    for (const b of blocks) {
      if (!/^findings\s+contains\b/.test(b.next)) continue;
      annotated++;
      let meta: unknown;
      try {
        meta = parseYaml(b.yaml);
      } catch (e) {
        return bad(`${file.path}:${b.line}`, `invalid METADATA YAML: ${errorMessage(e)}`);
      }
      const custom = isObject(meta) && isObject(meta['custom']) ? meta['custom'] : {};
      const id = text(custom['id']);
      const severity = text(custom['severity']);
      if (!isObject(meta) || id === '') return bad(`${file.path}:${b.line}`, 'a findings rule has no custom.id in its METADATA');
      // The id a finding must carry (finding.ts): letters, a dash, digits. Anything else could never match its
      // findings, and a `/` would collide with the SARIF descriptor of a raised built-in rule (RSYNC-001/high).
      if (!/^[A-Z][A-Z0-9]*-\d+$/.test(id)) return bad(`${file.path}:${b.line}`, `custom.id ${JSON.stringify(id)} is not a rule id like ACME-001 (capital letters, a dash, digits)`);
      if (!(SEVERITIES as readonly string[]).includes(severity)) return bad(`${file.path}:${b.line}`, `${id}: custom.severity must be one of ${SEVERITIES.join(', ')}`);
      if (rules.some((r) => r.id === id)) return bad(`${file.path}:${b.line}`, `${id} is defined twice`);
      const refs = Array.isArray(meta['related_resources']) ? meta['related_resources'] : [];
      const first: unknown = refs[0];
      rules.push({
        id,
        title: text(meta['title']) || id,
        description: text(meta['description']),
        severity: severity as RuleInfo['severity'],
        security_severity: text(custom['security_severity']) || String(custom['security_severity'] ?? ''),
        cwe: text(custom['cwe']),
        tags: Array.isArray(custom['tags']) ? custom['tags'].filter((t): t is string => typeof t === 'string') : [],
        help: text(custom['help']),
        help_uri: isObject(first) ? text(first['ref']) || null : typeof first === 'string' ? first : null,
        package: pkg,
        ...(custom['quiet_when_public'] === true ? { quiet_when_public: true } : {}),
        ...(isObject(custom['compliance']) ? { compliance: toCompliance(custom['compliance']) } : {}),
      });
    }
    if (findingRules > annotated) return bad(file.path, `${findingRules - annotated} findings rule(s) have no METADATA block`);
  }
  return ok(rules.sort((a, b) => a.id.localeCompare(b.id)));
}
