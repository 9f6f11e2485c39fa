// The reviewed CVE table (policies/rsyncguard/cves/data.yaml), checked and turned into what TypeScript reads
// (src/common/cves.generated.json) and docs/cves.md. scripts/build-policies.mjs writes both and checks them
// with --check like its other outputs. A table that breaks a rule below fails the build, not a scan.
import { readFileSync } from 'node:fs';
import YAML from 'yaml';

export const CVE_FILE = 'policies/rsyncguard/cves/data.yaml';

const APPLIES = { 'any-daemon': ['RSYNC-070'], condition: ['RSYNC-071', 'RSYNC-072'], 'not-daemon': [null] };
const ID = /^(?:CVE-\d{4}-\d{4,}|NO-CVE-\d+(?:\.\d+)*-[A-Za-z0-9.-]+)$/;
const RELEASE = /^\d+\.\d+\.\d+$/;

/** The CNA CVSS v3.1 band (FIRST's qualitative scale). */
export function band(score) {
  return score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : 'low';
}

function checkEntry(e, predicates) {
  const where = `${CVE_FILE}: ${e.id}`;
  if (!ID.test(e.id ?? '')) throw new Error(`${CVE_FILE}: ${JSON.stringify(e.id)} is not a CVE id (or NO-CVE-<release>-<what>)`);
  if (!RELEASE.test(e.fixed)) throw new Error(`${where}: fixed ${JSON.stringify(e.fixed)} is not an X.Y.Z release`);
  if (e.introduced !== null && !RELEASE.test(e.introduced)) throw new Error(`${where}: introduced must be an X.Y.Z release or null`);
  if (e.cvss === null) {
    if (!e.severity_basis) throw new Error(`${where}: no CVSS score, so severity_basis must say where the severity comes from`);
  } else if (e.cvss?.version !== '3.1' || band(e.cvss.score) !== e.severity) {
    throw new Error(`${where}: severity ${e.severity} is not the CVSS 3.1 band of ${e.cvss?.score}`);
  }
  if (!(e.applies in APPLIES) || !APPLIES[e.applies].includes(e.rule)) throw new Error(`${where}: applies ${e.applies} cannot have rule ${e.rule}`);
  const allOf = e.condition?.all_of ?? [];
  if (e.applies === 'condition' && allOf.length === 0) throw new Error(`${where}: a condition needs predicates`);
  for (const p of allOf) if (!(p.replace(/\(.*\)$/, '(X Y …)') in predicates)) throw new Error(`${where}: predicate ${p} is not defined`);
  if (!e.sources?.some((s) => /^https?:\/\//.test(s))) throw new Error(`${where}: no source URL`);
}

/** The table, checked: ids unique, severities from the score, rules fitting `applies`, predicates known. */
export function loadCves() {
  const doc = YAML.parse(readFileSync(CVE_FILE, 'utf8'));
  const seen = new Set();
  for (const e of [...doc.cves, ...doc.unverified, ...doc.not_covered]) {
    if (seen.has(e.id)) throw new Error(`${CVE_FILE}: ${e.id} is listed twice`);
    seen.add(e.id);
  }
  for (const e of doc.cves) checkEntry(e, doc.predicates);
  return doc;
}

/** What TypeScript reads (src/common/cves.ts): one flat entry per CVE, plus the ids deliberately left out. */
export function cvesJson(doc) {
  const cves = doc.cves.map((e) => ({
    id: e.id,
    fixed: e.fixed,
    introduced: e.introduced,
    severity: e.severity,
    score: e.cvss?.score ?? null,
    vector: e.cvss?.vector ?? null,
    summary: e.summary,
    component: e.component,
    applies: e.applies,
    condition: e.applies === 'condition' ? e.condition.text : null,
    all_of: e.condition?.all_of ?? [],
    rule: e.rule,
    mitigation: e.mitigation ?? null,
    sources: e.sources,
    distros: e.distros ?? {},
  }));
  const left = (l) => l.map(({ id, why, sources }) => ({ id, why, sources }));
  return `${JSON.stringify({ cves, unverified: left(doc.unverified), not_covered: left(doc.not_covered) }, null, 2)}\n`;
}

const cell = (s) => String(s ?? '—').replaceAll('|', '\\|');

/** The releases issue 15 names; a family with no cells is said to have none, not left for the reader to infer. */
const DISTRO_RELEASES = ['debian:11', 'debian:12', 'debian:13', 'ubuntu:20.04', 'ubuntu:22.04', 'ubuntu:24.04', 'rhel:8', 'rhel:9', 'rhel:10', 'alpine:3.18+', 'amzn:2023'];

function distroCoverage(cves) {
  const cells = (key) => cves.filter((e) => Object.keys(e.distros ?? {}).some((k) => (key.endsWith('+') ? k.startsWith(key.slice(0, -1).replace(/\.\d+$/, '.')) : k === key))).length;
  return [
    '## Distribution backports',
    '',
    "A distribution package is judged by the distribution's own fixed version for each CVE (dpkg, rpm or apk ordering),",
    "read from the target's os-release and package database, when the table has a cell for that release and the",
    "package is that distribution's own build. Otherwise the upstream version decides, and the judgement says so",
    '(`--explain`, JSON `vulnerabilities.considered`). Cells per release:',
    '',
    '| release | CVEs with a cell |',
    '|---|---|',
    ...DISTRO_RELEASES.map((k) => `| ${k} | ${cells(k) || 'none: judged by upstream version'} |`),
    '',
  ];
}

/** docs/cves.md: the table a reader checks a report against. */
export function renderCvesMarkdown(doc) {
  const kinds = { 'any-daemon': 'any daemon', condition: 'condition', 'not-daemon': 'client side: not applicable' };
  const row = (e) => `| [${e.id}](#${e.id.toLowerCase()}) | ${e.severity}${e.cvss ? ` (${e.cvss.score.toFixed(1)})` : ''} | ${e.introduced ?? '—'} | ${e.fixed} | ${e.rule ?? '—'} | ${kinds[e.applies]} |`;
  const section = (e) => [
    `### ${e.id}`,
    '',
    e.summary,
    '',
    `- Fixed in ${e.fixed}${e.introduced ? `, affected from ${e.introduced}` : ''}; component: ${e.component.join(', ')}.`,
    `- Severity: ${e.severity}${e.cvss ? ` — CVSS ${e.cvss.version} ${e.cvss.score.toFixed(1)} \`${e.cvss.vector}\` (${e.cvss.source})` : ` — ${e.severity_basis.replace(/\.$/, '')}`}.`,
    `- ${e.rule ? `${e.rule}` : 'No rule'}: ${e.applies === 'condition' ? `${e.condition.text.replace(/\.$/, '')} (\`${e.condition.all_of.join('`, `')}\`)` : kinds[e.applies]}.`,
    ...(e.mitigation ? [`- Mitigation: ${e.mitigation}`] : []),
    ...(e.review ? [`- Review: ${e.review}`] : []),
    `- Sources: ${e.sources.map((s) => `<${s}>`).join(', ')}`,
    '',
  ];
  return [
    '# rsync vulnerabilities rsyncguard knows',
    '',
    `Generated from \`${CVE_FILE}\` by scripts/build-policies.mjs; do not edit. RSYNC-070 reports the CVEs any daemon`,
    'exposes, RSYNC-071 those a remote client reaches through a setting, RSYNC-072 those that also need a local',
    'user on the host. Only CVEs the facts judge affected (input.rsync.cves) are reported. Severity is the CNA',
    'CVSS v3.1 band (≥ 9 critical, ≥ 7 high, ≥ 4 medium, else low). `rsyncguard rules --cves` lists the same table.',
    '',
    '| CVE | severity | introduced | fixed | rule | applies |',
    '|---|---|---|---|---|---|',
    ...doc.cves.map(row),
    '',
    ...distroCoverage(doc.cves),
    '## Conditions',
    '',
    '| predicate | holds when |',
    '|---|---|',
    ...Object.entries(doc.predicates).map(([k, v]) => `| \`${k}\` | ${cell(v)} |`),
    '',
    '## Entries',
    '',
    ...doc.cves.flatMap(section),
    '## Not reported',
    '',
    ...[...doc.unverified, ...doc.not_covered].map((e) => `- ${e.id}: ${e.why} (${e.sources.map((s) => `<${s}>`).join(', ')})`),
    '',
  ].join('\n');
}
