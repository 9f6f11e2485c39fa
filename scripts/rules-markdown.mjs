// docs/rules.md from the rule catalog: a table, then one section per rule with its help, then the compliance
// controls the rules map to (policies/rsyncguard/compliance/data.yaml).
const FRAMEWORK_LABEL = { nist: 'NIST SP 800-53', pci: 'PCI DSS', cis: 'CIS' };

/** One line per framework a rule maps to; CIS items by recommendation, as the benchmarks share one. */
function complianceLines(r, table) {
  const c = r.compliance;
  if (!c) return [];
  const lines = [];
  if (c.nist.length > 0) lines.push(`- ${FRAMEWORK_LABEL.nist}: ${c.nist.map((id) => `${id} (${table.nist.controls[id]})`).join(', ')}`);
  if (c.pci.length > 0) lines.push(`- ${FRAMEWORK_LABEL.pci}: ${c.pci.map((id) => `${id} (${table.pci.controls[id]})`).join(', ')}`);
  for (const [rec, { title }] of Object.entries(table.cis.recommendations)) {
    const items = c.cis.filter((id) => table.cis.controls[id].recommendation === rec);
    if (items.length > 0) lines.push(`- ${FRAMEWORK_LABEL.cis}: ${title}: ${items.join(', ')} ([items](#cis-benchmark-items))`);
  }
  return ['Compliance:', '', ...lines, ''];
}

function complianceTables(table) {
  const out = [
    '## Compliance controls',
    '',
    `Ids the rules name under \`custom.compliance\` in their METADATA. ${table.nist.name}: [source](${table.nist.source}); ${table.pci.name}: [source](${table.pci.source}). PCI titles are short summaries, not the standard's text.`,
    '',
    '| framework | control | title |',
    '|---|---|---|',
    ...Object.entries(table.nist.controls).map(([id, title]) => `| NIST | ${id} | ${title} |`),
    ...Object.entries(table.pci.controls).map(([id, title]) => `| PCI DSS | ${id} | ${title} |`),
    '',
    '### CIS benchmark items',
    '',
    '| id | benchmark | item | for (os-release ID, VERSION_ID) | recommendation | CCE |',
    '|---|---|---|---|---|---|',
    ...Object.entries(table.cis.controls).map(([id, c]) => `| ${id} | ${c.benchmark} | ${c.item} | ${c.os.ids.join(', ')} ${c.os.version} | ${table.cis.recommendations[c.recommendation].title} | ${c.cce.join(', ') || '—'} |`),
    '',
  ];
  return out;
}

export function renderRulesMarkdown(rules, table) {
  const out = [
    '# rsyncguard rules',
    '',
    "Generated from the policies' METADATA by `npm run build:policies`; do not edit by hand.",
    '',
    '| id | severity | title | CWE | NIST SP 800-53 | PCI DSS |',
    '|---|---|---|---|---|---|',
    ...rules.map((r) => `| [${r.id}](#${r.id.toLowerCase()}) | ${r.severity} (${r.security_severity}) | ${r.title} | ${r.cwe} | ${r.compliance?.nist.join(', ') ?? ''} | ${r.compliance?.pci.join(', ') ?? ''} |`),
    '',
  ];
  for (const r of rules) {
    out.push(`## ${r.id}`, '', `**${r.title}** — ${r.severity} (${r.security_severity}), ${r.cwe}, tags: ${r.tags.join(', ')}`, '', r.description, '', r.help, '');
    if (r.quiet_when_public) out.push('Not reported for read-only modules declared public (`# rsyncguard: public <reason>`, or `public:` in .rsyncguard.yaml); the report lists what it left out.', '');
    out.push(...complianceLines(r, table));
    if (r.help_uri) out.push(`Reference: ${r.help_uri}`, '');
  }
  out.push(...complianceTables(table));
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
